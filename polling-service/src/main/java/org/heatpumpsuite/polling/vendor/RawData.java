package org.heatpumpsuite.polling.vendor;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What one poll brought back, before decoding: per table the raw words by address (Modbus: 16-bit registers 0..65535;
 * Luxtronik: int32 entries by index, visibilities as bytes), the failures by address, and for the Luxtronik arrays
 * how many entries the controller returned. Not thread-safe: one poll fills it, then the driver decodes it.
 */
public final class RawData {

    private final Map<Table, Map<Integer, Integer>> words = new EnumMap<>(Table.class);
    private final Map<Table, Map<Integer, ReadFailure>> failures = new EnumMap<>(Table.class);
    private final Map<Table, int[]> arrays = new EnumMap<>(Table.class);

    public static RawData modbus() {
        return new RawData();
    }

    /** The three Luxtronik arrays as parsed from 3004, 3003 and 3005 answers (null for an array not read). */
    public static RawData luxtronik(int[] calculations, int[] parameters, byte[] visibilities) {
        RawData r = new RawData();
        r.putArray(Table.CALCULATIONS, calculations);
        r.putArray(Table.PARAMETERS, parameters);
        if (visibilities != null) {
            int[] v = new int[visibilities.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = visibilities[i];
            }
            r.putArray(Table.VISIBILITIES, v);
        }
        return r;
    }

    /** Stores registers read from {@code address} on. */
    public RawData put(Table table, int address, int[] values) {
        Map<Integer, Integer> m = words.computeIfAbsent(table, t -> new HashMap<>());
        for (int i = 0; i < values.length; i++) {
            m.put(address + i, values[i]);
        }
        return this;
    }

    /** Stores a whole Luxtronik array (entry i = id i); the array is kept, not copied. */
    public RawData putArray(Table table, int[] values) {
        if (values != null) {
            arrays.put(table, values);
        }
        return this;
    }

    /** Records that {@code count} registers from {@code address} failed to read. */
    public RawData fail(Table table, int address, int count, ReadFailure failure) {
        Map<Integer, ReadFailure> m = failures.computeIfAbsent(table, t -> new HashMap<>());
        for (int a = address; a < address + count; a++) {
            m.put(a, failure);
        }
        return this;
    }

    /** Records that a whole Luxtronik array failed to read. */
    public RawData failArray(Table table, ReadFailure failure) {
        failures.computeIfAbsent(table, t -> new HashMap<>()).put(-1, failure);
        return this;
    }

    /** The raw word at the address, or null. */
    public Integer word(Table table, int address) {
        int[] a = arrays.get(table);
        if (a != null) {
            return address >= 0 && address < a.length ? a[address] : null;
        }
        Map<Integer, Integer> m = words.get(table);
        return m == null ? null : m.get(address);
    }

    /** The failure recorded for the address (or for the whole array), or null. */
    public ReadFailure failure(Table table, int address) {
        Map<Integer, ReadFailure> m = failures.get(table);
        if (m == null) {
            return null;
        }
        ReadFailure f = m.get(address);
        return f != null ? f : m.get(-1);
    }

    /** Entries a Luxtronik array returned, or null if it was not read. */
    public Integer length(Table table) {
        int[] a = arrays.get(table);
        return a == null ? null : a.length;
    }
}
