package org.heatpumpsuite.registry.control.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.heatpumpsuite.registry.control.service.ControlService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Records the outcome of commands from heatpump.command-results (command, audit log, job run). An undecodable record
 * goes to heatpump.command-results.dlq.
 */
@ApplicationScoped
public class CommandResultConsumer {

    public static final String CHANNEL = "command-results";

    @Inject
    ControlService control;
    @Inject
    ObjectMapper mapper;

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        JsonNode json;
        try {
            json = mapper.readTree(record.value());
        } catch (JsonProcessingException e) {
            return undecodable(record, "not JSON: " + e.getOriginalMessage());
        }
        String commandId = json.path("command_id").asText(null);
        String outcome = json.path("outcome").asText(null);
        String heatpumpId = json.path("heatpump_id").asText(null);
        if (commandId == null || !commandId.matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")) {
            return undecodable(record, "field 'command_id' is missing or not a UUID");
        }
        if (outcome == null) {
            return undecodable(record, "field 'outcome' is missing or not a string");
        }
        if (heatpumpId == null || (record.key() != null && !record.key().equals(heatpumpId))) {
            return undecodable(record, "key '" + record.key() + "' does not match heatpump_id '" + heatpumpId + "'");
        }
        if (json.path("resend").asBoolean(false)) {
            return Uni.createFrom().voidItem();
        }
        return control.applyResult(commandId, heatpumpId, outcome, json);
    }

    private static Uni<Void> undecodable(ConsumerRecord<String, String> record, String reason) {
        Log.warnf("undecodable command result %s at offset %d: %s", record.key(), record.offset(), reason);
        return Uni.createFrom().failure(new IllegalArgumentException(reason));
    }
}
