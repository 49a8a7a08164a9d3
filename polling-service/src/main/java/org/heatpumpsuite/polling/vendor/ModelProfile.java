package org.heatpumpsuite.polling.vendor;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A model's read profile: per register table (= per function code) the block limits, plus the readable addresses the
 * model's map defines (for all instances, whether configured or not), which a block may bridge.
 */
public record ModelProfile(Map<Table, ReadProfile> tables, Map<Table, Set<Integer>> defined) {

    public ModelProfile {
        tables = Map.copyOf(tables);
        Map<Table, Set<Integer>> d = new EnumMap<>(Table.class);
        defined.forEach((t, s) -> d.put(t, Set.copyOf(s)));
        defined = Map.copyOf(d);
    }

    public ReadProfile profile(Table table) {
        ReadProfile p = tables.get(table);
        if (p == null) {
            throw new IllegalArgumentException("no read profile for " + table.fileName());
        }
        return p;
    }

    public boolean isDefined(Table table, int address) {
        Set<Integer> s = defined.get(table);
        return s != null && s.contains(address);
    }
}
