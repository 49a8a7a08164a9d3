package org.heatpumpsuite.anomaly.watch.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.heatpumpsuite.anomaly.watch.service.WatchService;
import org.heatpumpsuite.anomaly.watch.service.WatchedPump;

@Path("/api/anomalies")
@Produces(MediaType.APPLICATION_JSON)
public class WatchResource {

    @Inject
    WatchService watch;

    /** Every pump the service watches, with the readings seen so far and its detector's state. */
    @GET
    @Path("/pumps")
    @RolesAllowed({ "viewer", "operator", "admin" })
    public List<WatchedPump> pumps() {
        return watch.all();
    }
}
