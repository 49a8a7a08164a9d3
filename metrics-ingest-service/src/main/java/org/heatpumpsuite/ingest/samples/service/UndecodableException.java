package org.heatpumpsuite.ingest.samples.service;

/** A record that is not a valid reading or anomaly score; the message is the dead-letter reason. */
public class UndecodableException extends Exception {

    public UndecodableException(String reason) {
        super(reason, null, false, false);
    }
}
