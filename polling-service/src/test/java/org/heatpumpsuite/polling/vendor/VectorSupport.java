package org.heatpumpsuite.polling.vendor;

import java.util.List;

/** Test helper: decode registers placed at a value's address, plan reads for a subset of values. */
public final class VectorSupport {

    private VectorSupport() {
    }

    public static SensorDefinition sensor(HeatpumpDriver d, String model, DeviceConfig cfg, String id) {
        return d.sensors(model, cfg).stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no value " + id + " on " + model));
    }

    /** Decodes the model's values with {@code words} stored at the address of {@code id}. */
    public static Reading decodeAt(HeatpumpDriver d, String model, DeviceConfig cfg, String id, int... words) {
        SensorDefinition s = sensor(d, model, cfg, id);
        RawData raw = RawData.modbus().put(s.register().table(), s.register().address(), words);
        return d.decode(model, cfg, raw);
    }

    /** The value decoded for {@code id} from {@code words} at its address (null if absent). */
    public static Object valueAt(HeatpumpDriver d, String model, DeviceConfig cfg, String id, int... words) {
        Reading r = decodeAt(d, model, cfg, id, words);
        return r.values().get(id);
    }

    /** The blocks planned for just these values. */
    public static List<ReadBlock> planFor(DataDrivenDriver d, String model, DeviceConfig cfg, String... ids) {
        List<SensorDefinition> subset = d.sensors(model, cfg).stream().filter(s -> List.of(ids).contains(s.id())).toList();
        if (subset.size() != ids.length) {
            throw new AssertionError("not all of " + List.of(ids) + " exist on " + model);
        }
        return ReadPlanner.plan(subset, d.profile(model, cfg), new BadAddressMemory()).blocks();
    }
}
