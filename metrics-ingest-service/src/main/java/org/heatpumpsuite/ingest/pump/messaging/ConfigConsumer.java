package org.heatpumpsuite.ingest.pump.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.heatpumpsuite.ingest.data.service.FreeStrings;
import org.heatpumpsuite.ingest.data.service.LatestValues;
import org.heatpumpsuite.ingest.pump.service.Ids;
import org.heatpumpsuite.ingest.pump.service.Pump;
import org.heatpumpsuite.ingest.pump.service.PumpDirectory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * Learns the configured pumps from heatpump.config (key heatpump_id, tombstone = deleted). Every replica reads the
 * whole topic (a group id of its own), so each one can answer for every pump. Undecodable records go to
 * heatpump.config.dlq with the reason.
 */
@ApplicationScoped
public class ConfigConsumer {

    public static final String CONFIG = "config";

    @Inject
    PumpDirectory pumps;
    @Inject
    LatestValues latest;
    @Inject
    FreeStrings strings;
    @Inject
    ObjectMapper mapper;
    @Inject
    ConfigCatchUp catchUp;

    @Incoming(CONFIG)
    public void consume(ConsumerRecord<String, String> record) {
        try {
            apply(record);
        } finally {
            catchUp.processed(record.partition(), record.offset());
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() != null && pumps.remove(record.key())) {
                latest.forget(record.key());
                strings.forget(record.key());
                Log.infof("pump %s deleted", record.key());
            }
            return;
        }
        Pump pump;
        try {
            pump = parse(record.key(), mapper.readTree(record.value()));
        } catch (JsonProcessingException e) {
            throw undecodable(record, "not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw undecodable(record, e.getMessage());
        }
        pumps.put(pump);
    }

    /** The fields this service needs; throws {@link IllegalArgumentException} naming the field at fault. */
    static Pump parse(String key, JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("value is not a JSON object");
        }
        String id = text(json, "heatpump_id");
        if (!Ids.isHeatpumpId(id)) {
            throw new IllegalArgumentException("/heatpump_id: '" + id + "' is not a heat pump id");
        }
        if (key != null && !key.equals(id)) {
            throw new IllegalArgumentException("key '" + key + "' differs from heatpump_id '" + id + "'");
        }
        String manufacturer = text(json, "manufacturer");
        String model = text(json, "model");
        if (!Ids.isSnakeId(manufacturer)) {
            throw new IllegalArgumentException("/manufacturer: '" + manufacturer + "' is not a manufacturer id");
        }
        if (!Ids.isSnakeId(model)) {
            throw new IllegalArgumentException("/model: '" + model + "' is not a model id");
        }
        return new Pump(id, manufacturer, model);
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("/" + field + ": missing or not a string");
        }
        return v.asText();
    }

    private static IllegalArgumentException undecodable(ConsumerRecord<String, String> record, String reason) {
        Log.warnf("undecodable config record %s at %s-%d offset %d: %s", record.key(), record.topic(),
                record.partition(), record.offset(), reason);
        return new IllegalArgumentException(reason);
    }
}
