package org.heatpumpsuite.registry.heatpump.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** The polling service's connection test (docs/contracts/probe-request, probe-response); needs an admin token. */
@Path("/api/probe")
public interface ProbeClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> probe(@HeaderParam("Authorization") String authorization, ProbeRequest request);
}
