package org.heatpumpsuite.ingest.pump.messaging;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.heatpumpsuite.ingest.pump.service.Ids;
import org.heatpumpsuite.ingest.pump.service.SensorCatalogue;
import org.heatpumpsuite.ingest.pump.service.SensorInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/**
 * Copies the units and value types of each model's sensors from heatpump.catalogue (key manufacturer/model,
 * tombstone = model dropped). Undecodable records go to heatpump.catalogue.dlq.
 */
@ApplicationScoped
public class CatalogueConsumer {

    public static final String CATALOGUE = "catalogue";

    @Inject
    SensorCatalogue catalogue;
    @Inject
    ObjectMapper mapper;

    @Incoming(CATALOGUE)
    public void consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                catalogue.remove(record.key());
            }
            return;
        }
        JsonNode json;
        try {
            json = mapper.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw undecodable(record, "not JSON: " + e.getOriginalMessage());
        }
        String manufacturer = json.path("manufacturer").asText("");
        String model = json.path("model").asText("");
        if (!Ids.isSnakeId(manufacturer) || !Ids.isSnakeId(model)) {
            throw undecodable(record, "/manufacturer and /model must be ids");
        }
        JsonNode sensors = json.get("sensors");
        if (sensors == null || !sensors.isArray()) {
            throw undecodable(record, "/sensors: missing or not an array");
        }
        Map<String, SensorInfo> infos = new HashMap<>();
        for (int i = 0; i < sensors.size(); i++) {
            JsonNode s = sensors.get(i);
            String id = s.path("id").asText("");
            String unit = s.path("unit").asText("");
            String kind = s.path("kind").asText("");
            if (!Ids.isSnakeId(id) || unit.isEmpty() || !(kind.equals(SensorInfo.NUMBER)
                    || kind.equals(SensorInfo.BOOLEAN) || kind.equals(SensorInfo.STRING))) {
                throw undecodable(record, "/sensors/" + i + ": needs an id, a unit and a kind (number, boolean, string)");
            }
            infos.put(id, new SensorInfo(unit, kind));
        }
        catalogue.put(manufacturer, model, infos);
    }

    private static IllegalArgumentException undecodable(ConsumerRecord<String, String> record, String reason) {
        Log.warnf("undecodable catalogue record %s at offset %d: %s", record.key(), record.offset(), reason);
        return new IllegalArgumentException(reason);
    }
}
