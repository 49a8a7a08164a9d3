package org.heatpumpsuite.registry.audit.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.heatpumpsuite.registry.audit.service.AuditService;
import org.heatpumpsuite.registry.audit.service.AuditService.AuditView;
import org.heatpumpsuite.registry.rest.ApiProblem;

import io.smallrye.mutiny.Uni;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("viewer")
public class AuditResource {

    @Inject
    AuditService audit;

    /** The write audit log, newest first; filter by pump or command. */
    @GET
    public Uni<List<AuditView>> list(@QueryParam("heatpump_id") String heatpumpId,
            @QueryParam("command_id") String commandId, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiProblem.invalid("limit", "must be 1..1000");
        }
        return audit.search(heatpumpId, commandId, limit);
    }
}
