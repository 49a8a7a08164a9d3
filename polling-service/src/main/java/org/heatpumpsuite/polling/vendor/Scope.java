package org.heatpumpsuite.polling.vendor;

import java.util.Locale;

/** What a power or energy value measures (canonical-sensors.md caveats): the whole unit, the compressor only, or heating and hot water only. */
public enum Scope {
    UNIT, COMPRESSOR, HEATING_HOT_WATER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scope fromWire(String s) {
        return s == null ? null : valueOf(s.toUpperCase(Locale.ROOT));
    }
}
