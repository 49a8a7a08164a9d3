package org.heatpumpsuite.polling.vendor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The manufacturer-specific {@code device_config} of a pump (config contract): iDM circuits and zone modules, NIBE
 * word order and register-map override, and the installer's write ranges (every maker).
 *
 * @param circuits            iDM heating circuits A..G; null = the contract default ["A"]
 * @param zoneModules         iDM zone modules; empty if none
 * @param wordOrder           32-bit word order (NIBE); null = the model's default
 * @param registerMapOverride NIBE S-series: path of the installer's own register map (data-file format)
 * @param writeRanges         installer's narrower (or, where the reference has none, only) write ranges per value id
 */
public record DeviceConfig(List<String> circuits, List<ZoneModule> zoneModules, WordOrder wordOrder, String registerMapOverride,
        Map<String, WriteRange> writeRanges) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CIRCUIT_LETTERS = List.of("A", "B", "C", "D", "E", "F", "G");

    /** One iDM Navigator Pro zone module: module number 1..10 and rooms 1..rooms in use (1..8). */
    public record ZoneModule(int module, int rooms) {
        public ZoneModule {
            if (module < 1 || module > 10) {
                throw new IllegalArgumentException("zone module number must be 1..10, not " + module);
            }
            if (rooms < 1 || rooms > 8) {
                throw new IllegalArgumentException("zone module " + module + ": rooms must be 1..8, not " + rooms);
            }
        }
    }

    /** An installer's write range: min/max, optionally a step. */
    public record WriteRange(BigDecimal min, BigDecimal max, BigDecimal step) {
        public WriteRange {
            if (min == null || max == null) {
                throw new IllegalArgumentException("write range needs min and max");
            }
            if (min.compareTo(max) > 0) {
                throw new IllegalArgumentException("write range min " + min + " > max " + max);
            }
            if (step != null && step.signum() <= 0) {
                throw new IllegalArgumentException("write range step must be > 0");
            }
        }
    }

    public DeviceConfig {
        if (circuits != null) {
            Set<String> seen = new HashSet<>();
            for (String c : circuits) {
                if (!CIRCUIT_LETTERS.contains(c) || !seen.add(c)) {
                    throw new IllegalArgumentException("circuits must be distinct letters A..G, not " + circuits);
                }
            }
            circuits = List.copyOf(circuits);
        }
        zoneModules = zoneModules == null ? List.of() : List.copyOf(zoneModules);
        Set<Integer> modules = new HashSet<>();
        for (ZoneModule z : zoneModules) {
            if (!modules.add(z.module())) {
                throw new IllegalArgumentException("zone module " + z.module() + " is listed twice");
            }
        }
        writeRanges = writeRanges == null ? Map.of() : Map.copyOf(writeRanges);
    }

    /** No options at all (Daikin, Luxtronik, or defaults). */
    public static DeviceConfig empty() {
        return new DeviceConfig(null, List.of(), null, null, Map.of());
    }

    public static DeviceConfig idm(List<String> circuits, List<ZoneModule> zoneModules) {
        return new DeviceConfig(circuits, zoneModules, null, null, Map.of());
    }

    public DeviceConfig withWordOrder(WordOrder order) {
        return new DeviceConfig(circuits, zoneModules, order, registerMapOverride, writeRanges);
    }

    public DeviceConfig withRegisterMapOverride(String path) {
        return new DeviceConfig(circuits, zoneModules, wordOrder, path, writeRanges);
    }

    public DeviceConfig withWriteRange(String id, WriteRange range) {
        Map<String, WriteRange> m = new LinkedHashMap<>(writeRanges);
        m.put(id, range);
        return new DeviceConfig(circuits, zoneModules, wordOrder, registerMapOverride, m);
    }

    /** Heating circuits to read: the configured ones, or the contract default ["A"]. */
    public List<String> circuitsOrDefault() {
        return circuits == null ? List.of("A") : circuits;
    }

    /** Parses {@code device_config} as it travels in heatpump.config (unknown fields are rejected). */
    public static DeviceConfig fromJson(JsonNode node) {
        if (node == null || node.isNull()) {
            return empty();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("device_config must be an object");
        }
        List<String> circuits = null;
        List<ZoneModule> zones = new ArrayList<>();
        WordOrder order = null;
        String override = null;
        Map<String, WriteRange> ranges = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "circuits" -> {
                    circuits = new ArrayList<>();
                    for (JsonNode c : v) {
                        circuits.add(c.asText());
                    }
                }
                case "zone_modules" -> {
                    for (JsonNode z : v) {
                        zones.add(new ZoneModule(z.path("module").asInt(-1), z.path("rooms").asInt(-1)));
                    }
                }
                case "word_order" -> order = WordOrder.fromWire(v.asText());
                case "register_map_override" -> override = v.asText();
                case "write_ranges" -> {
                    for (Iterator<Map.Entry<String, JsonNode>> r = v.fields(); r.hasNext();) {
                        Map.Entry<String, JsonNode> re = r.next();
                        JsonNode rv = re.getValue();
                        if (!rv.path("min").isNumber() || !rv.path("max").isNumber()) {
                            throw new IllegalArgumentException("write_ranges." + re.getKey() + " needs numeric min and max");
                        }
                        ranges.put(re.getKey(), new WriteRange(rv.get("min").decimalValue(), rv.get("max").decimalValue(),
                                rv.hasNonNull("step") ? rv.get("step").decimalValue() : null));
                    }
                }
                default -> throw new IllegalArgumentException("unknown device_config field '" + e.getKey() + "'");
            }
        }
        return new DeviceConfig(circuits, zones, order, override, ranges);
    }

    /** Parses {@code device_config} given as a map (e.g. from a deserialised config record). */
    public static DeviceConfig fromMap(Map<String, ?> map) {
        return fromJson(map == null ? null : JSON.valueToTree(map));
    }
}
