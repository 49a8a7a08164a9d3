package org.heatpumpsuite.registry.heatpump.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.heatpumpsuite.registry.catalogue.service.ModelSpec;
import org.heatpumpsuite.registry.rest.Problem.FieldError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

/**
 * Checks a pump's device_config against its model: the options in the catalogue's {@code device_config_schema} (iDM
 * circuits A..G, zone modules 1..10, NIBE word order, ...), unique zone module numbers, and {@code write_ranges} that
 * name writables of the model and narrow their catalogue range.
 */
@ApplicationScoped
public class DeviceConfigValidator {

    private static final Pattern SENSOR = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public List<FieldError> validate(ObjectNode deviceConfig, ModelSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode schema = spec.deviceConfigSchema();
        Set<String> allowed = new HashSet<>();
        allowed.add("write_ranges");
        if (schema != null) {
            schema.path("properties").fieldNames().forEachRemaining(allowed::add);
        }
        ObjectNode options = deviceConfig.deepCopy();
        options.remove("write_ranges");
        for (Iterator<String> it = deviceConfig.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                errors.add(new FieldError("device_config." + key, "not an option of " + spec.displayName()));
                options.remove(key);
            }
        }
        if (schema != null) {
            Schema compiled = schemas.computeIfAbsent(schema.toString(),
                    text -> registry.getSchema(text, InputFormat.JSON));
            for (Error e : compiled.validate(options.toString(), InputFormat.JSON)) {
                errors.add(new FieldError(field(e.getInstanceLocation()), message(e)));
            }
        }
        JsonNode zones = deviceConfig.get("zone_modules");
        if (zones != null && zones.isArray()) {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < zones.size(); i++) {
                JsonNode m = zones.get(i).get("module");
                if (m != null && m.isInt() && !seen.add(m.asInt())) {
                    errors.add(new FieldError("device_config.zone_modules[" + i + "].module",
                            "zone module " + m.asInt() + " is listed twice"));
                }
            }
        }
        errors.addAll(writeRanges(deviceConfig.get("write_ranges"), spec, circuits(deviceConfig)));
        return errors;
    }

    /** The configured iDM circuits (default A). */
    public static List<String> circuits(JsonNode deviceConfig) {
        List<String> out = new ArrayList<>();
        JsonNode c = deviceConfig == null ? null : deviceConfig.get("circuits");
        if (c != null && c.isArray()) {
            c.forEach(x -> out.add(x.asText()));
        } else {
            out.add("A");
        }
        return out;
    }

    private static List<FieldError> writeRanges(JsonNode ranges, ModelSpec spec, List<String> circuits) {
        List<FieldError> errors = new ArrayList<>();
        if (ranges == null) {
            return errors;
        }
        if (!ranges.isObject()) {
            errors.add(new FieldError("device_config.write_ranges", "must be an object"));
            return errors;
        }
        ranges.fields().forEachRemaining(e -> {
            String f = "device_config.write_ranges." + e.getKey();
            JsonNode r = e.getValue();
            if (!SENSOR.matcher(e.getKey()).matches()) {
                errors.add(new FieldError(f, "not a sensor id"));
                return;
            }
            var writable = spec.writable(e.getKey(), circuits);
            if (writable.isEmpty()) {
                errors.add(new FieldError(f, "not a writable value of " + spec.displayName()));
                return;
            }
            if (!r.isObject() || !r.path("min").isNumber() || !r.path("max").isNumber()) {
                errors.add(new FieldError(f, "needs numbers min and max"));
                return;
            }
            double min = r.get("min").asDouble();
            double max = r.get("max").asDouble();
            if (min > max) {
                errors.add(new FieldError(f + ".min", "must not be above max"));
            }
            if (r.has("step") && (!r.get("step").isNumber() || r.get("step").asDouble() <= 0)) {
                errors.add(new FieldError(f + ".step", "must be a number above 0"));
            }
            Double cmin = writable.get().min();
            Double cmax = writable.get().max();
            if (cmin != null && min < cmin) {
                errors.add(new FieldError(f + ".min", "must not be below the model's minimum " + cmin));
            }
            if (cmax != null && max > cmax) {
                errors.add(new FieldError(f + ".max", "must not be above the model's maximum " + cmax));
            }
            r.fieldNames().forEachRemaining(k -> {
                if (!Set.of("min", "max", "step").contains(k)) {
                    errors.add(new FieldError(f + "." + k, "unknown field"));
                }
            });
        });
        return errors;
    }

    private static String field(NodePath path) {
        StringBuilder sb = new StringBuilder("device_config");
        if (path == null) {
            return sb.toString();
        }
        for (int i = 0; i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            if (el instanceof Integer idx) {
                sb.append('[').append(idx).append(']');
            } else if (el != null && !"$".equals(el.toString()) && !el.toString().isEmpty()) {
                sb.append('.').append(el);
            }
        }
        return sb.toString();
    }

    private static String message(Error e) {
        String m = e.getMessage();
        if (m == null) {
            return "invalid";
        }
        int colon = m.indexOf(": ");
        if ((m.startsWith("$") || m.startsWith("/")) && colon > 0) {
            m = m.substring(colon + 2);
        }
        return m;
    }
}
