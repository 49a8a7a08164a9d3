package org.heatpumpsuite.polling.pump.messaging;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heatpumpsuite.polling.pump.service.PumpConfig;
import org.heatpumpsuite.polling.pump.service.PumpRegistry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * Takes pumps from the heatpump.config records of this replica's partitions (key heatpump_id, tombstone = removed;
 * fed by {@link org.heatpumpsuite.polling.command.messaging.OwnershipConsumer}) and announces each newly owned pump on
 * heatpump.status. An undecodable record throws {@link IllegalArgumentException}; the caller dead-letters it.
 */
@ApplicationScoped
public class ConfigConsumer {

    @Inject
    PumpRegistry pumps;
    @Inject
    ObjectMapper mapper;
    @Inject
    StatusPublisher status;

    Clock clock = Clock.systemUTC();

    /** Result of one record: the pump it named (null if none) and whether it was removed. */
    public record Applied(String heatpumpId, boolean removed) {
    }

    public Applied consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() != null && pumps.remove(record.key())) {
                Log.infof("pump %s removed", record.key());
                status.tombstone(record.key());
            }
            return new Applied(record.key(), true);
        }
        PumpConfig config;
        try {
            config = PumpConfig.parse(record.key(), mapper.readTree(record.value()));
        } catch (JsonProcessingException e) {
            throw undecodable(record, "not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw undecodable(record, e.getMessage());
        }
        if (pumps.put(config, record.partition())) {
            Log.infof("pump %s (%s/%s at %s:%d) taken over", config.heatpumpId(), config.manufacturer(),
                    config.model(), config.host(), config.port());
            status.publish(StatusRecord.notYetConnected(config.heatpumpId(), clock.instant()));
        }
        return new Applied(config.heatpumpId(), false);
    }

    private static IllegalArgumentException undecodable(ConsumerRecord<String, String> record, String reason) {
        Log.warnf("undecodable config record %s at offset %d: %s", record.key(), record.offset(), reason);
        return new IllegalArgumentException(reason);
    }
}
