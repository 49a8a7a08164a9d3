package org.heatpumpsuite.ingest.client;

import java.util.Map;

/**
 * One series of a VictoriaMetrics answer: its labels (with {@code __name__}) and its points. Values are kept as
 * VictoriaMetrics printed them, so integers stay integers in the API.
 */
public record VmSeries(Map<String, String> metric, long[] timestampsMs, String[] values) {

    public String name() {
        return metric.get("__name__");
    }

    public String label(String name) {
        return metric.get(name);
    }

    public int size() {
        return values.length;
    }
}
