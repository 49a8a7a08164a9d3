package org.heatpumpsuite.ingest.data.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.heatpumpsuite.ingest.pump.service.Pump;

/** A checked range query: one sensor of some pumps, from start to end, one point per step. */
public record RangeQuery(String sensor, List<Pump> pumps, Instant start, Instant end, Duration step,
        Aggregation aggregation) {
}
