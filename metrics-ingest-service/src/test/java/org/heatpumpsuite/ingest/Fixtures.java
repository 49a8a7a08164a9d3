package org.heatpumpsuite.ingest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.heatpumpsuite.testsupport.VictoriaMetricsProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test records by the contracts, unique pump ids, and reading VictoriaMetrics' export. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Fixtures() {
    }

    /** A fresh heat pump id, so test classes sharing a broker and VictoriaMetrics never see each other's data. */
    public static String pumpId() {
        return "hp-%08x".formatted(ThreadLocalRandom.current().nextInt() & 0x7fffffff);
    }

    public static String time(Instant t) {
        return TIME.format(t);
    }

    /** A heatpump.readings value (nibe s1255) with the given values JSON (without braces) and "°C" units for them. */
    public static String reading(String id, Instant observedAt, String values) {
        StringBuilder units = new StringBuilder();
        for (String pair : values.split(",(?=\")")) {
            if (pair.isBlank()) {
                continue;
            }
            String sensor = pair.substring(1, pair.indexOf('"', 1));
            String unit = pair.contains("\":\"") || pair.endsWith("true") || pair.endsWith("false") ? "none" : "°C";
            units.append(units.isEmpty() ? "" : ",").append('"').append(sensor).append("\":\"").append(unit).append('"');
        }
        return """
                {"schema_version":1,"heatpump_id":"%s","manufacturer":"nibe","model":"s1255","observed_at":"%s",
                 "poll_duration_ms":120,"values":{%s},"units":{%s},"errors":[]}""".formatted(id, time(observedAt), values, units);
    }

    /** A heatpump.config value. */
    public static String config(String id, String manufacturer, String model) {
        return """
                {"schema_version":1,"heatpump_id":"%s","name":"Keller","manufacturer":"%s","model":"%s","enabled":true,
                 "connection":{"host":"127.0.0.1","port":502,"unit_id":1,"timeout_ms":1000,"retries":1},
                 "poll_interval_s":10,"device_config":{},"share_data":false,"updated_at":"2026-11-27T08:00:00.000Z"}
                """.formatted(id, manufacturer, model);
    }

    /** One exported series: labels, values, timestamps (ms). */
    public record Exported(Map<String, String> labels, List<Double> values, List<Long> timestamps) {
        public String name() {
            return labels.get("__name__");
        }
    }

    /** Every raw sample of the series matching the selector, after making new series searchable. */
    public static List<Exported> export(VictoriaMetricsProcess vm, String selector) {
        vm.forceFlush();
        List<Exported> out = new ArrayList<>();
        for (String line : vm.export(selector).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                Map<String, String> labels = new java.util.TreeMap<>();
                n.get("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                List<Double> values = new ArrayList<>();
                n.get("values").forEach(v -> values.add(v.asDouble()));
                List<Long> ts = new ArrayList<>();
                n.get("timestamps").forEach(v -> ts.add(v.asLong()));
                out.add(new Exported(labels, values, ts));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    public static Exported series(List<Exported> all, String name) {
        return all.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + name + " in " + all));
    }
}
