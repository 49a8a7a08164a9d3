package org.heatpumpsuite.ingest.data.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the samples within one step become a point. */
public enum Aggregation {
    AVG("avg_over_time"),
    MIN("min_over_time"),
    MAX("max_over_time"),
    LAST("last_over_time"),
    /** Growth of a total (energy, operating hours, starts) within the step. */
    INCREASE("increase");

    private final String function;

    Aggregation(String function) {
        this.function = function;
    }

    /** The MetricsQL rollup function. */
    public String function() {
        return function;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Aggregation> of(String id) {
        return Arrays.stream(values()).filter(a -> a.id().equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Aggregation::id).toList());
    }
}
