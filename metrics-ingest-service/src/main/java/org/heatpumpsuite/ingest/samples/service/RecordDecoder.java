package org.heatpumpsuite.ingest.samples.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heatpumpsuite.ingest.pump.service.CanonicalSensors;
import org.heatpumpsuite.ingest.pump.service.Ids;
import org.heatpumpsuite.ingest.pump.service.OperatingModes;
import org.heatpumpsuite.ingest.pump.service.SensorInfo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Decodes heatpump.readings and heatpump.anomalies values (docs/contracts) with a streaming parser, checking what
 * becomes a metric name, label, sample time or value. What it does not use (poll_duration_ms, errors, features, ...)
 * is skipped unchecked, and so are fields it does not know; a higher schema_version is read like version 1
 * (docs/contracts/README.md, "Versions and compatibility"). Thread-safe.
 */
public final class RecordDecoder {

    private static final JsonFactory JSON = new JsonFactory();
    private static final long ANOMALY_SENSOR_SET = Reading.addToSensorSet(
            Reading.addToSensorSet(0, CanonicalSensors.ANOMALY_SCORE), CanonicalSensors.ANOMALY_DETECTED);

    private final long maxSkewMs;

    /** @param maxSkewMs how far in the future observed_at may lie */
    public RecordDecoder(long maxSkewMs) {
        this.maxSkewMs = maxSkewMs;
    }

    /** A heatpump.readings value, with its values. */
    public Reading reading(ConsumerRecord<byte[], byte[]> record, long nowMs) throws UndecodableException {
        return decode(record, nowMs, false, null, true);
    }

    /** A heatpump.anomalies value: its score and flag become the anomaly_score and anomaly_detected series. */
    public Reading anomaly(ConsumerRecord<byte[], byte[]> record, long nowMs) throws UndecodableException {
        return decode(record, nowMs, true, null, true);
    }

    /**
     * A heatpump.readings value checked like the write path checks it, keeping only its string values (and their
     * units): what VictoriaMetrics does not store. Numbers are not copied, so this costs little more than the check.
     */
    public Reading strings(ConsumerRecord<byte[], byte[]> record, long nowMs) throws UndecodableException {
        Fields f = new Fields();
        f.keepStrings = true;
        return parse(record, nowMs, false, f);
    }

    /**
     * Checks a record and, if {@code out} is given, appends its line to the import body (nothing if the record is
     * undecodable). With {@code keepValues} the result carries the values and units; the write path does without.
     */
    public Reading decode(ConsumerRecord<byte[], byte[]> record, long nowMs, boolean anomaly, LineProtocol out,
            boolean keepValues) throws UndecodableException {
        if (out != null) {
            out.beginLine();
        }
        try {
            Fields f = new Fields();
            f.out = out;
            f.keepValues = keepValues;
            Reading r = parse(record, nowMs, anomaly, f);
            if (out != null) {
                out.endLine(r.heatpumpId(), r.manufacturer(), r.model(), r.observedAtMs());
            }
            return r;
        } catch (UndecodableException | RuntimeException e) {
            if (out != null) {
                out.abortLine();
            }
            throw e;
        }
    }

