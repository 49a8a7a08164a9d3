package org.heatpumpsuite.polling.vendor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges a model's polled values into the fewest Modbus requests its {@link ModelProfile} allows, separately per
 * register table (function code).
 *
 * <p>Values are sorted by address and merged greedily: a value joins the current block if the block then stays within
 * {@code max_registers}, the gap between them is at most {@code max_gap}, and every address in the gap is defined by
 * the model's map (or the profile allows undefined gaps) and not known bad. Greedy merging is optimal here: whether a
 * block is allowed depends only on its length and on its gaps, so extending a block as far as possible never costs a
 * request later.
 *
 * <p>{@link BadAddressMemory}: values on known bad addresses are not requested (listed in {@link ReadPlan#skipped()});
 * values flagged "single" get a request of their own.
 */
public final class ReadPlanner {

    private ReadPlanner() {
    }

    /** Plans the reads of every polled value in {@code sensors}. */
    public static ReadPlan plan(List<SensorDefinition> sensors, ModelProfile profile, BadAddressMemory memory) {
        List<ReadRequest> requests = new ArrayList<>();
        List<ReadPlan.Skipped> skipped = new ArrayList<>();
        for (Table table : List.of(Table.INPUT, Table.HOLDING)) {
            Set<ReadBlock.Span> spans = new LinkedHashSet<>();
            for (SensorDefinition s : sensors) {
                if (s.polled() && s.register().table() == table) {
                    spans.add(new ReadBlock.Span(s.register().address(), s.register().entries()));
                }
            }
            if (!spans.isEmpty()) {
                planTable(table, new ArrayList<>(spans), profile.profile(table), profile, memory, requests, skipped);
            }
        }
        return new ReadPlan(requests, skipped);
    }

    private static void planTable(Table table, List<ReadBlock.Span> spans, ReadProfile limits, ModelProfile profile,
            BadAddressMemory memory, List<ReadRequest> out, List<ReadPlan.Skipped> skipped) {
        spans.sort(Comparator.comparingInt(ReadBlock.Span::address).thenComparing(Comparator.comparingInt(ReadBlock.Span::count).reversed()));
        int start = -1;
        int end = -1;
        List<ReadBlock.Span> current = new ArrayList<>();
        for (ReadBlock.Span s : spans) {
            if (memory.anyBad(table, s.address(), s.count())) {
                skipped.add(new ReadPlan.Skipped(table, s));
                continue;
            }
            if (s.count() > limits.maxRegisters()) {
                throw new IllegalStateException("value at " + s.address() + " needs " + s.count() + " registers, the profile allows "
                        + limits.maxRegisters());
            }
            if (memory.isSingle(table, s.address())) {
                out.add(new ReadBlock(table, table.readFunctionCode(), s.address(), s.count(), List.of(s)));
                continue;
            }
            if (current.isEmpty()) {
                start = s.address();
                end = s.last();
                current.add(s);
                continue;
            }
            int newEnd = Math.max(end, s.last());
            if (newEnd - start + 1 <= limits.maxRegisters() && bridgeable(table, end + 1, s.address() - 1, limits, profile, memory)) {
                end = newEnd;
                current.add(s);
            } else {
                out.add(new ReadBlock(table, table.readFunctionCode(), start, end - start + 1, current));
                current = new ArrayList<>();
                start = s.address();
                end = s.last();
                current.add(s);
            }
        }
        if (!current.isEmpty()) {
            out.add(new ReadBlock(table, table.readFunctionCode(), start, end - start + 1, current));
        }
    }

    private static boolean bridgeable(Table table, int from, int to, ReadProfile limits, ModelProfile profile, BadAddressMemory memory) {
        if (to < from) {
            return true; // adjacent or overlapping
        }
        if (to - from + 1 > limits.maxGap()) {
            return false;
        }
        for (int a = from; a <= to; a++) {
            if (memory.isBad(table, a) || memory.isSingle(table, a) || memory.isNoBridge(table, a)) {
                return false;
            }
            if (!limits.undefinedGaps() && !profile.isDefined(table, a)) {
                return false;
            }
        }
        return true;
    }
}
