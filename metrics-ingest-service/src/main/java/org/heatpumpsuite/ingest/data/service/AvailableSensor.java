package org.heatpumpsuite.ingest.data.service;

/** A sensor with stored history: its id, unit (null if unknown) and the JSON type of its readings. */
public record AvailableSensor(String sensor, String unit, String kind) {
}
