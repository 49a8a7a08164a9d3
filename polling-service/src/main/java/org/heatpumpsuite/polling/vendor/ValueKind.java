package org.heatpumpsuite.polling.vendor;

import java.util.Locale;

/** JSON type of a value in heatpump.readings. */
public enum ValueKind {
    NUMBER, STRING, BOOLEAN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ValueKind fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
