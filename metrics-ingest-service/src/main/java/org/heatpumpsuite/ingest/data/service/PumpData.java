package org.heatpumpsuite.ingest.data.service;

import java.util.SortedMap;

/** The latest value of every sensor of one pump (empty if it has no value within the latest window). */
public record PumpData(String heatpumpId, String manufacturer, String model, SortedMap<String, SensorValue> values) {
}
