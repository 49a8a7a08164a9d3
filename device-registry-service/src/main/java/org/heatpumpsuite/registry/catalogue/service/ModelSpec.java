package org.heatpumpsuite.registry.catalogue.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One model as the catalogue describes it (docs/contracts/catalogue.md). Reads the stored document defensively: a
 * field the record lacks falls back to a safe default, so a thin record never makes the API fail.
 */
public record ModelSpec(String manufacturer, String model, String manufacturerName, String displayName, JsonNode doc) {

    public String protocol() {
        return doc.path("protocol").asText("luxtronik".equals(manufacturer) ? "luxtronik" : "modbus_tcp");
    }

    /** Modbus makers need a unit id; Luxtronik has none. */
    public boolean usesUnitId() {
        return !"luxtronik".equals(protocol());
    }

    public int defaultPort() {
        return doc.path("default_port").asInt(usesUnitId() ? 502 : 8889);
    }

    public Integer defaultUnitId() {
        JsonNode n = doc.get("default_unit_id");
        if (n != null && n.isInt()) {
            return n.asInt();
        }
        return usesUnitId() ? Integer.valueOf(1) : null;
    }

    public int defaultPollIntervalS() {
        return Math.max(1, doc.path("default_poll_interval_s").asInt(minPollIntervalS()));
    }

    public int minPollIntervalS() {
        return Math.max(1, doc.path("min_poll_interval_s").asInt(10));
    }

    public List<String> capabilities() {
        List<String> out = new ArrayList<>();
        doc.path("capabilities").forEach(c -> out.add(c.asText()));
        return out;
    }

    /** The JSON Schema of the model's own device_config options ({@code {"type":"object"}} if the record has none). */
    public JsonNode deviceConfigSchema() {
        JsonNode s = doc.get("device_config_schema");
        return s != null && s.isObject() ? s : null;
    }

    public JsonNode dashboardTemplate() {
        JsonNode t = doc.get("dashboard_template");
        return t != null && t.isObject() ? t : null;
    }

    public JsonNode setupInstructions() {
        return doc.has("setup_instructions") ? doc.get("setup_instructions") : NullNode.getInstance();
    }

    /**
     * The writable the sensor id names: an exact id, or for {@code per: circuit} entries (id {@code circuit_a_…}) the
     * same value of another circuit ({@code circuit_c_…}). {@code circuits} are the pump's configured circuits.
     */
    public Optional<Writable> writable(String sensor, List<String> circuits) {
        for (JsonNode w : doc.path("writables")) {
            String id = w.path("id").asText();
            if (id.equals(sensor)) {
                return Optional.of(new Writable(w, sensor));
            }
            if ("circuit".equals(w.path("per").asText()) && id.startsWith("circuit_a_")
                    && sensor.matches("circuit_[a-g]_.+")
                    && sensor.substring("circuit_x_".length()).equals(id.substring("circuit_a_".length()))
                    && circuits.contains(sensor.substring(8, 9).toUpperCase())) {
                return Optional.of(new Writable(w, sensor));
            }
        }
        return Optional.empty();
    }

    /** A writable value of the model: {@code definition} is its catalogue entry, {@code id} the concrete sensor id. */
    public record Writable(JsonNode definition, String id) {

        public String kind() {
            return definition.path("kind").asText("number");
        }

        public Double min() {
            JsonNode n = definition.get("min");
            return n != null && n.isNumber() ? n.asDouble() : null;
        }

        public Double max() {
            JsonNode n = definition.get("max");
            return n != null && n.isNumber() ? n.asDouble() : null;
        }

        public Double step() {
            JsonNode n = definition.get("step");
            return n != null && n.isNumber() ? n.asDouble() : null;
        }

        public JsonNode options() {
            JsonNode o = definition.get("options");
            return o != null && o.isObject() ? o : null;
        }

        public boolean eeprom() {
            return "eeprom".equals(definition.path("persistence").asText());
        }
    }
}
