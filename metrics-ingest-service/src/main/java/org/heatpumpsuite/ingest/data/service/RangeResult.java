package org.heatpumpsuite.ingest.data.service;

import java.time.Instant;
import java.util.List;

/** Chart data: per pump, point times (epoch ms) and values. A pump without data has empty arrays. */
public record RangeResult(String sensor, String unit, String aggregation, Instant start, Instant end, long stepSeconds,
        List<Series> series) {

    /** One pump's points. */
    public record Series(String heatpumpId, String manufacturer, String model, long[] timestamps, double[] values) {
    }
}
