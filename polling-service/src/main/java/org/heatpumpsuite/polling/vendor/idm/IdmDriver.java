package org.heatpumpsuite.polling.vendor.idm;

import org.heatpumpsuite.polling.vendor.DataDrivenDriver;

/**
 * iDM Navigator 2.0 over Modbus TCP: common values, heating circuits A..G and zone modules 1..10 with rooms 1..8
 * (device_config circuits / zone_modules). Map: {@code vendor/idm/navigator_2_0.yaml}.
 */
public final class IdmDriver extends DataDrivenDriver {

    public IdmDriver() {
        super("vendor/idm/navigator_2_0.yaml");
    }
}
