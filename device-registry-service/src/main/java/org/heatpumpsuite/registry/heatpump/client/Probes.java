package org.heatpumpsuite.registry.heatpump.client;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.heatpumpsuite.registry.config.RegistryConfig;
import org.heatpumpsuite.registry.rest.ApiProblem;
import org.heatpumpsuite.registry.rest.Problem;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;

/** Calls the polling service's probe with the caller's token and turns its failures into problems. */
@ApplicationScoped
public class Probes {

    private final ProbeClient client;

    @Inject
    public Probes(RegistryConfig config) {
        this.client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.probeUrl()))
                .connectTimeout(3, TimeUnit.SECONDS)
                .readTimeout(40, TimeUnit.SECONDS)
                .build(ProbeClient.class);
    }

    /** The probe's answer (200 with ok true or false); 502/503 problem if the polling service cannot be asked. */
    public Uni<JsonNode> probe(ProbeRequest request, String bearerToken) {
        return client.probe(bearerToken == null ? null : "Bearer " + bearerToken, request)
                .onFailure().transform(e -> {
                    if (e instanceof WebApplicationException w) {
                        int status = w.getResponse().getStatus();
                        if (status == 400) {
                            return ApiProblem.invalid(List.of(new Problem.FieldError("connection",
                                    "the polling service rejected the connection settings")));
                        }
                        if (status == 401 || status == 403) {
                            return new ApiProblem(403, "Forbidden",
                                    "the polling service refused the connection test for this token", null, null);
                        }
                        Log.warnf("probe answered %d", status);
                        return new ApiProblem(502, "Bad Gateway", "the connection test failed in the polling "
                                + "service (HTTP " + status + "); retry, or save without a test (verify=false)",
                                null, null);
                    }
                    if (e instanceof ProcessingException || e instanceof java.net.ConnectException) {
                        return new ApiProblem(503, "Connection test unavailable", "the polling service does not "
                                + "answer; retry, or save without a test (verify=false)", null, null);
                    }
                    return e;
                });
    }
}
