package org.heatpumpsuite.polling.vendor;

import java.util.Locale;

/**
 * A value that exists once per configured instance (iDM): per heating circuit A..G, per zone module 1..10, per room 1..8
 * of a zone module. The catalogue lists such a value once, under the id of its first instance.
 */
public enum Per {
    CIRCUIT, ZONE, ZONE_ROOM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
