package org.heatpumpsuite.registry.rest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A failure the client should see as problem+json with this status (and, for 400, the fields at fault). */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final JsonNode probe;

    public ApiProblem(int status, String title, String detail, List<Problem.FieldError> errors, JsonNode probe) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.probe = probe;
    }

    public static ApiProblem invalid(List<Problem.FieldError> errors) {
        return new ApiProblem(400, "Invalid request", errors.size() + " field(s) are invalid", errors, null);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "Not Found", what + " does not exist", null, null);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, null, null);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", detail, null, null);
    }

    public static ApiProblem unavailable(String title, String detail) {
        return new ApiProblem(503, title, detail, null, null);
    }

    public Problem problem() {
        return new Problem("about:blank", title, status, getMessage(), null, errors, probe);
    }

    public int status() {
        return status;
    }
}
