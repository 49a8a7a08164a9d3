package org.heatpumpsuite.ingest.pump.service;

import java.util.Map;

/**
 * The VictoriaMetrics codes of the normalised operating_mode (docs/contracts/readings.schema.json,
 * operating_mode_codes; a test keeps this table equal to the contract). Codes never change.
 */
public final class OperatingModes {

    private static final String[] NAMES = { "off", "standby", "heating", "hot_water", "cooling", "defrost", "pool",
            "utility_lock", "fault" };
    private static final Map<String, Integer> CODES;

    static {
        Map<String, Integer> codes = new java.util.HashMap<>();
        for (int i = 0; i < NAMES.length; i++) {
            codes.put(NAMES[i], i);
        }
        CODES = Map.copyOf(codes);
    }

    private OperatingModes() {
    }

    /** The code of a mode, or -1 if the mode has none. */
    public static int code(String mode) {
        Integer c = CODES.get(mode);
        return c == null ? -1 : c;
    }

    /** The mode of a code, or null. */
    public static String name(int code) {
        return code >= 0 && code < NAMES.length ? NAMES[code] : null;
    }

    public static Map<String, Integer> codes() {
        return CODES;
    }
}
