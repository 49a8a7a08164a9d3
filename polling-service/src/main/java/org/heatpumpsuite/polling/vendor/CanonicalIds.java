package org.heatpumpsuite.polling.vendor;

import java.util.List;
import java.util.Set;

/**
 * The canonical cross-vendor sensor ids of reference/canonical-sensors.md (the one list) with their units, and the
 * units and normalised operating modes the contracts allow.
 */
public final class CanonicalIds {

    /** Canonical id to unit, in the order of canonical-sensors.md. */
    public static final List<String[]> IDS = List.of(
            new String[] { "temp_outside", "°C" }, new String[] { "temp_flow", "°C" }, new String[] { "temp_return", "°C" },
            new String[] { "temp_hot_water", "°C" }, new String[] { "temp_source_in", "°C" }, new String[] { "temp_source_out", "°C" },
            new String[] { "temp_suction", "°C" }, new String[] { "temp_hot_gas", "°C" }, new String[] { "compressor_running", "none" },
            new String[] { "compressor_frequency", "Hz" }, new String[] { "compressor_starts_total", "count" },
            new String[] { "compressor_hours_total", "h" }, new String[] { "power_electric", "kW" }, new String[] { "power_thermal", "kW" },
            new String[] { "energy_thermal_total", "kWh" }, new String[] { "energy_electric_total", "kWh" },
            new String[] { "error_code", "none" }, new String[] { "operating_mode", "none" });

    /** Units of the contracts (common.schema.json {@code unit}). */
    public static final Set<String> UNITS = Set.of("°C", "K", "kW", "kWh", "h", "Hz", "%", "l/min", "bar", "count", "none");

    /** Normalised operating_mode values. */
    public static final Set<String> OPERATING_MODES = Set.of("off", "standby", "heating", "hot_water", "cooling", "defrost", "pool",
            "utility_lock", "fault");

    private CanonicalIds() {
    }

    public static boolean isCanonical(String id) {
        return IDS.stream().anyMatch(e -> e[0].equals(id));
    }

    public static String unit(String id) {
        return IDS.stream().filter(e -> e[0].equals(id)).map(e -> e[1]).findFirst().orElse(null);
    }

    /** The readings JSON kind of a canonical id. */
    public static ValueKind kind(String id) {
        return switch (id) {
            case "compressor_running" -> ValueKind.BOOLEAN;
            case "error_code", "operating_mode" -> ValueKind.STRING;
            default -> ValueKind.NUMBER;
        };
    }
}
