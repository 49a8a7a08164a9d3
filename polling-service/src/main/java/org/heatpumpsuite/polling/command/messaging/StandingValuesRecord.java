package org.heatpumpsuite.polling.command.messaging;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A heatpump.standing-values value (docs/contracts/standing-values.md): the standing values of one pump's cyclic
 * writables. Key heatpump_id; compacted; a tombstone when the pump is removed.
 */
public record StandingValuesRecord(int schemaVersion, String heatpumpId, List<Value> values, Instant updatedAt) {

    /** One standing value. */
    public record Value(String sensor, JsonNode value, String commandId, String requestedBy, Instant setAt) {
    }
}
