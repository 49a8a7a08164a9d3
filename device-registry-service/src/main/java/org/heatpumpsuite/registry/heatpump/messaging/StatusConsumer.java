package org.heatpumpsuite.registry.heatpump.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.heatpumpsuite.registry.heatpump.service.StatusService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the latest heatpump.status record per pump (tombstone = removed). An undecodable record fails its message,
 * which the connector sends to heatpump.status.dlq with the reason.
 */
@ApplicationScoped
public class StatusConsumer {

    public static final String CHANNEL = "status";

    @Inject
    StatusService service;
    @Inject
    ObjectMapper mapper;

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return record.key() == null ? Uni.createFrom().voidItem() : service.remove(record.key());
        }
        JsonNode json;
        try {
            json = mapper.readTree(record.value());
        } catch (JsonProcessingException e) {
            return undecodable(record, "not JSON: " + e.getOriginalMessage());
        }
        try {
            return service.apply(StatusService.parse(record.key(), json));
        } catch (IllegalArgumentException e) {
            return undecodable(record, e.getMessage());
        }
    }

    private static Uni<Void> undecodable(ConsumerRecord<String, String> record, String reason) {
        Log.warnf("undecodable status record %s at offset %d: %s", record.key(), record.offset(), reason);
        return Uni.createFrom().failure(new IllegalArgumentException(reason));
    }
}
