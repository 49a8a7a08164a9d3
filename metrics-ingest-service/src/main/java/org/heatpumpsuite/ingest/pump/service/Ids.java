package org.heatpumpsuite.ingest.pump.service;

/**
 * Syntax of the identifiers that become metric names and labels (docs/contracts/common.schema.json). Checked by hand:
 * the write path checks every value of every record.
 */
public final class Ids {

    /** Longest sensor id (common.schema.json sensor_id). */
    public static final int MAX_SENSOR_LENGTH = 64;

    private Ids() {
    }

    /** {@code hp-} + 8 lowercase hex characters, or {@code hp-legacy}. */
    public static boolean isHeatpumpId(String s) {
        if (s == null || s.length() != 11 && s.length() != 9 || !s.startsWith("hp-")) {
            return false;
        }
        if (s.length() == 9) {
            return s.equals("hp-legacy");
        }
        for (int i = 3; i < 11; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** {@code ^[a-z][a-z0-9_]*$}, at most 64 characters: sensor ids, manufacturer and model ids. */
    public static boolean isSnakeId(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_SENSOR_LENGTH) {
            return false;
        }
        char first = s.charAt(0);
        if (first < 'a' || first > 'z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** A metric name prefix: {@code ^[a-zA-Z_][a-zA-Z0-9_]*$}. */
    public static boolean isMetricPrefix(String s) {
        return s != null && s.matches("[a-zA-Z_][a-zA-Z0-9_]*");
    }
}
