package org.heatpumpsuite.polling.vendor;

import java.util.List;

import org.heatpumpsuite.polling.vendor.daikin.DaikinDriver;
import org.heatpumpsuite.polling.vendor.idm.IdmDriver;
import org.heatpumpsuite.polling.vendor.luxtronik.LuxtronikDriver;
import org.heatpumpsuite.polling.vendor.nibe.NibeDriver;

/** Every driver of the suite, loaded once (data files are read and validated on first use). */
public final class Drivers {

    private static final class Holder {
        static final List<HeatpumpDriver> ALL = List.of(new IdmDriver(), new NibeDriver(), new DaikinDriver(), new LuxtronikDriver());
    }

    private Drivers() {
    }

    public static List<HeatpumpDriver> all() {
        return Holder.ALL;
    }

    /** The driver of a manufacturer id. */
    public static HeatpumpDriver forManufacturer(String manufacturer) {
        return all().stream().filter(d -> d.manufacturer().equals(manufacturer)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no driver for manufacturer '" + manufacturer + "'"));
    }

    /** The driver serving manufacturer/model. */
    public static HeatpumpDriver forModel(String manufacturer, String model) {
        HeatpumpDriver d = forManufacturer(manufacturer);
        if (!d.serves(model)) {
            throw new IllegalArgumentException(manufacturer + " has no model '" + model + "'");
        }
        return d;
    }
}
