package org.heatpumpsuite.ingest.samples.service;

import java.util.Arrays;

import org.heatpumpsuite.ingest.pump.service.CanonicalSensors;
import org.heatpumpsuite.ingest.pump.service.OperatingModes;
import org.heatpumpsuite.ingest.pump.service.SensorInfo;

/**
 * Writes readings as Influx line protocol for VictoriaMetrics' {@code /write?precision=ms}: one line per reading,
 * {@code <prefix>,heatpump_id=…,manufacturer=…,model=… <sensor>=<value>,… <observed_at ms>}. VictoriaMetrics stores
 * each field as the series {@code <prefix>_<sensor>{heatpump_id, manufacturer, model}}. Labels and names are checked
 * ids (no character needs escaping). Numbers go as they are, booleans as 1/0, operating_mode as its code; other
 * strings are left out and counted. Not thread-safe: one instance per batch.
 */
public final class LineProtocol {

    /** What a batch held besides numbers. */
    public static final class Counts {
        /** Free strings (error codes, vendor enums as text): kept only as the latest value. */
        public long freeStrings;
        /** operating_mode values without a code (a newer producer): kept only as the latest value. */
        public long uncodedModes;
    }

    private final byte[] prefix;
    private byte[] buf = new byte[64 * 1024];
    private int len;
    private int samples;
    private final Counts counts = new Counts();

    public LineProtocol(String prefix) {
        this.prefix = ascii(prefix);
    }

    /** Appends the reading's line; returns the samples it holds (0: nothing numeric, no line written). */
    public int append(Reading r) {
        int lineStart = len;
        put(prefix);
        put(",heatpump_id=");
        put(r.heatpumpId());
        put(",manufacturer=");
        put(r.manufacturer());
        put(",model=");
        put(r.model());
        put(' ');
        int n = 0;
        for (Reading.Value v : r.values()) {
            String kind = v.kind();
            String text;
            if (kind == SensorInfo.NUMBER) {
                text = v.text();
            } else if (kind == SensorInfo.BOOLEAN) {
                text = "true".equals(v.text()) ? "1" : "0";
            } else if (CanonicalSensors.OPERATING_MODE.equals(v.sensor())) {
                int code = OperatingModes.code(v.text());
                if (code < 0) {
                    counts.uncodedModes++;
                    continue;
                }
                text = Integer.toString(code);
            } else {
                counts.freeStrings++;
                continue;
            }
            if (n > 0) {
                put(',');
            }
            put(v.sensor());
            put('=');
            put(text);
            n++;
        }
        if (n == 0) {
            len = lineStart;
            return 0;
        }
        put(' ');
        put(Long.toString(r.observedAtMs()));
        put('\n');
        samples += n;
        return n;
    }

    public int samples() {
        return samples;
    }

    public int size() {
        return len;
    }

    public Counts counts() {
        return counts;
    }

    /** A copy of the request body so far. */
    public byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }

    /** The body so far without copying: valid until the next append or reset. */
    public byte[] buffer() {
        return buf;
    }

    /** Starts a new body (counts keep adding up). */
    public void reset() {
        len = 0;
        samples = 0;
    }

    /** Starts afresh, counts included (for reuse across batches). */
    public void clear() {
        reset();
        counts.freeStrings = 0;
        counts.uncodedModes = 0;
    }

    private void put(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    /** Every text written is ASCII (ids are checked, numbers are JSON numbers), so the low byte is the character. */
    @SuppressWarnings("deprecation")
    private void put(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, buf, len);
        len += n;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length + buf.length / 2, len + more));
        }
    }

    private static byte[] ascii(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) s.charAt(i);
        }
        return b;
    }
}
