package org.heatpumpsuite.ingest.data.service;

import java.time.Instant;
import java.util.List;

/**
 * One sensor across pumps on one time grid: {@code timestamps} (epoch ms) are shared, each pump's {@code values} has
 * one entry per timestamp (null where it has no data), with its statistics over the points.
 */
public record CompareResult(String sensor, String unit, String aggregation, Instant start, Instant end,
        long stepSeconds, long[] timestamps, List<ComparedPump> pumps) {

    /** One pump's values on the shared grid. */
    public record ComparedPump(String heatpumpId, String manufacturer, String model, Double[] values, Stats stats) {
    }

    /** Over the pump's points in the range; all null if it has none. */
    public record Stats(Double min, Double max, Double avg, Double last, int points) {
    }
}
