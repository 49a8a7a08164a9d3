package org.heatpumpsuite.ingest.data.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.heatpumpsuite.ingest.config.IngestConfig;
import org.heatpumpsuite.ingest.data.service.AvailableSensor;
import org.heatpumpsuite.ingest.data.service.CompareResult;
import org.heatpumpsuite.ingest.data.service.DataService;
import org.heatpumpsuite.ingest.data.service.RangeQuery;
import org.heatpumpsuite.ingest.data.service.RangeResult;
import org.heatpumpsuite.ingest.data.service.SeriesService;
import org.heatpumpsuite.ingest.pump.service.Pump;
import org.heatpumpsuite.ingest.rest.BadParameterException;

import io.smallrye.mutiny.Uni;

/**
 * Time series for charts, built from structured parameters: clients never send query text, and VictoriaMetrics'
 * own API (including its admin and delete endpoints) is not reachable through this service.
 */
@Path("/api/metrics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "viewer", "operator", "admin" })
public class MetricsResource {

    @Inject
    DataService data;
    @Inject
    SeriesService series;
    @Inject
    IngestConfig config;

    @GET
    @Path("/query_range")
    @Operation(summary = "One sensor of one or more pumps over a time range, one point per step",
            description = "Range = start..end, or range ending at end (default: now). Without step, about 500 points. "
                    + "Bounded: range, step, pumps and points per answer (README).")
    public Uni<RangeResult> queryRange(
            @Parameter(description = "Sensor id, e.g. temp_outside", required = true) @QueryParam("sensor") String sensor,
            @Parameter(description = "Heat pump id; repeat for several (default: every configured pump)")
            @QueryParam("heatpump_id") List<String> heatpumpIds,
            @Parameter(description = "RFC 3339 start time") @QueryParam("start") String start,
            @Parameter(description = "RFC 3339 end time (default now)") @QueryParam("end") String end,
            @Parameter(description = "Length instead of start: 90s, 15m, 24h, 7d, 2w (default 24h)") @QueryParam("range") String range,
            @Parameter(description = "Point spacing: 60s, 5m, 1h, ...") @QueryParam("step") String step,
            @Parameter(description = "avg (default), min, max, last or increase within each step")
            @QueryParam("aggregation") String aggregation) {
        RangeQuery q = parse(sensor, heatpumpIds, start, end, range, step, aggregation, 1);
        return series.range(q);
    }

    @GET
    @Path("/compare")
    @Operation(summary = "One sensor across chosen pumps on one time grid, with per-pump statistics",
            description = "Like query_range, but needs at least two heatpump_id values and aligns the values on shared timestamps.")
    public Uni<CompareResult> compare(
            @Parameter(description = "Sensor id, e.g. temp_outside", required = true) @QueryParam("sensor") String sensor,
            @Parameter(description = "Heat pump id; repeat, at least two", required = true)
            @QueryParam("heatpump_id") List<String> heatpumpIds,
            @Parameter(description = "RFC 3339 start time") @QueryParam("start") String start,
            @Parameter(description = "RFC 3339 end time (default now)") @QueryParam("end") String end,
            @Parameter(description = "Length instead of start: 90s, 15m, 24h, 7d, 2w (default 24h)") @QueryParam("range") String range,
            @Parameter(description = "Point spacing: 60s, 5m, 1h, ...") @QueryParam("step") String step,
            @Parameter(description = "avg (default), min, max, last or increase within each step")
            @QueryParam("aggregation") String aggregation) {
        RangeQuery q = parse(sensor, heatpumpIds, start, end, range, step, aggregation, 2);
        return series.compare(q);
    }

    @GET
    @Path("/available")
    @Operation(summary = "Sensors with stored history per pump, with units and value types")
    public Uni<Map<String, List<AvailableSensor>>> available(
            @Parameter(description = "Heat pump id; repeat for several (default: every configured pump)")
            @QueryParam("heatpump_id") List<String> heatpumpIds) {
        return data.available(data.resolve(QueryParams.heatpumpIds(heatpumpIds)));
    }

    private RangeQuery parse(String sensor, List<String> heatpumpIds, String start, String end, String range,
            String step, String aggregation, int minPumps) {
        List<String> ids = QueryParams.heatpumpIds(heatpumpIds);
        if (ids.size() < minPumps && minPumps > 1) {
            throw new BadParameterException("heatpump_id", "name at least " + minPumps + " different pumps to compare");
        }
        List<Pump> pumps = data.resolve(ids);
        if (pumps.isEmpty()) {
            throw new BadParameterException("heatpump_id", "no pump is configured yet");
        }
        return QueryParams.range(config.query(), sensor, pumps, start, end, range, step, aggregation, Instant.now());
    }
}
