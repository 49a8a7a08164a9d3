package org.heatpumpsuite.anomaly.watch.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.heatpumpsuite.anomaly.watch.service.WatchService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * Follows heatpump.config (which pumps exist, tombstone = removed) and heatpump.readings. Undecodable records fail
 * their message, which the connector sends to the topic's dead-letter topic with the reason.
 */
@ApplicationScoped
public class WatchConsumers {

    public static final String CONFIG = "config";
    public static final String READINGS = "readings";

    @Inject
    WatchService watch;
    @Inject
    ObjectMapper mapper;

    @Incoming(CONFIG)
    public void config(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                watch.removed(record.key());
            }
            return;
        }
        JsonNode json = parse(record);
        watch.configured(text(record, json, "heatpump_id"), text(record, json, "manufacturer"),
                text(record, json, "model"));
    }

    @Incoming(READINGS)
    public void reading(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw undecodable(record, "a reading cannot be empty");
        }
        JsonNode json = parse(record);
        String observedAt = text(record, json, "observed_at");
        try {
            watch.reading(text(record, json, "heatpump_id"), Instant.parse(observedAt));
        } catch (DateTimeParseException e) {
            throw undecodable(record, "field 'observed_at' is not an RFC 3339 time");
        }
    }

    private JsonNode parse(ConsumerRecord<String, String> record) {
        try {
            return mapper.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw undecodable(record, "not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(ConsumerRecord<String, String> record, JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || !v.isTextual()) {
            throw undecodable(record, "field '" + field + "' is missing or not a string");
        }
        return v.asText();
    }

    private static IllegalArgumentException undecodable(ConsumerRecord<String, String> record, String reason) {
        Log.warnf("undecodable record %s on %s at offset %d: %s", record.key(), record.topic(), record.offset(), reason);
        return new IllegalArgumentException(reason);
    }
}
