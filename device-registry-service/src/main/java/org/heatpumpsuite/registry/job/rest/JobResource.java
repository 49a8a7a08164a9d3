package org.heatpumpsuite.registry.job.rest;

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
import org.heatpumpsuite.registry.job.service.JobInput;
import org.heatpumpsuite.registry.job.service.JobService;
import org.heatpumpsuite.registry.job.service.JobView;

import io.smallrye.mutiny.Uni;

/** Scheduled writes per pump: time of day, weekdays, IANA time zone (default the installation's). */
@Path("/api/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
public class JobResource {

    @Inject
    JobService jobs;
    @Inject
    JsonWebToken jwt;

    @GET
    public Uni<List<JobView>> list(@QueryParam("heatpump_id") String heatpumpId) {
        return jobs.list(heatpumpId);
    }

    @GET
    @Path("/{id}")
    public Uni<JobView> get(@PathParam("id") String id) {
        return jobs.get(id);
    }

    /** The job's runs, newest first, with their outcome. */
    @GET
    @Path("/{id}/runs")
    public Uni<List<JobView.Run>> runs(@PathParam("id") String id) {
        return jobs.runs(id);
    }

    @POST
    @RolesAllowed("operator")
    public Uni<Response> create(JobInput body) {
        return jobs.create(body, Actor.of(jwt))
                .map(j -> Response.created(URI.create("/api/jobs/" + j.id())).entity(j).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("operator")
    public Uni<JobView> update(@PathParam("id") String id, JobInput body) {
        return jobs.update(id, body, Actor.of(jwt));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("operator")
    public Uni<Response> delete(@PathParam("id") String id) {
        return jobs.delete(id, Actor.of(jwt)).map(v -> Response.noContent().build());
    }
}
