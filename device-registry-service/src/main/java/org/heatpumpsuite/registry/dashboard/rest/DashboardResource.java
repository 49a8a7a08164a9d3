package org.heatpumpsuite.registry.dashboard.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.heatpumpsuite.registry.dashboard.service.DashboardService;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** Dashboards (docs/contracts/dashboard.md): per pump, and overview dashboards with heatpump_id null. */
@Path("/api/dashboards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
public class DashboardResource {

    @Inject
    DashboardService dashboards;
    @Inject
    JsonWebToken jwt;

    /** All dashboards; {@code heatpump_id} gives one pump's, {@code overview=true} those over all pumps. */
    @GET
    public Uni<List<JsonNode>> list(@QueryParam("heatpump_id") String heatpumpId,
            @QueryParam("overview") boolean overview) {
        return dashboards.list(heatpumpId, overview);
    }

    @GET
    @Path("/{id}")
    public Uni<JsonNode> get(@PathParam("id") String id) {
        return dashboards.get(id);
    }

    /** Creates a dashboard; id is generated when absent, heatpump_id absent or null = overview. */
    @POST
    @RolesAllowed("operator")
    public Uni<Response> create(JsonNode body) {
        return dashboards.create(body, Actor.of(jwt)).map(d -> Response
                .created(URI.create("/api/dashboards/" + d.get("id").asText())).entity(d).build());
    }

    /** Replaces a dashboard's name, layout and widgets. */
    @PUT
    @Path("/{id}")
    @RolesAllowed("operator")
    public Uni<JsonNode> update(@PathParam("id") String id, JsonNode body) {
        return dashboards.update(id, body, Actor.of(jwt));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("operator")
    public Uni<Response> delete(@PathParam("id") String id) {
        return dashboards.delete(id, Actor.of(jwt)).map(v -> Response.noContent().build());
    }
}
