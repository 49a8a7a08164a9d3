package org.heatpumpsuite.registry.heatpump.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pump as the API shows it: its settings, whether it is a demo pump, and its live status from heatpump.status
 * ({@code status} null until the poller reported); a single pump also lists its model's capabilities.
 */
public record HeatpumpView(String id, String name, String manufacturer, String model, PumpSettings.Connection connection,
        int pollIntervalS, JsonNode deviceConfig, boolean enabled, boolean shareData, boolean demo, Instant createdAt,
        Instant updatedAt, Status status, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> capabilities) {

    /** The poller's view of the connection. */
    public record Status(boolean connected, int consecutiveErrors, JsonNode lastError, Instant lastSuccessAt,
            Instant lastReadingAt, Instant updatedAt) {
    }
}
