package org.heatpumpsuite.registry.rest;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Maps errors to problem+json; never leaks exception classes or stack traces. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response api(ApiProblem e) {
        return problem(e.problem());
    }

    /** Wins over Quarkus' own mapper for this type, which answers 400 without a body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof MismatchedInputException m) {
            String field = path(m);
            return problem(new Problem("about:blank", "Invalid request", 400, "1 field(s) are invalid", null,
                    List.of(new Problem.FieldError(field, expected(m)))));
        }
        if (e instanceof JsonParseException p && p.getLocation() != null) {
            return problem(new Problem("about:blank", "Malformed JSON", 400, "the body is not valid JSON (line "
                    + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ")", null,
                    List.of(new Problem.FieldError("body", "not valid JSON"))));
        }
        return problem(new Problem("about:blank", "Malformed JSON", 400, "the body is not valid JSON", null,
                List.of(new Problem.FieldError("body", "not valid JSON"))));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return problem(new Problem("about:blank", "Unauthorized", 401, "a valid bearer token is required", null, null));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return problem(new Problem("about:blank", "Unauthorized", 401, "a valid bearer token is required", null, null));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(new Problem("about:blank", "Forbidden", 403, "your role does not allow this", null, null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed here";
            case 415 -> "send application/json";
            case 400 -> "the request is malformed";
            default -> status >= 500 ? null : title;
        };
        return problem(new Problem("about:blank", title, status, detail, null,
                status == 400 ? List.of(new Problem.FieldError("body", "malformed request")) : null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Log.error("unexpected error", e);
        return problem(new Problem("about:blank", "Internal error", 500, "see the service log", null, null));
    }

    static Response problem(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** The JSON path of the offending field: {@code connection.port}, {@code device_config.circuits[0]}. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String expected(MismatchedInputException e) {
        Class<?> t = e.getTargetType();
        if (t == null) {
            return "wrong type";
        }
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(t) || t == double.class) {
            return "must be a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "must be true or false";
        }
        if (t == String.class) {
            return "must be a string";
        }
        if (List.class.isAssignableFrom(t) || t.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }
}
