package org.heatpumpsuite.polling.poll.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A heatpump.readings value (docs/contracts/readings.md, schema_version 1), serialised in snake_case. */
public record ReadingRecord(int schemaVersion, String heatpumpId, String manufacturer, String model, Instant observedAt,
        long pollDurationMs, Map<String, Object> values, Map<String, String> units, List<Error> errors) {

    /** A value that failed to read in this poll. */
    public record Error(String sensor, String kind, String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer modbusExceptionCode) {
    }
}
