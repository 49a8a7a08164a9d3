package org.heatpumpsuite.polling.command.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** A heatpump.command-results value (docs/contracts/command-results.md), serialised in snake_case. */
public record CommandResultRecord(int schemaVersion, String commandId, String heatpumpId, String sensor,
        JsonNode requestedValue, String outcome, @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
        Object oldValue, Object readBackValue, boolean eeprom, boolean resend, Instant completedAt) {

    public static final String REJECTED = "rejected";
    public static final String WRITTEN_VERIFIED = "written_verified";
    public static final String WRITTEN_NOT_VERIFIED = "written_not_verified";
    public static final String FAILED = "failed";
}
