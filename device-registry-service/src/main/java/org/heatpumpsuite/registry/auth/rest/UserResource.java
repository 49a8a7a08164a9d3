package org.heatpumpsuite.registry.auth.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.heatpumpsuite.registry.auth.service.Actor;
import org.heatpumpsuite.registry.auth.service.Roles;
import org.heatpumpsuite.registry.auth.service.UserService;
import org.heatpumpsuite.registry.auth.service.UserService.UserInput;
import org.heatpumpsuite.registry.auth.service.UserService.UserView;

import io.smallrye.mutiny.Uni;

/** Users and their roles (admin only). */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class UserResource {

    /** A role and the roles it includes. */
    public record RoleView(String name, List<String> includes) {
    }

    @Inject
    UserService users;
    @Inject
    JsonWebToken jwt;

    @GET
    public Uni<List<UserView>> list() {
        return users.list();
    }

    /** The roles a user or API token can have; each includes the ones before it. */
    @GET
    @Path("/roles")
    public List<RoleView> roles() {
        return Roles.ALL.stream().map(r -> new RoleView(r, Roles.groups(r))).toList();
    }

    @GET
    @Path("/{username}")
    public Uni<UserView> get(@PathParam("username") String username) {
        return users.get(username);
    }

    /** Creates a user with {@code username}, {@code password} (8..72 bytes) and {@code role}. */
    @POST
    public Uni<Response> create(UserInput body) {
        return users.create(body, Actor.of(jwt))
                .map(u -> Response.created(URI.create("/api/users/" + u.username())).entity(u).build());
    }

    /** Changes a user's role and/or password. */
    @PUT
    @Path("/{username}")
    public Uni<UserView> update(@PathParam("username") String username, UserInput body) {
        return users.update(username, body, Actor.of(jwt));
    }

    @DELETE
    @Path("/{username}")
    public Uni<Response> delete(@PathParam("username") String username) {
        return users.delete(username, Actor.of(jwt)).map(v -> Response.noContent().build());
    }
}
