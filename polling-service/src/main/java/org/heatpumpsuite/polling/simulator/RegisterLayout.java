package org.heatpumpsuite.polling.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The register map a simulated Modbus device serves: which addresses exist in its holding and input tables, how
 * many registers each value spans, whether it may be written, and a validator deciding what a write does. Shared by
 * all devices of a model (immutable once built); the values themselves live in a {@link RegisterImage} per device.
 * Addresses are PDU addresses as they appear on the wire.
 */
public final class RegisterLayout {

    public enum Table {
        HOLDING, INPUT
    }

    /** R: read-only; RW: read and write; W: write-only in the maker's table (still readable here: the stored value). */
    public enum Access {
        R, RW, W;

        public boolean writable() {
            return this != R;
        }
    }

    /** What the device does with a written value. */
    public sealed interface WriteDecision {
        /** Store the words as written. */
        record Accept() implements WriteDecision {
        }

        /** Store these words instead (e.g. Daikin clamps set points to the nearest limit). */
        record Store(int[] words) implements WriteDecision {
        }

        /** Answer normally but keep the old value (e.g. Daikin ignores out-of-range values of other registers). */
        record Ignore() implements WriteDecision {
        }

        /** Answer with this Modbus exception code and change nothing. */
        record Reject(int exceptionCode) implements WriteDecision {
        }

        WriteDecision ACCEPT = new Accept();
        WriteDecision IGNORE = new Ignore();

        static WriteDecision reject(int code) {
            return new Reject(code);
        }
    }

    /** Decides a write of all words of one value. */
    @FunctionalInterface
    public interface WriteValidator {
        WriteDecision check(int[] words);

        WriteValidator ACCEPT_ALL = w -> WriteDecision.ACCEPT;
    }

    /** One value: {@code size} consecutive registers starting at {@code address}. */
    public record Value(Table table, int address, int size, Access access, String name, WriteValidator validator) {
    }

    private final Map<Table, Value[]> cover = new EnumMap<>(Table.class);
    private final Map<Table, Integer> low = new EnumMap<>(Table.class);
    private final List<Value> values;

    private RegisterLayout(List<Value> values) {
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        for (Table t : Table.values()) {
            int lo = Integer.MAX_VALUE;
            int hi = -1;
            for (Value v : values) {
                if (v.table() == t) {
                    lo = Math.min(lo, v.address());
                    hi = Math.max(hi, v.address() + v.size() - 1);
                }
            }
            if (hi < 0) {
                cover.put(t, new Value[0]);
                low.put(t, 0);
                continue;
            }
            Value[] c = new Value[hi - lo + 1];
            for (Value v : values) {
                if (v.table() != t) {
                    continue;
                }
                for (int a = v.address(); a < v.address() + v.size(); a++) {
                    if (c[a - lo] != null) {
                        throw new IllegalArgumentException(t + " " + a + " defined twice: " + c[a - lo].name() + ", "
                                + v.name());
                    }
                    c[a - lo] = v;
                }
            }
            cover.put(t, c);
            low.put(t, lo);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value covering {@code address}, or null where the device has no register. */
    public Value at(Table table, int address) {
        Value[] c = cover.get(table);
        int i = address - low.get(table);
        return i >= 0 && i < c.length ? c[i] : null;
    }

    /** Every value, in definition order. */
    public List<Value> values() {
        return values;
    }

    int low(Table table) {
        return low.get(table);
    }

    int span(Table table) {
        return cover.get(table).length;
    }

    public static final class Builder {
        private final List<Value> values = new ArrayList<>();

        public Builder value(Table table, int address, int size, Access access, String name, WriteValidator validator) {
            if (address < 0 || size < 1 || address + size > 65536) {
                throw new IllegalArgumentException("bad address/size for " + name);
            }
            values.add(new Value(table, address, size, access, name,
                    validator == null ? WriteValidator.ACCEPT_ALL : validator));
            return this;
        }

        public Builder readOnly(Table table, int address, int size, String name) {
            return value(table, address, size, Access.R, name, null);
        }

        public RegisterLayout build() {
            return new RegisterLayout(values);
        }
    }
}
