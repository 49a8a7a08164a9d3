package org.heatpumpsuite.polling.command.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** A heatpump.commands value (docs/contracts/commands.md): the fields the poller needs. */
public record CommandRecord(String commandId, String heatpumpId, String sensor, JsonNode value, String requestedBy,
        Instant requestedAt) {

    private static final Pattern UUID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    /** Reads a command; throws {@link IllegalArgumentException} naming the field at fault. */
    public static CommandRecord parse(String key, JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String id = text(json, "command_id");
        if (!UUID.matcher(id).matches()) {
            throw new IllegalArgumentException("field 'command_id' is not a lowercase UUID");
        }
        String pump = text(json, "heatpump_id");
        if (key == null || !key.equals(pump)) {
            throw new IllegalArgumentException("key '" + key + "' differs from heatpump_id '" + pump + "'");
        }
        String sensor = text(json, "sensor");
        JsonNode value = json.get("value");
        if (value == null || !(value.isNumber() || value.isBoolean() || value.isTextual())) {
            throw new IllegalArgumentException("field 'value' is missing or not a number, boolean or string");
        }
        String by = text(json, "requested_by");
        Instant at;
        try {
            at = Instant.parse(text(json, "requested_at"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field 'requested_at' is not an RFC 3339 timestamp");
        }
        return new CommandRecord(id, pump, sensor, value, by, at);
    }

    /** The value as the driver takes it: BigDecimal for numbers, Boolean, or the text. */
    public static Object driverValue(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.asText();
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
        }
        return v.asText();
    }
}
