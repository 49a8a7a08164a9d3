package org.heatpumpsuite.polling.vendor;

import java.util.List;

/**
 * One value of a model for one device configuration: a register-backed value ({@link #register()} set) or a value
 * derived from others ({@link #derivation()} set).
 *
 * @param id          sensor id: canonical (reference/canonical-sensors.md) or vendor-specific
 * @param canonical   true for the canonical cross-vendor ids
 * @param unit        one of the contract units (°C, K, kW, kWh, h, Hz, %, l/min, bar, count, none)
 * @param kind        JSON type in readings
 * @param description user-visible text
 * @param scope       for power/energy: what the value measures; null if not recorded
 * @param per         instance kind for per-circuit / per-zone / per-room values; null for single values
 * @param access      read, read/write or write-only (write-only values are not polled)
 * @param register    where it lives; null for derived values
 * @param derivation  rules for derived values; empty for register values
 * @param writable    write rules; null for read-only values
 * @param ref         the reference entry this value transcribes (for the data-file sanity tests)
 * @param unverified  the reference marks the meaning or scale as unconfirmed
 */
public record SensorDefinition(String id, boolean canonical, String unit, ValueKind kind, Text description, Scope scope, Per per,
        Access access, RegisterDefinition register, List<DerivationRule> derivation, WritableDefinition writable, String ref,
        boolean unverified) {

    public SensorDefinition {
        derivation = derivation == null ? List.of() : List.copyOf(derivation);
        if ((register == null) == derivation.isEmpty()) {
            throw new IllegalArgumentException(id + ": exactly one of register and derivation is required");
        }
        if (access.writable() != (writable != null)) {
            throw new IllegalArgumentException(id + ": access " + access + " does not match the write rules");
        }
    }

    public boolean derived() {
        return register == null;
    }

    /** Polled: register-backed and readable. */
    public boolean polled() {
        return register != null && access.readable();
    }

    /** Appears in readings: readable (register or derived). */
    public boolean readable() {
        return access.readable();
    }
}
