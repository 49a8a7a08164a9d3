package org.heatpumpsuite.polling.pump.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.heatpumpsuite.polling.poll.service.PollingService;

/** Read-only view of this replica's share of the pumps (operators, and the scale-out test). */
@Path("/api/polling/pumps")
@Produces(MediaType.APPLICATION_JSON)
public class PolledPumpsResource {

    /** The pumps this replica polls right now, sorted. */
    public record PolledPumps(List<String> pumps) {
    }

    @Inject
    PollingService polling;

    @GET
    @RolesAllowed({ "viewer", "operator", "admin" })
    public PolledPumps polled() {
        return new PolledPumps(polling.polled().stream().sorted().toList());
    }
}
