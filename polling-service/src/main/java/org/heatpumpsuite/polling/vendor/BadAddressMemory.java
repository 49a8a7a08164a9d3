package org.heatpumpsuite.polling.vendor;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one pump taught the planner after exception 02 (illegal data address):
 * <ul>
 * <li>bad addresses: answered 02 when read on their own; their values are skipped and they are never bridged;</li>
 * <li>no-bridge addresses: unrequested addresses inside a block that failed with 02 although each of its values read
 *     fine on its own; blocks no longer span them;</li>
 * <li>single values: a block without such gaps still failed; its values are read one by one.</li>
 * </ul>
 * Keep one per pump for the life of its session; {@link #clear()} it when the pump's configuration or firmware changes.
 */
public final class BadAddressMemory {

    private record Key(Table table, int address) {
    }

    private final Set<Key> bad = ConcurrentHashMap.newKeySet();
    private final Set<Key> single = ConcurrentHashMap.newKeySet();
    private final Set<Key> noBridge = ConcurrentHashMap.newKeySet();

    public void markBad(Table table, int address, int count) {
        for (int a = address; a < address + count; a++) {
            bad.add(new Key(table, a));
        }
    }

    public boolean isBad(Table table, int address) {
        return bad.contains(new Key(table, address));
    }

    /** True if any address of the range is bad. */
    public boolean anyBad(Table table, int address, int count) {
        for (int a = address; a < address + count; a++) {
            if (isBad(table, a)) {
                return true;
            }
        }
        return false;
    }

    public void markSingle(Table table, int address) {
        single.add(new Key(table, address));
    }

    public boolean isSingle(Table table, int address) {
        return single.contains(new Key(table, address));
    }

    public void markNoBridge(Table table, int address) {
        noBridge.add(new Key(table, address));
    }

    public boolean isNoBridge(Table table, int address) {
        return noBridge.contains(new Key(table, address));
    }

    public int badCount() {
        return bad.size();
    }

    public void clear() {
        bad.clear();
        single.clear();
        noBridge.clear();
    }
}
