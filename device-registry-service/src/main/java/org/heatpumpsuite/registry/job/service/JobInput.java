package org.heatpumpsuite.registry.job.service;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A job as a client sends it: write {@code value} to {@code sensor} at {@code time} on {@code days} in {@code time_zone}. */
public record JobInput(String heatpumpId, String name, String sensor, JsonNode value, String time, List<String> days,
        String timeZone, Boolean enabled) {
}
