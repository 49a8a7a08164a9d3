package org.heatpumpsuite.polling.pump.messaging;

import java.time.Instant;

/** A heatpump.status value (docs/contracts/status.md), serialised in snake_case. */
public record StatusRecord(int schemaVersion, String heatpumpId, boolean connected, Instant lastSuccessAt,
        Instant lastReadingAt, int consecutiveErrors, LastError lastError, Instant updatedAt) {

    /** The last error seen talking to the pump. */
    public record LastError(String kind, String message,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Integer modbusExceptionCode,
            Instant at) {
    }

    /** The status of a pump this replica has taken over and not yet reached. */
    public static StatusRecord notYetConnected(String heatpumpId, Instant now) {
        return new StatusRecord(1, heatpumpId, false, null, null, 0, null, now);
    }
}
