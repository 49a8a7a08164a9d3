package org.heatpumpsuite.polling.simulator;

import java.util.EnumMap;
import java.util.Map;

import org.heatpumpsuite.polling.simulator.RegisterLayout.Table;
import org.heatpumpsuite.polling.simulator.RegisterLayout.Value;
import org.heatpumpsuite.polling.simulator.RegisterLayout.WriteDecision;

/**
 * The register values of one simulated device (holding and input tables), laid out by a shared
 * {@link RegisterLayout}. Reads and writes follow the device rules common to the simulated makers: a block touching
 * an address the device does not have is rejected with exception 02 (iDM: "A block that touches an undefined address
 * returns exception 02"); a write must cover whole values, of writable registers only (else 02), and each value's
 * validator decides whether it is stored, clamped, ignored or rejected (nothing is changed when any value of the
 * write is rejected). Not thread-safe: the owning device serialises access.
 */
public final class RegisterImage {

    public static final int ILLEGAL_FUNCTION = 1;
    public static final int ILLEGAL_DATA_ADDRESS = 2;
    public static final int ILLEGAL_DATA_VALUE = 3;

    private final RegisterLayout layout;
    private final Map<Table, char[]> words = new EnumMap<>(Table.class);

    public RegisterImage(RegisterLayout layout) {
        this.layout = layout;
        for (Table t : Table.values()) {
            words.put(t, new char[layout.span(t)]);
        }
    }

    public RegisterLayout layout() {
        return layout;
    }

    /** One register as an unsigned word. */
    public int get(Table table, int address) {
        requireDefined(table, address);
        return words.get(table)[address - layout.low(table)];
    }

    /** Sets registers starting at {@code address} (simulator side: no access checks). Words are masked to 16 bits. */
    public void set(Table table, int address, int... values) {
        for (int i = 0; i < values.length; i++) {
            requireDefined(table, address + i);
            words.get(table)[address + i - layout.low(table)] = (char) (values[i] & 0xFFFF);
        }
    }

    /** Registers as the device would answer a read, or null when the block touches an undefined address. */
    public int[] read(Table table, int address, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            if (layout.at(table, address + i) == null) {
                return null;
            }
            out[i] = words.get(table)[address + i - layout.low(table)];
        }
        return out;
    }

    /**
     * Applies a client write. Returns 0 on success (also when a value was clamped or ignored) or the Modbus exception
     * code.
     */
    public int write(Table table, int address, int[] values) {
        // Check first, apply after: a rejected write changes nothing.
        int a = address;
        int end = address + values.length;
        int[][] store = new int[values.length][];
        int[] starts = new int[values.length];
        int n = 0;
        while (a < end) {
            Value v = layout.at(table, a);
            if (v == null || v.address() != a || a + v.size() > end || !v.access().writable()) {
                return ILLEGAL_DATA_ADDRESS;
            }
            int[] w = new int[v.size()];
            System.arraycopy(values, a - address, w, 0, v.size());
            WriteDecision d = v.validator().check(w.clone());
            if (d instanceof WriteDecision.Reject r) {
                return r.exceptionCode();
            } else if (d instanceof WriteDecision.Store s) {
                if (s.words().length != v.size()) {
                    throw new IllegalStateException("validator of " + v.name() + " returned a wrong size");
                }
                store[n] = s.words();
            } else if (d instanceof WriteDecision.Accept) {
                store[n] = w;
            } else {
                store[n] = null; // ignored
            }
            starts[n++] = a;
            a += v.size();
        }
        for (int i = 0; i < n; i++) {
            if (store[i] != null) {
                set(table, starts[i], store[i]);
            }
        }
        return 0;
    }

    private void requireDefined(Table table, int address) {
        if (layout.at(table, address) == null) {
            throw new IllegalArgumentException(table + " register " + address + " is not in the layout");
        }
    }
}
