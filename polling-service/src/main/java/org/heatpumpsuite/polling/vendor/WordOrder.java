package org.heatpumpsuite.polling.vendor;

import java.util.Locale;

/**
 * Order of the two registers of a 32-bit value. {@link #LITTLE}: low word first (iDM FLOAT; NIBE with "word swap" on,
 * the default); {@link #BIG}: high word first. Inside each register the high byte always comes first.
 */
public enum WordOrder {
    BIG, LITTLE;

    /** The value used in device_config.word_order and the data files. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WordOrder fromWire(String s) {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "big" -> BIG;
            case "little" -> LITTLE;
            default -> throw new IllegalArgumentException("word_order must be 'big' or 'little', not '" + s + "'");
        };
    }
}
