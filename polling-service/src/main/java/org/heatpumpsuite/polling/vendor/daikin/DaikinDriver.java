package org.heatpumpsuite.polling.vendor.daikin;

import org.heatpumpsuite.polling.vendor.DataDrivenDriver;

/** Daikin Altherma 3 through the HomeHub EKRHH (use case 3), Modbus TCP. Map: {@code vendor/daikin/altherma_3.yaml}. */
public final class DaikinDriver extends DataDrivenDriver {

    public DaikinDriver() {
        super("vendor/daikin/altherma_3.yaml");
    }
}
