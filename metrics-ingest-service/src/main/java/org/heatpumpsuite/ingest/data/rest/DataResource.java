package org.heatpumpsuite.ingest.data.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.heatpumpsuite.ingest.data.service.DataService;
import org.heatpumpsuite.ingest.data.service.PumpData;
import org.heatpumpsuite.ingest.pump.service.Pump;

import io.smallrye.mutiny.Uni;

/** Current values from stored data (never by asking a device). */
@Path("/api/data")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "viewer", "operator", "admin" })
public class DataResource {

    @Inject
    DataService data;

    @GET
    @Operation(summary = "Latest value of every sensor of every configured pump, or of the pumps given",
            description = "Keyed by heat pump id. A value is the last sample within 24 h with its time; free strings "
                    + "(error codes) come from the latest reading. An unknown heat pump id answers 404.")
    public Uni<Map<String, PumpData>> all(
            @Parameter(description = "Heat pump id; repeat for several (default: every configured pump)")
            @QueryParam("heatpump_id") List<String> heatpumpIds) {
        List<String> ids = QueryParams.heatpumpIds(heatpumpIds);
        List<Pump> pumps = data.resolve(ids);
        return data.latest(pumps, ids.isEmpty());
    }

    @GET
    @Path("/{heatpump_id}")
    @Operation(summary = "Latest value of every sensor of one pump",
            description = "404 if the pump is not configured; 200 with no values if it has none within 24 h.")
    public Uni<PumpData> one(@PathParam("heatpump_id") String heatpumpId) {
        List<Pump> pumps = data.resolve(List.of(QueryParams.heatpumpId(heatpumpId)));
        return data.latest(pumps, false).map(m -> m.get(pumps.get(0).heatpumpId()));
    }
}
