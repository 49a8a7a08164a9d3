package org.heatpumpsuite.ingest.pump.service;

import java.util.Map;

/**
 * The canonical sensor ids with a fixed type and unit (docs/contracts/readings.schema.json; a test keeps this table
 * equal to the contract), plus the two anomaly series this service writes. A HashMap, not Map.of: looked up for
 * every value on the write path, and String keys cache their hash.
 */
public final class CanonicalSensors {

    public static final String OPERATING_MODE = "operating_mode";
    public static final String ANOMALY_SCORE = "anomaly_score";
    public static final String ANOMALY_DETECTED = "anomaly_detected";

    static final Map<String, SensorInfo> READINGS = new java.util.HashMap<>(Map.ofEntries(
            Map.entry("temp_outside", number("°C")),
            Map.entry("temp_flow", number("°C")),
            Map.entry("temp_return", number("°C")),
            Map.entry("temp_hot_water", number("°C")),
            Map.entry("temp_source_in", number("°C")),
            Map.entry("temp_source_out", number("°C")),
            Map.entry("temp_suction", number("°C")),
            Map.entry("temp_hot_gas", number("°C")),
            Map.entry("compressor_running", new SensorInfo("none", SensorInfo.BOOLEAN)),
            Map.entry("compressor_frequency", number("Hz")),
            Map.entry("compressor_starts_total", number("count")),
            Map.entry("compressor_hours_total", number("h")),
            Map.entry("power_electric", number("kW")),
            Map.entry("power_thermal", number("kW")),
            Map.entry("energy_thermal_total", number("kWh")),
            Map.entry("energy_electric_total", number("kWh")),
            Map.entry("error_code", new SensorInfo("none", SensorInfo.STRING)),
            Map.entry(OPERATING_MODE, new SensorInfo("none", SensorInfo.STRING))));

    static final Map<String, SensorInfo> ANOMALIES = Map.of(
            ANOMALY_SCORE, number("none"),
            ANOMALY_DETECTED, new SensorInfo("none", SensorInfo.BOOLEAN));

    private CanonicalSensors() {
    }

    /** The canonical reading sensor, or null for a vendor-specific id. */
    public static SensorInfo reading(String sensor) {
        return READINGS.get(sensor);
    }

    /** A canonical reading sensor or an anomaly series, or null. */
    public static SensorInfo any(String sensor) {
        SensorInfo info = READINGS.get(sensor);
        return info != null ? info : ANOMALIES.get(sensor);
    }

    public static Map<String, SensorInfo> readings() {
        return java.util.Collections.unmodifiableMap(READINGS);
    }

    private static SensorInfo number(String unit) {
        return new SensorInfo(unit, SensorInfo.NUMBER);
    }
}
