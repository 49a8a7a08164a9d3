package org.heatpumpsuite.registry.heatpump.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.heatpumpsuite.registry.auth.service.Actor;
import org.heatpumpsuite.registry.heatpump.service.HeatpumpInput;
import org.heatpumpsuite.registry.heatpump.service.HeatpumpService;
import org.heatpumpsuite.registry.heatpump.service.HeatpumpView;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** Heat pumps (PLAN.md 3.2): any role reads; adding, changing, removing and testing pumps is for admins. */
@Path("/api/heatpumps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
public class HeatpumpResource {

    @Inject
    HeatpumpService pumps;
    @Inject
    JsonWebToken jwt;

    /** Every pump with its live status. */
    @GET
    public Uni<List<HeatpumpView>> list() {
        return pumps.list();
    }

    /** One pump with its live status and its model's capabilities. */
    @GET
    @Path("/{id}")
    public Uni<HeatpumpView> get(@PathParam("id") String id) {
        return pumps.get(id);
    }

    /**
     * Adds a pump: validates it, tests the connection through the polling service ({@code verify=false} skips the
     * test for a pump that is offline today), creates its default dashboard and publishes its configuration.
     */
    @POST
    @RolesAllowed("admin")
    public Uni<Response> create(HeatpumpInput body, @QueryParam("verify") @DefaultValue("true") boolean verify) {
        return pumps.create(body, verify, Actor.of(jwt))
                .map(p -> Response.created(URI.create("/api/heatpumps/" + p.id())).entity(p).build());
    }

    /** Changes name, address, interval, device options, enabled or share_data (only the fields given). */
    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    public Uni<HeatpumpView> update(@PathParam("id") String id, HeatpumpInput body) {
        return pumps.update(id, body, Actor.of(jwt));
    }

    /** Removes the pump with its dashboards, alert rules and jobs, and publishes a tombstone. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    public Uni<Response> delete(@PathParam("id") String id) {
        return pumps.delete(id, Actor.of(jwt)).map(v -> Response.noContent().build());
    }

    /** Tests the stored pump's connection (the polling service's probe; docs/contracts/probe-response.md). */
    @POST
    @Path("/{id}/test")
    @RolesAllowed("admin")
    public Uni<JsonNode> test(@PathParam("id") String id) {
        return pumps.test(id, Actor.of(jwt));
    }
}
