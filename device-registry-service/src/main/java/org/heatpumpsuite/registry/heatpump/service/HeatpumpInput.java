package org.heatpumpsuite.registry.heatpump.service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pump as a client sends it (POST: the whole pump; PUT: only the fields to change). Absent fields are null; the
 * validator fills defaults from the catalogue and checks everything.
 */
public record HeatpumpInput(String name, String manufacturer, String model, ConnectionInput connection,
        Integer pollIntervalS, JsonNode deviceConfig, Boolean enabled, Boolean shareData) {

    /** How to reach the device. */
    public record ConnectionInput(String host, Integer port, Integer unitId, Integer timeoutMs, Integer retries) {
    }
}
