package org.heatpumpsuite.registry.auth.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.heatpumpsuite.registry.auth.service.Actor;
import org.heatpumpsuite.registry.auth.service.UserService;
import org.heatpumpsuite.registry.auth.service.UserService.LoginResult;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Login (the only /api endpoint without a token), who am I, and changing one's own password. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** User name and password. */
    public record LoginRequest(String username, String password) {
    }

    /** The current and the new password. */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    /** The caller as the registry sees them. */
    public record Me(String name, List<String> groups, String source) {
    }

    @Inject
    UserService users;
    @Inject
    JsonWebToken jwt;

    /** Returns a signed token for a user name and password; 401 otherwise (slower after repeated failures). */
    @POST
    @Path("/login")
    @PermitAll
    public Uni<LoginResult> login(LoginRequest body, @Context HttpServerRequest request) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
        return users.login(body == null ? null : body.username(), body == null ? null : body.password(), address);
    }

    @GET
    @Path("/me")
    @RolesAllowed("viewer")
    public Me me() {
        Actor a = Actor.of(jwt);
        return new Me(a.name(), List.copyOf(jwt.getGroups()), a.source());
    }

    /** Changes the caller's own password (users only, not API tokens). */
    @PUT
    @Path("/password")
    @RolesAllowed("viewer")
    public Uni<Response> changePassword(PasswordChange body) {
        return users.changeOwnPassword(Actor.of(jwt), body == null ? null : body.currentPassword(),
                body == null ? null : body.newPassword()).map(v -> Response.noContent().build());
    }
}
