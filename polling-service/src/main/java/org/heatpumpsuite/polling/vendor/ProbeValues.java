package org.heatpumpsuite.polling.vendor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heatpumpsuite.polling.vendor.data.ProbeSpec;

/**
 * What the connection test reads from one model, resolved from the data file's {@code models[].probe} and checked when
 * the driver loads: the identifying values, the values that say what the device is ({@code detected}), every value
 * needed to get them (sources of derived values included) and, for Modbus, the planned requests.
 *
 * @param values   value ids shown in the probe's {@code values}, in file order
 * @param detected {@code model}/{@code firmware}/{@code serial} → string value id
 * @param sensors  the values to read and decode (shipped map, default device configuration)
 * @param plan     Modbus: the requests that read {@code sensors}; null for Luxtronik
 * @param arrays   Luxtronik: the arrays {@code sensors} live in; empty for Modbus
 */
public record ProbeValues(List<String> values, Map<String, String> detected, List<SensorDefinition> sensors, ReadPlan plan,
        Set<Table> arrays) {

    /** The fields of the probe response's {@code detected} object. */
    public static final Set<String> DETECTED_FIELDS = Set.of("model", "firmware", "serial");

    public ProbeValues {
        values = List.copyOf(values);
        detected = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(detected));
        sensors = List.copyOf(sensors);
        arrays = arrays.isEmpty() ? Set.of() : Set.copyOf(arrays);
    }

    /**
     * Resolves the probe of a model.
     *
     * @throws IllegalArgumentException naming the field if the file names no probe values, an unknown or unreadable value,
     *                                  or a detected field that is not a string value
     */
    static ProbeValues of(ModelData data) {
        ProbeSpec spec = data.spec().probe();
        String where = data.fileName() + " (model " + data.spec().id() + "): probe";
        if (spec == null || spec.values() == null || spec.values().isEmpty()) {
            throw new IllegalArgumentException(where + ".values: the connection test needs at least one value");
        }
        Map<String, SensorDefinition> byId = new LinkedHashMap<>();
        List<SensorDefinition> all = data.sensors(DeviceConfig.empty());
        all.forEach(s -> byId.put(s.id(), s));
        Set<String> needed = new LinkedHashSet<>();
        for (String id : spec.values()) {
            need(byId, id, where + ".values", needed);
        }
        Map<String, String> detected = spec.detected() == null ? Map.of() : spec.detected();
        for (Map.Entry<String, String> e : detected.entrySet()) {
            if (!DETECTED_FIELDS.contains(e.getKey())) {
                throw new IllegalArgumentException(where + ".detected." + e.getKey() + ": only " + DETECTED_FIELDS + " are reported");
            }
            SensorDefinition s = need(byId, e.getValue(), where + ".detected." + e.getKey(), needed);
            if (s.kind() != ValueKind.STRING) {
                throw new IllegalArgumentException(where + ".detected." + e.getKey() + ": " + e.getValue() + " is not a string value");
            }
        }
        List<SensorDefinition> sensors = new ArrayList<>();
        for (SensorDefinition s : all) {
            if (needed.contains(s.id())) {
                sensors.add(s);
            }
        }
        ReadPlan plan = null;
        Set<Table> arrays = EnumSet.noneOf(Table.class);
        if (data.luxtronik()) {
            sensors.stream().filter(SensorDefinition::polled).forEach(s -> arrays.add(s.register().table()));
        } else {
            plan = ReadPlanner.plan(sensors, data.profile(), new BadAddressMemory());
        }
        return new ProbeValues(spec.values(), detected, sensors, plan, arrays);
    }

    private static SensorDefinition need(Map<String, SensorDefinition> byId, String id, String field, Set<String> needed) {
        SensorDefinition s = byId.get(id);
        if (s == null || !s.readable()) {
            throw new IllegalArgumentException(field + ": " + id + " is no readable value of the model");
        }
        needed.add(id);
        for (DerivationRule r : s.derivation()) {
            for (String source : r.sources()) {
                need(byId, source, field + " (source of " + id + ")", needed);
            }
        }
        return s;
    }
}
