package org.heatpumpsuite.registry.heatpump.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A pump's validated settings, complete with defaults: what is stored and published on heatpump.config. */
public record PumpSettings(String name, String manufacturer, String model, Connection connection, int pollIntervalS,
        ObjectNode deviceConfig, boolean enabled, boolean shareData) {

    /** docs/contracts/config.md, connection: {@code unit_id} is left out for Luxtronik. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Connection(String host, int port, Integer unitId, int timeoutMs, int retries) {
    }
}
