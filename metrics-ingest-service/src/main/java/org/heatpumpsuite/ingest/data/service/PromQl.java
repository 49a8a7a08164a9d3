package org.heatpumpsuite.ingest.data.service;

import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;

import org.heatpumpsuite.ingest.pump.service.Pump;

/**
 * Builds the only queries this service sends. Every part comes from checked ids (metric prefix, sensor id, heat pump
 * ids), so nothing a client sends can reach VictoriaMetrics as query text.
 */
public final class PromQl {

    /** Label that marks the timestamp half of the latest-value query. */
    public static final String TIMESTAMP_MARK = "ingest_latest_ts";

    private PromQl() {
    }

    /** {@code {__name__=~"<prefix>_.+", heatpump_id=~"a|b"}}; all pumps if {@code pumps} is null. */
    public static String everySensor(String prefix, Collection<Pump> pumps) {
        return "{__name__=~\"" + prefix + "_.+\"" + (pumps == null ? "" : ",heatpump_id=~\"" + ids(pumps) + "\"") + "}";
    }

    /** {@code <prefix>_<sensor>{heatpump_id=~"a|b"}}. */
    public static String sensor(String prefix, String sensor, Collection<Pump> pumps) {
        return prefix + "_" + sensor + "{heatpump_id=~\"" + ids(pumps) + "\"}";
    }

    /**
     * The last sample within the window of every series, and its time: the time series carry
     * {@link #TIMESTAMP_MARK}, the value series do not.
     */
    public static String latest(String selector, Duration window) {
        String w = "[" + window.toSeconds() + "s]";
        return "label_set(tlast_over_time(" + selector + w + ") keep_metric_names, \"" + TIMESTAMP_MARK + "\", \"1\")"
                + " or last_over_time(" + selector + w + ")";
    }

    /** One point per step: the aggregation of the samples within that step. */
    public static String range(String selector, Aggregation aggregation, Duration step) {
        return aggregation.function() + "(" + selector + "[" + step.toSeconds() + "s])";
    }

    private static String ids(Collection<Pump> pumps) {
        return pumps.stream().map(Pump::heatpumpId).sorted().collect(Collectors.joining("|"));
    }
}
