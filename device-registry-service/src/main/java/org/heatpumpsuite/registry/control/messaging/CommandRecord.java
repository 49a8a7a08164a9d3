package org.heatpumpsuite.registry.control.messaging;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** A heatpump.commands value, schema_version 1 (docs/contracts/commands.md). Key: heatpump_id. */
public record CommandRecord(int schemaVersion, String commandId, String heatpumpId, String sensor, JsonNode value,
        String requestedBy, Instant requestedAt, String source) {
}
