package org.heatpumpsuite.registry.alert.service;

/** An alert rule as a client sends it (also the shape of the legacy export's alerts, plus heatpump_id and name). */
public record AlertInput(String heatpumpId, String name, String sensor, String condition, Double threshold,
        Integer intervalSeconds, Boolean enabled) {
}
