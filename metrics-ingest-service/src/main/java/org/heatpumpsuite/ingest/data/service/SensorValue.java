package org.heatpumpsuite.ingest.data.service;

import java.time.Instant;

/** A sensor's latest value: a number, a boolean or a string as on the wire, its unit, and when it was observed. */
public record SensorValue(Object value, String unit, Instant observedAt) {
}
