package org.heatpumpsuite.telemetry.optin.service;

import com.fasterxml.jackson.databind.JsonNode;

/** Whether a pump's owner shares anonymised data (config field {@code share_data}, default false). */
public record OptIn(String heatpumpId, String manufacturer, String model, boolean shareData) {

    /** Reads the fields telemetry needs from a heatpump.config value; names the field at fault. */
    public static OptIn fromConfig(String key, JsonNode config) {
        for (String field : new String[] { "heatpump_id", "manufacturer", "model" }) {
            if (!config.path(field).isTextual()) {
                throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
            }
        }
        String id = config.get("heatpump_id").asText();
        if (key != null && !key.equals(id)) {
            throw new IllegalArgumentException("key '" + key + "' differs from heatpump_id '" + id + "'");
        }
        JsonNode share = config.path("share_data");
        if (!share.isMissingNode() && !share.isBoolean()) {
            throw new IllegalArgumentException("field 'share_data' must be a boolean");
        }
        return new OptIn(id, config.get("manufacturer").asText(), config.get("model").asText(), share.asBoolean(false));
    }
}