    private Reading parse(ConsumerRecord<byte[], byte[]> record, long nowMs, boolean anomaly, Fields f)
            throws UndecodableException {
        byte[] value = record.value();
        if (value == null) {
            throw new UndecodableException("tombstone (null value) on a topic without tombstones");
        }
        LineProtocol out = f.out;
        try (JsonParser p = JSON.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new UndecodableException("value is not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                switch (name) {
                    case "schema_version" -> {
                        // a later version only adds: read what version 1 has (docs/contracts/README.md)
                        if (t != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 1) {
                            throw new UndecodableException("/schema_version: must be an integer of at least 1, is "
                                    + p.getText());
                        }
                        f.schemaVersion = true;
                    }
                    case "heatpump_id" -> f.heatpumpId = string(p, t, "/heatpump_id");
                    case "manufacturer" -> f.manufacturer = string(p, t, "/manufacturer");
                    case "model" -> f.model = string(p, t, "/model");
                    case "observed_at" -> f.observedAt = string(p, t, "/observed_at");
                    case "values" -> {
                        if (anomaly) {
                            p.skipChildren();
                        } else {
                            values(p, t, f);
                        }
                    }
                    case "units" -> {
                        if (anomaly || !f.keepValues && !f.keepStrings) {
                            p.skipChildren();
                        } else if (f.keepValues) {
                            f.units = units(p, t);
                        } else {
                            f.units = stringUnits(p, t, f);
                        }
                    }
                    case "score" -> {
                        if (anomaly) {
                            if (f.score != null) {
                                throw new UndecodableException("/score: given twice");
                            }
                            f.score = number(p, t, "/score");
                            f.value(CanonicalSensors.ANOMALY_SCORE, SensorInfo.NUMBER, f.score);
                            if (out != null) {
                                out.number(CanonicalSensors.ANOMALY_SCORE, f.score);
                            }
                        }
                    }
                    case "is_anomaly" -> {
                        if (anomaly) {
                            if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                                throw new UndecodableException("/is_anomaly: must be a boolean");
                            }
                            if (f.isAnomaly != null) {
                                throw new UndecodableException("/is_anomaly: given twice");
                            }
                            f.isAnomaly = t == JsonToken.VALUE_TRUE;
                            f.value(CanonicalSensors.ANOMALY_DETECTED, SensorInfo.BOOLEAN, f.isAnomaly.toString());
                            if (out != null) {
                                out.bit(CanonicalSensors.ANOMALY_DETECTED, f.isAnomaly);
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new UndecodableException("not JSON: trailing content after the object");
            }
        } catch (JsonProcessingException e) {
            throw new UndecodableException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UndecodableException("not readable: " + e.getMessage());
        }
        return f.build(record, nowMs, maxSkewMs, anomaly);
    }

    private static String string(JsonParser p, JsonToken t, String field) throws IOException, UndecodableException {
        if (t != JsonToken.VALUE_STRING) {
            throw new UndecodableException(field + ": must be a string");
        }
        return p.getText();
    }

    private static String number(JsonParser p, JsonToken t, String field) throws IOException, UndecodableException {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new UndecodableException(field + ": must be a number");
        }
        if (isPlainDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
            return p.getText();
        }
        return normalised(p, field);
    }

    /** A number with an exponent (or very long) as Java prints it, after checking it is a finite double. */
    private static String normalised(JsonParser p, String field) throws IOException, UndecodableException {
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw new UndecodableException(field + ": number out of range");
        }
        return Double.toString(d);
    }

