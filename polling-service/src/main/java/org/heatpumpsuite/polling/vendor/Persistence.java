package org.heatpumpsuite.polling.vendor;

import java.util.Locale;

/**
 * How a written value is kept by the device (catalogue contract {@code writables[].persistence}). EEPROM: limited write
 * cycles, write only on change; CYCLIC: must be re-sent every resend interval; VOLATILE: lost on a controller restart
 * (not re-applied by the poller yet).
 */
public enum Persistence {
    EEPROM, CYCLIC, VOLATILE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Persistence fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
