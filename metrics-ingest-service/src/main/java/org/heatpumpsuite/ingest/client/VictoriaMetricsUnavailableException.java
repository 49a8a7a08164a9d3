package org.heatpumpsuite.ingest.client;

/** VictoriaMetrics did not answer, timed out or answered 5xx: the read API says 503. */
public class VictoriaMetricsUnavailableException extends RuntimeException {

    public VictoriaMetricsUnavailableException(String message) {
        super(message);
    }
}
