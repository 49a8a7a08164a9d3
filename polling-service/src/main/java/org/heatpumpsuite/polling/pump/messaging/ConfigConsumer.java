package org.heatpumpsuite.polling.pump.messaging;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.heatpumpsuite.polling.pump.service.PumpConfig;
import org.heatpumpsuite.polling.pump.service.PumpRegistry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * Takes pumps from heatpump.config (key heatpump_id, tombstone = removed) and announces each newly owned pump on
 * heatpump.status. Undecodable records go to heatpump.config.dlq with the reason.
 */
@ApplicationScoped
public class ConfigConsumer {

    public static final String CONFIG = "config";

    @Inject
    PumpRegistry pumps;
    @Inject
    ObjectMapper mapper;
    @Inject
    StatusPublisher status;

    Clock clock = Clock.systemUTC();

    @Incoming(CONFIG)
    public void consume(ConsumerRecord<String, String> record) throws JsonProcessingException {
        if (record.value() == null) {
            if (record.key() != null && pumps.remove(record.key())) {
                Log.infof("pump %s removed", record.key());
                status.tombstone(record.key());
            }
            return;
        }
        PumpConfig config;
        try {
            config = PumpConfig.parse(record.key(), mapper.readTree(record.value()));
        } catch (JsonProcessingException e) {
            throw undecodable(record, "not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw undecodable(record, e.getMessage());
        }
        if (pumps.put(config)) {
            Log.infof("pump %s (%s/%s at %s:%d) taken over", config.heatpumpId(), config.manufacturer(),
                    config.model(), config.host(), config.port());
            status.publish(StatusRecord.notYetConnected(config.heatpumpId(), clock.instant()));
        }
    }

    private static IllegalArgumentException undecodable(ConsumerRecord<String, String> record, String reason) {
        Log.warnf("undecodable config record %s at offset %d: %s", record.key(), record.offset(), reason);
        return new IllegalArgumentException(reason);
    }
}
