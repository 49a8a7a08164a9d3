package org.heatpumpsuite.polling.probe.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.heatpumpsuite.polling.probe.service.ProbeRequest;
import org.heatpumpsuite.polling.probe.service.ProbeResponse;
import org.heatpumpsuite.polling.probe.service.ProbeService;

import io.smallrye.common.annotation.Blocking;

@Path("/api/probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @Inject
    ProbeService probes;

    /** Tests a connection for a pump that is not saved yet (the setup wizard's "test connection"); bounded by its timeout. */
    @POST
    @RolesAllowed("admin")
    @Blocking
    public ProbeResponse probe(@Valid @NotNull ProbeRequest request) {
        return probes.probe(request);
    }
}
