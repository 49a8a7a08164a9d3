package org.heatpumpsuite.polling.pump.service;

import com.fasterxml.jackson.databind.JsonNode;

/** The part of a heatpump.config record the poller needs (see docs/contracts/config.md). */
public record PumpConfig(String heatpumpId, String manufacturer, String model, boolean enabled, String host, int port,
        Integer unitId, Integer pollIntervalS, JsonNode raw) {

    /** Reads a config value; throws {@link IllegalArgumentException} naming the field at fault. */
    public static PumpConfig parse(String key, JsonNode json) {
        String id = text(json, "heatpump_id");
        if (key != null && !key.equals(id)) {
            throw new IllegalArgumentException("key '" + key + "' differs from heatpump_id '" + id + "'");
        }
        JsonNode connection = json.get("connection");
        if (connection == null || !connection.isObject()) {
            throw new IllegalArgumentException("field 'connection' is missing");
        }
        JsonNode port = connection.get("port");
        if (port == null || !port.canConvertToInt() || port.asInt() < 1 || port.asInt() > 65535) {
            throw new IllegalArgumentException("field 'connection.port' must be 1..65535");
        }
        JsonNode unit = connection.get("unit_id");
        JsonNode interval = json.get("poll_interval_s");
        JsonNode enabled = json.get("enabled");
        return new PumpConfig(id, text(json, "manufacturer"), text(json, "model"),
                enabled == null || enabled.asBoolean(true), text(connection, "host"), port.asInt(),
                unit == null || unit.isNull() ? null : unit.asInt(),
                interval == null || interval.isNull() ? null : interval.asInt(), json);
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
        }
        return v.asText();
    }
}
