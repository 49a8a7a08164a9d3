package org.heatpumpsuite.ingest.samples.service;

import java.util.Arrays;

/**
 * Builds the body of an import request in Influx line protocol for VictoriaMetrics' {@code /write?precision=ms}: one
 * line per reading, {@code <prefix>,heatpump_id=…,manufacturer=…,model=… <sensor>=<value>,… <observed_at ms>}.
 * VictoriaMetrics stores each field as the series {@code <prefix>_<sensor>{heatpump_id, manufacturer, model}}. Labels
 * and names are checked ids and numbers JSON numbers: nothing needs escaping, everything is ASCII.
 *
 * <p>The decoder fills a line while it parses a record ({@link #beginLine}, {@link #number}, {@link #bit},
 * {@link #code}, {@link #freeString}, {@link #uncodedMode}) and then either {@link #endLine ends} it (labels and time
 * are known only once the whole record is checked) or {@link #abortLine drops} it. Not thread-safe.
 */
@SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the fastest copy of ASCII text
public final class LineProtocol {

    /** What the body's readings held besides written values. */
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

    /** The fields of the line being parsed ("a=1,b=2"). */
    private byte[] fields = new byte[4096];
    private int fieldsLen;
    private int lineSamples;
    private int lineFreeStrings;
    private int lineUncodedModes;

    public LineProtocol(String prefix) {
        this.prefix = ascii(prefix);
    }

    /** Starts the fields of a new line. */
    public void beginLine() {
        fieldsLen = 0;
        lineSamples = 0;
        lineFreeStrings = 0;
        lineUncodedModes = 0;
    }

    /** A number as JSON wrote it ({@code length} ASCII characters from {@code chars}). */
    public void number(String sensor, char[] chars, int offset, int length) {
        fieldName(sensor, length);
        for (int i = 0; i < length; i++) {
            fields[fieldsLen++] = (byte) chars[offset + i];
        }
    }

    /** A number as text (ASCII). */
    public void number(String sensor, String text) {
        fieldName(sensor, text.length());
        text.getBytes(0, text.length(), fields, fieldsLen);
        fieldsLen += text.length();
    }

    /** A boolean as 1/0. */
    public void bit(String sensor, boolean value) {
        fieldName(sensor, 1);
        fields[fieldsLen++] = (byte) (value ? '1' : '0');
    }

    /** An enum's numeric code. */
    public void code(String sensor, int code) {
        number(sensor, Integer.toString(code));
    }

    public void freeString() {
        lineFreeStrings++;
    }

    public void uncodedMode() {
        lineUncodedModes++;
    }

    private void fieldName(String sensor, int valueLength) {
        int need = fieldsLen + sensor.length() + valueLength + 2;
        if (need > fields.length) {
            fields = Arrays.copyOf(fields, Math.max(fields.length * 2, need));
        }
        if (lineSamples++ > 0) {
            fields[fieldsLen++] = ',';
        }
        sensor.getBytes(0, sensor.length(), fields, fieldsLen);
        fieldsLen += sensor.length();
        fields[fieldsLen++] = '=';
    }

    /** Writes the line with its labels and time; returns its samples (0: nothing written, no line). */
    public int endLine(String heatpumpId, String manufacturer, String model, long observedAtMs) {
        counts.freeStrings += lineFreeStrings;
        counts.uncodedModes += lineUncodedModes;
        if (lineSamples == 0) {
            return 0;
        }
        put(prefix);
        put(",heatpump_id=");
        put(heatpumpId);
        put(",manufacturer=");
        put(manufacturer);
        put(",model=");
        put(model);
        put(' ');
        ensure(fieldsLen);
        System.arraycopy(fields, 0, buf, len, fieldsLen);
        len += fieldsLen;
        put(' ');
        put(Long.toString(observedAtMs));
        put('\n');
        samples += lineSamples;
        return lineSamples;
    }

    /** Drops the line being parsed (the record is a dead letter). */
    public void abortLine() {
        beginLine();
    }

    /** Samples in the body. */
    public int samples() {
        return samples;
    }

    /** Bytes in the body. */
    public int size() {
        return len;
    }

    public Counts counts() {
        return counts;
    }

    /** A copy of the body. */
    public byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }

    /** The body without copying: the first {@link #size()} bytes, valid until the next line or reset. */
    public byte[] buffer() {
        return buf;
    }

    /** Starts a new body (counts keep adding up). */
    public void reset() {
        len = 0;
        samples = 0;
    }

    /** Starts afresh, counts included (for reuse). */
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

    /** Every text written is ASCII, so the low byte is the character. */
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
