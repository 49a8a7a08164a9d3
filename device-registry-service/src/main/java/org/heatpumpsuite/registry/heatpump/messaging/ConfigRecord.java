package org.heatpumpsuite.registry.heatpump.messaging;

import java.time.Instant;

import org.heatpumpsuite.registry.heatpump.service.PumpSettings;

import com.fasterxml.jackson.databind.JsonNode;

/** A heatpump.config value, schema_version 1 (docs/contracts/config.md). Key: heatpump_id. */
public record ConfigRecord(int schemaVersion, String heatpumpId, String name, String manufacturer, String model,
        boolean enabled, PumpSettings.Connection connection, int pollIntervalS, JsonNode deviceConfig,
        boolean shareData, Instant updatedAt) {

    public static ConfigRecord of(String heatpumpId, PumpSettings s, Instant updatedAt) {
        return new ConfigRecord(1, heatpumpId, s.name(), s.manufacturer(), s.model(), s.enabled(), s.connection(),
                s.pollIntervalS(), s.deviceConfig(), s.shareData(), updatedAt);
    }
}
