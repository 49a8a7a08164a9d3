package org.heatpumpsuite.telemetry.optin.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.heatpumpsuite.telemetry.optin.service.OptIn;
import org.heatpumpsuite.telemetry.optin.service.OptInRegistry;

@Path("/api/telemetry")
@Produces(MediaType.APPLICATION_JSON)
public class TelemetryResource {

    @Inject
    OptInRegistry registry;

    /** Every known pump and whether its owner opted in to sharing anonymised data. */
    @GET
    @Path("/pumps")
    @RolesAllowed({ "viewer", "operator", "admin" })
    public List<OptIn> pumps() {
        return registry.all();
    }
}
