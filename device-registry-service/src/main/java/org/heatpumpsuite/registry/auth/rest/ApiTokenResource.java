package org.heatpumpsuite.registry.auth.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.heatpumpsuite.registry.auth.service.Actor;
import org.heatpumpsuite.registry.auth.service.ApiTokenService;
import org.heatpumpsuite.registry.auth.service.ApiTokenService.Created;
import org.heatpumpsuite.registry.auth.service.ApiTokenService.TokenInput;
import org.heatpumpsuite.registry.auth.service.ApiTokenService.TokenView;

import io.smallrye.mutiny.Uni;

/** API tokens for integrations (admin only): create with a role (the token is shown once), list, revoke. */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ApiTokenResource {

    @Inject
    ApiTokenService tokens;
    @Inject
    JsonWebToken jwt;

    @GET
    public Uni<List<TokenView>> list() {
        return tokens.list();
    }

    @POST
    public Uni<Response> create(TokenInput body) {
        return tokens.create(body, Actor.of(jwt)).map((Created c) -> Response
                .created(URI.create("/api/tokens/" + c.id())).entity(c).build());
    }

    /** Revokes the token: the registry refuses it from now on. */
    @DELETE
    @Path("/{id}")
    public Uni<Response> revoke(@PathParam("id") String id) {
        return tokens.revoke(id, Actor.of(jwt)).map(v -> Response.noContent().build());
    }
}
