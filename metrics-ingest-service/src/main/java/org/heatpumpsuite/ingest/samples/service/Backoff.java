package org.heatpumpsuite.ingest.samples.service;

import java.time.Duration;

/** Exponential back-off: initial, doubled after each failure, capped. Not thread-safe. */
public final class Backoff {

    private final long initialMs;
    private final long maxMs;
    private long nextMs;
    private int failures;

    public Backoff(Duration initial, Duration max) {
        this.initialMs = Math.max(1, initial.toMillis());
        this.maxMs = Math.max(initialMs, max.toMillis());
        this.nextMs = initialMs;
    }

    /** Records a failure and returns the pause before the next attempt. */
    public long failed() {
        failures++;
        long pause = nextMs;
        nextMs = Math.min(maxMs, nextMs * 2);
        return pause;
    }

    public int failures() {
        return failures;
    }
}
