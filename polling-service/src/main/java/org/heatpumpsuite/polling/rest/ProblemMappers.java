package org.heatpumpsuite.polling.rest;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.logging.Log;

/** Maps errors to problem+json; never leaks exception classes or stack traces. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(new Problem("about:blank", "Invalid request", 400,
                errors.size() + " field(s) are invalid", null, errors));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return problem(new Problem("about:blank", "Malformed JSON", 400, e.getOriginalMessage(), null, null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return problem(new Problem("about:blank", e.getResponse().getStatusInfo().getReasonPhrase(), status,
                status >= 500 ? null : e.getMessage(), null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Log.error("unexpected error", e);
        return problem(new Problem("about:blank", "Internal error", 500, "see the service log", null, null));
    }

    private static Response problem(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** The field as the client named it: method and parameter nodes dropped, camelCase to snake_case. */
    static String field(ConstraintViolation<?> v) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node n : v.getPropertyPath()) {
            if (n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.PARAMETER || n.getName() == null) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(n.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase());
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }
}
