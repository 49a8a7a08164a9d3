package org.heatpumpsuite.anomaly.watch.service;

import java.time.Instant;

/**
 * A pump the anomaly service watches: its maker and model (which detector applies), how many readings it has seen
 * and when the last one was observed. {@code detectorState} is "collecting" until a detector has enough data.
 */
public record WatchedPump(String heatpumpId, String manufacturer, String model, long readingsSeen,
        Instant lastObservedAt, String detectorState) {
}
