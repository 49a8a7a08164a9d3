package org.heatpumpsuite.registry.alert.rest;

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
import org.heatpumpsuite.registry.alert.service.AlertInput;
import org.heatpumpsuite.registry.alert.service.AlertService;
import org.heatpumpsuite.registry.alert.service.AlertView;
import org.heatpumpsuite.registry.auth.service.Actor;

import io.smallrye.mutiny.Uni;

/** Alert rules; heatpump_id null = every pump. */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
public class AlertResource {

    @Inject
    AlertService alerts;
    @Inject
    JsonWebToken jwt;

    /** Every rule; with {@code heatpump_id} the rules that apply to that pump. */
    @GET
    public Uni<List<AlertView>> list(@QueryParam("heatpump_id") String heatpumpId) {
        return alerts.list(heatpumpId);
    }

    @GET
    @Path("/{id}")
    public Uni<AlertView> get(@PathParam("id") String id) {
        return alerts.get(id);
    }

    @POST
    @RolesAllowed("operator")
    public Uni<Response> create(AlertInput body) {
        return alerts.create(body, Actor.of(jwt))
                .map(a -> Response.created(URI.create("/api/alerts/" + a.id())).entity(a).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("operator")
    public Uni<AlertView> update(@PathParam("id") String id, AlertInput body) {
        return alerts.update(id, body, Actor.of(jwt));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("operator")
    public Uni<Response> delete(@PathParam("id") String id) {
        return alerts.delete(id, Actor.of(jwt)).map(v -> Response.noContent().build());
    }
}
