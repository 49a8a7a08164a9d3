package org.heatpumpsuite.registry.control.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.heatpumpsuite.registry.auth.service.Actor;
import org.heatpumpsuite.registry.control.service.ControlService;
import org.heatpumpsuite.registry.control.service.ControlService.CommandView;
import org.heatpumpsuite.registry.control.service.ControlService.WriteRequest;

import io.smallrye.mutiny.Uni;

/** Writes to a pump (operator): validated, audited, sent to the owning poller; the outcome is fetched later. */
@Path("/api/control/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
public class ControlResource {

    @Inject
    ControlService control;
    @Inject
    JsonWebToken jwt;

    /** Sends {@code {"sensor": "...", "value": ...}}; 202 with the command id, outcome pending. */
    @POST
    @RolesAllowed("operator")
    public Uni<Response> write(@PathParam("id") String heatpumpId, WriteRequest body) {
        return control.send(heatpumpId, body, Actor.of(jwt)).map(c -> Response.accepted(c)
                .location(URI.create("/api/control/" + heatpumpId + "/commands/" + c.commandId())).build());
    }

    /** A command and its outcome (pending until the poller answered on heatpump.command-results). */
    @GET
    @Path("/commands/{commandId}")
    public Uni<CommandView> command(@PathParam("id") String heatpumpId, @PathParam("commandId") String commandId) {
        return control.get(heatpumpId, commandId);
    }
}
