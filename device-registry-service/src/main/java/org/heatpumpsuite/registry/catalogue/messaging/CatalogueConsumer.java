package org.heatpumpsuite.registry.catalogue.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.heatpumpsuite.registry.catalogue.service.CatalogueEntry;
import org.heatpumpsuite.registry.catalogue.service.CatalogueService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Copies heatpump.catalogue into the registry (key {@code manufacturer/model}; a tombstone removes the model).
 * An undecodable record fails its message, which the connector sends to heatpump.catalogue.dlq with the reason.
 */
@ApplicationScoped
public class CatalogueConsumer {

    public static final String CHANNEL = "catalogue";

    @Inject
    CatalogueService service;
    @Inject
    ObjectMapper mapper;

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            Log.infof("catalogue model %s removed", record.key());
            return record.key() == null ? Uni.createFrom().voidItem() : service.remove(record.key());
        }
        CatalogueEntry entry;
        try {
            entry = CatalogueEntry.parse(record.key(), mapper.readTree(record.value()), record.value());
        } catch (JsonProcessingException e) {
            return undecodable(record, "not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return undecodable(record, e.getMessage());
        }
        return service.upsert(entry);
    }

    private static Uni<Void> undecodable(ConsumerRecord<String, String> record, String reason) {
        Log.warnf("undecodable catalogue record %s at offset %d: %s", record.key(), record.offset(), reason);
        return Uni.createFrom().failure(new IllegalArgumentException(reason));
    }
}
