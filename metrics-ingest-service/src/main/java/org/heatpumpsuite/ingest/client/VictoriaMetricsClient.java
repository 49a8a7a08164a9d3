package org.heatpumpsuite.ingest.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/**
 * The VictoriaMetrics endpoints this service reads (the import request is {@link VictoriaMetricsWriter}); nothing
 * else of VictoriaMetrics is reachable through the service. Statuses are not mapped to exceptions
 * ({@code disable-default-mapper}): callers look at them.
 */
@RegisterRestClient(configKey = "victoriametrics")
public interface VictoriaMetricsClient {

    /** Drops cached query results so backfilled samples show in charts. */
    @GET
    @Path("/internal/resetRollupResultCache")
    RestResponse<String> resetRollupResultCache();

    @GET
    @Path("/health")
    Uni<RestResponse<String>> health();

    @POST
    @Path("/api/v1/query")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<RestResponse<String>> query(@FormParam("query") String query, @FormParam("time") String time);

    @POST
    @Path("/api/v1/query_range")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<RestResponse<String>> queryRange(@FormParam("query") String query, @FormParam("start") String start,
            @FormParam("end") String end, @FormParam("step") String step);

    @POST
    @Path("/api/v1/series")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<RestResponse<String>> series(@FormParam("match[]") String match, @FormParam("start") String start,
            @FormParam("end") String end);
}
