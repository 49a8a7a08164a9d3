package org.heatpumpsuite.registry.job.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A job as the API shows it, with its next scheduled run. */
public record JobView(String id, String heatpumpId, String name, String sensor, JsonNode value, String time,
        List<String> days, String timeZone, boolean enabled, Instant nextRunAt, Instant createdAt, Instant updatedAt) {

    /** One run of a job. */
    public record Run(String id, Instant scheduledFor, Instant startedAt, String commandId, String outcome,
            String detail) {
    }
}
