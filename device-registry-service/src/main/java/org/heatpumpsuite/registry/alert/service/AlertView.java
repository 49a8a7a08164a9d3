package org.heatpumpsuite.registry.alert.service;

import java.time.Instant;

/** An alert rule as the API shows it; {@code heatpump_id} null = every pump. */
public record AlertView(String id, String heatpumpId, String name, String sensor, String condition, double threshold,
        int intervalSeconds, boolean enabled, Instant createdAt, Instant updatedAt) {
}
