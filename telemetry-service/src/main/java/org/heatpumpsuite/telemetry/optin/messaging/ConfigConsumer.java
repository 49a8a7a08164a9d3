package org.heatpumpsuite.telemetry.optin.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.heatpumpsuite.telemetry.optin.service.OptIn;
import org.heatpumpsuite.telemetry.optin.service.OptInRegistry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/** Follows heatpump.config (tombstone = removed); an undecodable record goes to heatpump.config.dlq with the reason. */
@ApplicationScoped
public class ConfigConsumer {

    public static final String CONFIG = "config";

    @Inject
    OptInRegistry registry;
    @Inject
    ObjectMapper mapper;

    @Incoming(CONFIG)
    public void consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                registry.remove(record.key());
            }
            return;
        }
        try {
            registry.put(OptIn.fromConfig(record.key(), mapper.readTree(record.value())));
        } catch (JsonProcessingException e) {
            throw undecodable(record, "not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw undecodable(record, e.getMessage());
        }
    }

    private static IllegalArgumentException undecodable(ConsumerRecord<String, String> record, String reason) {
        Log.warnf("undecodable config record %s at offset %d: %s", record.key(), record.offset(), reason);
        return new IllegalArgumentException(reason);
    }
}
