package org.heatpumpsuite.ingest.rest;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.heatpumpsuite.ingest.client.VictoriaMetricsUnavailableException;
import org.heatpumpsuite.ingest.pump.service.StartingException;
import org.heatpumpsuite.ingest.pump.service.UnknownPumpException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;

/** Maps errors to problem+json; never leaks exception classes or stack traces. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e) {
        List<Problem.FieldError> errors = e.errors();
        return problem(new Problem("about:blank", "Invalid request", 400,
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " parameters are invalid",
                null, errors));
    }

    @ServerExceptionMapper
    public Response unknownPump(UnknownPumpException e) {
        List<Problem.FieldError> errors = e.heatpumpIds().stream()
                .map(id -> new Problem.FieldError("heatpump_id", "no heat pump " + id + " is configured"))
                .toList();
        return problem(new Problem("about:blank", "Not Found", 404, e.getMessage(), null, errors));
    }

    @ServerExceptionMapper
    public Response starting(StartingException e) {
        return Response.fromResponse(problem(new Problem("about:blank", "Service Unavailable", 503, e.getMessage(),
                null, null))).header("Retry-After", "1").build();
    }

    @ServerExceptionMapper
    public Response unavailable(VictoriaMetricsUnavailableException e) {
        Log.warn(e.getMessage());
        return problem(new Problem("about:blank", "Service Unavailable", 503,
                "the time series store does not answer; try again shortly", null, null));
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
}
