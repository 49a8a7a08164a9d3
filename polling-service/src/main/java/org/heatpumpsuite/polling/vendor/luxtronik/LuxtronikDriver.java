package org.heatpumpsuite.polling.vendor.luxtronik;

import org.heatpumpsuite.polling.vendor.DataDrivenDriver;

/**
 * Luxtronik 2.0/2.1 over the binary protocol (port 8889, 8888 on old firmware). A poll reads the three arrays
 * (3003 parameters, 3004 calculations, 3005 visibilities); {@link LuxtronikFrames} builds requests and parses answers;
 * a write is one 3002 request. Map: {@code vendor/luxtronik/luxtronik_2_1.yaml}.
 */
public final class LuxtronikDriver extends DataDrivenDriver {

    public LuxtronikDriver() {
        super("vendor/luxtronik/luxtronik_2_1.yaml");
    }
}