    /** Digits with an optional sign and point, short enough to be a finite double: passed on as written. */
    static boolean isPlainDecimal(char[] s, int offset, int n) {
        if (n == 0 || n > 24) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s[offset + i];
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' && i == 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The values object: every value checked; numbers, booleans and coded modes go to the import body as they are
     * parsed (a number's characters straight from the parser's buffer), free strings are counted.
     */
    private static void values(JsonParser p, JsonToken t, Fields f) throws IOException, UndecodableException {
        if (t != JsonToken.START_OBJECT) {
            throw new UndecodableException("/values: must be an object");
        }
        if (f.sawValues) {
            throw new UndecodableException("/values: given twice");
        }
        f.sawValues = true;
        LineProtocol out = f.out;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String sensor = p.currentName();
            if (!Ids.isSnakeId(sensor)) {
                throw new UndecodableException("/values: '" + sensor + "' is not a sensor id");
            }
            f.sensorSet = Reading.addToSensorSet(f.sensorSet, sensor);
            t = p.nextToken();
            String kind = switch (t) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> SensorInfo.NUMBER;
                case VALUE_TRUE, VALUE_FALSE -> SensorInfo.BOOLEAN;
                case VALUE_STRING -> SensorInfo.STRING;
                default -> throw new UndecodableException("/values/" + sensor + ": must be a number, a string or a boolean");
            };
            SensorInfo canonical = CanonicalSensors.reading(sensor);
            if (canonical != null && !canonical.kind().equals(kind)) {
                throw new UndecodableException("/values/" + sensor + ": must be a " + canonical.kind());
            }
            if (kind == SensorInfo.NUMBER) {
                char[] chars = p.getTextCharacters();
                int offset = p.getTextOffset();
                int length = p.getTextLength();
                if (isPlainDecimal(chars, offset, length)) {
                    if (out != null) {
                        out.number(sensor, chars, offset, length);
                    }
                    if (f.keepValues) {
                        f.value(sensor, kind, new String(chars, offset, length));
                    }
                } else {
                    String text = normalised(p, "/values/" + sensor);
                    if (out != null) {
                        out.number(sensor, text);
                    }
                    f.value(sensor, kind, text);
                }
            } else if (kind == SensorInfo.BOOLEAN) {
                boolean on = t == JsonToken.VALUE_TRUE;
                if (out != null) {
                    out.bit(sensor, on);
                }
                f.value(sensor, kind, on ? "true" : "false");
            } else {
                boolean mode = CanonicalSensors.OPERATING_MODE.equals(sensor);
                String text = mode || f.keepValues || f.keepStrings ? p.getText() : null;
                if (out != null) {
                    if (mode) {
                        int code = OperatingModes.code(text);
                        if (code >= 0) {
                            out.code(sensor, code);
                        } else {
                            out.uncodedMode();
                        }
                    } else {
                        out.freeString();
                    }
                }
                f.value(sensor, kind, text);
            }
        }
    }

    private static Units units(JsonParser p, JsonToken t) throws IOException, UndecodableException {
        if (t != JsonToken.START_OBJECT) {
            throw new UndecodableException("/units: must be an object");
        }
        List<String> sensors = new ArrayList<>(24);
        List<String> units = new ArrayList<>(24);
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String sensor = p.currentName();
            t = p.nextToken();
            if (t != JsonToken.VALUE_STRING) {
                throw new UndecodableException("/units/" + sensor + ": must be a string");
            }
            sensors.add(sensor);
            units.add(unit(p));
        }
        return new Units(sensors.toArray(String[]::new), units.toArray(String[]::new));
    }

    /**
     * The units of the string values only (of every sensor if the values come later), skipping the rest unchecked as
     * the write path does: as lenient as the write path, and cheap.
     */
    private static Units stringUnits(JsonParser p, JsonToken t, Fields f) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Units.NONE;
        }
        if (f.sawValues && f.values == null) {
            p.skipChildren();
            return Units.NONE;
        }
        List<String> sensors = new ArrayList<>(2);
        List<String> units = new ArrayList<>(2);
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String sensor = p.currentName();
            t = p.nextToken();
            if (t == JsonToken.VALUE_STRING && (!f.sawValues || f.hasValue(sensor))) {
                sensors.add(sensor);
                units.add(unit(p));
            } else {
                p.skipChildren();
            }
        }
        return new Units(sensors.toArray(String[]::new), units.toArray(String[]::new));
    }

    /** The contract's units (common.schema.json), handed out as constants instead of a new String per value. */
    private static final String[] KNOWN_UNITS = { "°C", "none", "kW", "kWh", "h", "Hz", "count", "K", "%", "l/min", "bar" };

    private static String unit(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        for (String u : KNOWN_UNITS) {
            if (u.length() == length && same(u, chars, offset)) {
                return u;
            }
        }
        return p.getText();
    }

    private static boolean same(String s, char[] chars, int offset) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 3339 to epoch milliseconds: the contract's form (exactly milliseconds, 'Z') by hand, anything else with an
     * offset through java.time.
     */
    static long epochMillis(String s) throws UndecodableException {
        try {
            if (s.length() == 24 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
                    && s.charAt(13) == ':' && s.charAt(16) == ':' && s.charAt(19) == '.' && s.charAt(23) == 'Z') {
                long day = LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10)).toEpochDay();
                int h = digits(s, 11, 13);
                int m = digits(s, 14, 16);
                int sec = digits(s, 17, 19);
                if (h > 23 || m > 59 || sec > 59) {
                    throw new DateTimeException("time out of range");
                }
                return ((day * 24 + h) * 60 + m) * 60_000L + sec * 1000L + digits(s, 20, 23);
            }
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new UndecodableException("/observed_at: '" + s + "' is not an RFC 3339 time");
        } catch (DateTimeException e) {
            throw new UndecodableException("/observed_at: '" + s + "' is not a valid time");
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException();
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Fields collected while parsing, checked once the object is complete. */
    private static final class Fields {
        LineProtocol out;
        boolean keepValues;
        /** Keep the string values only (and the units). */
        boolean keepStrings;
        boolean schemaVersion;
        String heatpumpId;
        String manufacturer;
        String model;
        String observedAt;
        boolean sawValues;
        List<Reading.Value> values;
        long sensorSet;
        Units units = Units.NONE;
        String score;
        Boolean isAnomaly;

        void value(String sensor, String kind, String text) {
            if (keepValues || keepStrings && kind == SensorInfo.STRING) {
                if (values == null) {
                    values = new ArrayList<>(24);
                }
                values.add(new Reading.Value(sensor, kind, text));
            }
        }

        boolean hasValue(String sensor) {
            if (values != null) {
                for (Reading.Value v : values) {
                    if (v.sensor().equals(sensor)) {
                        return true;
                    }
                }
            }
            return false;
        }

        Reading build(ConsumerRecord<byte[], byte[]> record, long nowMs, long maxSkewMs, boolean anomaly)
                throws UndecodableException {
            if (!schemaVersion) {
                throw new UndecodableException("/schema_version: missing");
            }
            if (heatpumpId == null) {
                throw new UndecodableException("/heatpump_id: missing");
            }
            if (!Ids.isHeatpumpId(heatpumpId)) {
                throw new UndecodableException("/heatpump_id: '" + heatpumpId + "' is not a heat pump id");
            }
            byte[] key = record.key();
            if (key != null && !heatpumpId.equals(new String(key, StandardCharsets.UTF_8))) {
                throw new UndecodableException("key '" + new String(key, StandardCharsets.UTF_8)
                        + "' differs from heatpump_id '" + heatpumpId + "'");
            }
            if (manufacturer == null || !Ids.isSnakeId(manufacturer)) {
                throw new UndecodableException("/manufacturer: " + (manufacturer == null ? "missing" : "'" + manufacturer + "' is not an id"));
            }
            if (model == null || !Ids.isSnakeId(model)) {
                throw new UndecodableException("/model: " + (model == null ? "missing" : "'" + model + "' is not an id"));
            }
            if (observedAt == null) {
                throw new UndecodableException("/observed_at: missing");
            }
            long at = epochMillis(observedAt);
            if (at > nowMs + maxSkewMs) {
                throw new UndecodableException("/observed_at: " + observedAt + " lies in the future");
            }
            if (at < 0) {
                throw new UndecodableException("/observed_at: " + observedAt + " lies before 1970");
            }
            if (anomaly) {
                if (score == null) {
                    throw new UndecodableException("/score: missing");
                }
                if (isAnomaly == null) {
                    throw new UndecodableException("/is_anomaly: missing");
                }
                sensorSet = ANOMALY_SENSOR_SET;
            } else if (!sawValues) {
                throw new UndecodableException("/values: missing");
            }
            boolean keep = keepValues || keepStrings;
            List<Reading.Value> vs = keep ? (values == null ? List.of() : values) : null;
            return new Reading(heatpumpId, manufacturer, model, at, anomaly, vs, keep ? units : null, sensorSet, record);
        }
    }
}
