package org.heatpumpsuite.ingest.pump.service;

/** The pumps are not all known yet (heatpump.config is still being read after start-up): 503 problem+json. */
public class StartingException extends RuntimeException {

    public StartingException() {
        super("starting: heatpump.config is still being read, so not every heat pump is known yet", null, false, false);
    }
}
