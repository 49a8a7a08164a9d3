package org.heatpumpsuite.ingest.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatpumpsuite.ingest.pump.service.CanonicalSensors;
import org.heatpumpsuite.ingest.pump.service.OperatingModes;
import org.heatpumpsuite.ingest.pump.service.SensorInfo;
import org.heatpumpsuite.ingest.samples.service.LineProtocol;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heatpumpsuite.ingest.samples.service.Reading;
import org.heatpumpsuite.ingest.samples.service.RecordDecoder;
import org.heatpumpsuite.ingest.samples.service.UndecodableException;

/**
 * The same samples in each import format VictoriaMetrics offers, split into requests of at most {@code perRequest}
 * samples as the service does. Influx is the service's own encoder; the others are written here for comparison.
 */
enum Formats {

    /** The service's own encoder: each record decoded straight into the body, as the write path does. */
    INFLUX("/write?precision=ms") {
        @Override
        List<byte[]> encode(List<byte[]> values, String prefix, int perRequest) {
            List<byte[]> bodies = new ArrayList<>();
            LineProtocol lp = new LineProtocol(prefix);
            RecordDecoder decoder = new RecordDecoder(Long.MAX_VALUE / 4);
            long now = System.currentTimeMillis();
            for (byte[] v : values) {
                try {
                    decoder.decode(new ConsumerRecord<>("heatpump.readings", 0, 0, null, v), now, false, lp, false);
                } catch (UndecodableException e) {
                    throw new IllegalStateException(e.getMessage());
                }
                if (lp.samples() >= perRequest) {
                    bodies.add(lp.toBytes());
                    lp.reset();
                }
            }
            if (lp.samples() > 0) {
                bodies.add(lp.toBytes());
            }
            return bodies;
        }
    },
    PROMETHEUS("/api/v1/import/prometheus") {
        @Override
        List<byte[]> encode(List<byte[]> values, String prefix, int perRequest) {
            List<byte[]> bodies = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            Iterable<Reading> readings = decoded(values);
            int n = 0;
            for (Reading r : readings) {
                String labels = "{heatpump_id=\"" + r.heatpumpId() + "\",manufacturer=\"" + r.manufacturer()
                        + "\",model=\"" + r.model() + "\"} ";
                for (Reading.Value v : r.values()) {
                    String value = value(v);
                    if (value == null) {
                        continue;
                    }
                    sb.append(prefix).append('_').append(v.sensor()).append(labels).append(value).append(' ')
                            .append(r.observedAtMs()).append('\n');
                    n++;
                }
                if (n >= perRequest) {
                    bodies.add(sb.toString().getBytes(StandardCharsets.US_ASCII));
                    sb.setLength(0);
                    n = 0;
                }
            }
            if (n > 0) {
                bodies.add(sb.toString().getBytes(StandardCharsets.US_ASCII));
            }
            return bodies;
        }
    },
    /** JSON lines, at its best: the samples of one series within one request share a line. */
    JSON_LINES("/api/v1/import") {
        @Override
        List<byte[]> encode(List<byte[]> values, String prefix, int perRequest) {
            List<byte[]> bodies = new ArrayList<>();
            Map<String, StringBuilder[]> series = new LinkedHashMap<>();
            Iterable<Reading> readings = decoded(values);
            int n = 0;
            for (Reading r : readings) {
                for (Reading.Value v : r.values()) {
                    String value = value(v);
                    if (value == null) {
                        continue;
                    }
                    String metric = "{\"__name__\":\"" + prefix + "_" + v.sensor() + "\",\"heatpump_id\":\""
                            + r.heatpumpId() + "\",\"manufacturer\":\"" + r.manufacturer() + "\",\"model\":\""
                            + r.model() + "\"}";
                    StringBuilder[] vt = series.computeIfAbsent(metric, k -> new StringBuilder[] { new StringBuilder(),
                            new StringBuilder() });
                    vt[0].append(vt[0].isEmpty() ? "" : ",").append(value);
                    vt[1].append(vt[1].isEmpty() ? "" : ",").append(r.observedAtMs());
                    n++;
                }
                if (n >= perRequest) {
                    bodies.add(flush(series));
                    n = 0;
                }
            }
            if (n > 0) {
                bodies.add(flush(series));
            }
            return bodies;
        }

        private byte[] flush(Map<String, StringBuilder[]> series) {
            StringBuilder sb = new StringBuilder();
            series.forEach((metric, vt) -> sb.append("{\"metric\":").append(metric).append(",\"values\":[")
                    .append(vt[0]).append("],\"timestamps\":[").append(vt[1]).append("]}\n"));
            series.clear();
            return sb.toString().getBytes(StandardCharsets.US_ASCII);
        }
    };

    final String path;

    Formats(String path) {
        this.path = path;
    }

    /** Decodes and encodes the records (JSON values of heatpump.readings) into request bodies. */
    abstract List<byte[]> encode(List<byte[]> values, String prefix, int perRequest);

    /** The records decoded one by one with their values, while iterating. */
    static Iterable<Reading> decoded(List<byte[]> values) {
        RecordDecoder decoder = new RecordDecoder(Long.MAX_VALUE / 4);
        long now = System.currentTimeMillis();
        return () -> values.stream().map(v -> {
            try {
                return decoder.reading(new ConsumerRecord<>("heatpump.readings", 0, 0, null, v), now);
            } catch (UndecodableException e) {
                throw new IllegalStateException(e.getMessage());
            }
        }).iterator();
    }

    /** The written value as the service writes it, or null for a string without code. */
    static String value(Reading.Value v) {
        if (SensorInfo.NUMBER.equals(v.kind())) {
            return v.text();
        }
        if (SensorInfo.BOOLEAN.equals(v.kind())) {
            return "true".equals(v.text()) ? "1" : "0";
        }
        if (CanonicalSensors.OPERATING_MODE.equals(v.sensor()) && OperatingModes.code(v.text()) >= 0) {
            return Integer.toString(OperatingModes.code(v.text()));
        }
        return null;
    }
}
