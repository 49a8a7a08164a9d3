package org.heatpumpsuite.polling.command.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.heatpumpsuite.polling.vendor.Persistence;
import org.heatpumpsuite.polling.vendor.WritableDefinition;

/**
 * The rules a validated write must pass before it goes on the wire, and the state they need: per pump and value the
 * writes of the last 24 h (EEPROM minimum interval and daily budget), the standing values of cyclic writables, and the
 * command ids seen in the last 24 h (a redelivered command runs at most once). Pure and clock-driven: no I/O, no
 * timers; thread-safe. The state is rebuilt from heatpump.command-results and the standing-values topic on take-over.
 */
public final class WriteGovernor {

    /** How far back writes and command ids are remembered. */
    public static final Duration WINDOW = Duration.ofHours(24);

    /** Limits for EEPROM-backed values. */
    public record Limits(Duration eepromMinInterval, int eepromDailyBudget) {
        public Limits {
            if (eepromMinInterval.isNegative() || eepromDailyBudget < 0) {
                throw new IllegalArgumentException("EEPROM limits must not be negative");
            }
        }
    }

    private static final class PumpState {
        final Map<String, Deque<Instant>> writes = new HashMap<>();
        final Map<String, StandingValue> standing = new LinkedHashMap<>();
    }

    private record Seen(String heatpumpId, Instant at) {
    }

    private final Clock clock;
    private final Limits limits;
    private final Map<String, PumpState> pumps = new HashMap<>();
    private final Map<String, Seen> commands = new HashMap<>();

    public WriteGovernor(Clock clock, Limits limits) {
        this.clock = Objects.requireNonNull(clock);
        this.limits = Objects.requireNonNull(limits);
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Marks a command id as seen; false if it was seen in the last 24 h (a redelivery: do not execute it again).
     */
    public synchronized boolean firstSeen(String heatpumpId, String commandId) {
        pruneCommands();
        return commands.putIfAbsent(commandId, new Seen(heatpumpId, clock.instant())) == null;
    }

    /**
     * The time-based rules: EEPROM daily budget and minimum interval; re-sends only of cyclic, non-EEPROM, repeatable
     * values. Empty if the write may go ahead, else the reason for rejecting it.
     */
    public synchronized Optional<String> checkLimits(String heatpumpId, String sensor, WritableDefinition w, boolean resend) {
        if (resend) {
            if (w.persistence() == Persistence.EEPROM) {
                return Optional.of("re-sends are never allowed for EEPROM-backed values");
            }
            if (w.oneShot()) {
                return Optional.of("one-shot values are never re-sent");
            }
            if (w.persistence() != Persistence.CYCLIC) {
                return Optional.of("only cyclic values are re-sent");
            }
            return Optional.empty();
        }
        if (w.persistence() != Persistence.EEPROM) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Deque<Instant> recent = writes(heatpumpId, sensor, now);
        // the model data's own limits for this value where it has them, else the configured defaults
        int budget = w.dailyBudget() != null ? w.dailyBudget() : limits.eepromDailyBudget();
        Duration minInterval = w.minIntervalS() != null ? Duration.ofSeconds(w.minIntervalS()) : limits.eepromMinInterval();
        if (recent.size() >= budget) {
            Instant next = recent.peekFirst() == null ? now : recent.peekFirst().plus(WINDOW);
            return Optional.of("daily write budget of this EEPROM-backed value spent (" + recent.size() + " of "
                    + budget + " writes in 24 h); next write allowed from " + next);
        }
        Instant last = recent.peekLast();
        if (last != null && now.isBefore(last.plus(minInterval))) {
            return Optional.of("too frequent: this EEPROM-backed value was written at " + last + "; next write allowed from "
                    + last.plus(minInterval) + " (minimum interval " + minInterval + ")");
        }
        return Optional.empty();
    }

    /**
     * The no-change rule: a write that would leave the value as it is is suppressed, unless it is a re-send (cyclic
     * values must reach the device again even unchanged). Values compare at the value's resolution: both are decoded
     * from register words.
     */
    public static Optional<String> checkChange(Object current, Object wanted, boolean resend) {
        if (resend || current == null || wanted == null || !same(current, wanted)) {
            return Optional.empty();
        }
        return Optional.of("unchanged: the pump already has " + current + "; nothing written");
    }

    /** Equal at the value's resolution (numbers by value, anything else by equals). */
    public static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }

    /** A write that reached (or may have reached) the device: every outcome but rejected. */
    public synchronized void recordWrite(String heatpumpId, String sensor, Instant at) {
        Instant now = clock.instant();
        if (at.isBefore(now.minus(WINDOW))) {
            return;
        }
        Deque<Instant> d = writes(heatpumpId, sensor, now);
        if (d.isEmpty() || !at.isBefore(d.peekLast())) {
            d.addLast(at);
        } else { // rebuilt out of order: keep the deque sorted
            List<Instant> all = new java.util.ArrayList<>(d);
            all.add(at);
            all.sort(null);
            d.clear();
            d.addAll(all);
        }
    }

    /** Rebuilds from one record of heatpump.command-results. */
    public synchronized void rebuild(String heatpumpId, String sensor, String commandId, String outcome, Instant completedAt) {
        if (completedAt.isBefore(clock.instant().minus(WINDOW))) {
            return;
        }
        commands.merge(commandId, new Seen(heatpumpId, completedAt), (a, b) -> a.at().isAfter(b.at()) ? a : b);
        if (!"rejected".equals(outcome)) {
            recordWrite(heatpumpId, sensor, completedAt);
        }
    }

    /** When the value was last written (any persistence), if in the last 24 h. */
    public synchronized Optional<Instant> lastWrite(String heatpumpId, String sensor) {
        return Optional.ofNullable(writes(heatpumpId, sensor, clock.instant()).peekLast());
    }

    /** Writes of the value in the last 24 h. */
    public synchronized int writesInWindow(String heatpumpId, String sensor) {
        return writes(heatpumpId, sensor, clock.instant()).size();
    }

    public synchronized void stand(String heatpumpId, StandingValue value) {
        pumps.computeIfAbsent(heatpumpId, k -> new PumpState()).standing.put(value.sensor(), value);
    }

    public synchronized Map<String, StandingValue> standing(String heatpumpId) {
        PumpState p = pumps.get(heatpumpId);
        return p == null ? Map.of() : Map.copyOf(p.standing);
    }

    /** Replaces all standing values of a pump (rebuild from the standing-values topic; empty = none). */
    public synchronized void replaceStanding(String heatpumpId, Collection<StandingValue> values) {
        PumpState p = pumps.computeIfAbsent(heatpumpId, k -> new PumpState());
        p.standing.clear();
        values.forEach(v -> p.standing.put(v.sensor(), v));
    }

    /** Pumps with standing values. */
    public synchronized List<String> pumpsWithStandingValues() {
        return pumps.entrySet().stream().filter(e -> !e.getValue().standing.isEmpty()).map(Map.Entry::getKey).toList();
    }

    /** Forgets a pump (removed, or its partition moved to another replica). */
    public synchronized void drop(String heatpumpId) {
        pumps.remove(heatpumpId);
        commands.values().removeIf(s -> s.heatpumpId().equals(heatpumpId));
    }

    /** Forgets every pump the predicate names (a lost partition: also pumps known only from their results). */
    public synchronized void dropWhere(java.util.function.Predicate<String> heatpumpId) {
        pumps.keySet().removeIf(heatpumpId);
        commands.values().removeIf(s -> heatpumpId.test(s.heatpumpId()));
    }

    /** Forgets only the standing values of a pump (the pump was removed: nothing is re-sent any more). */
    public synchronized void clearStanding(String heatpumpId) {
        PumpState p = pumps.get(heatpumpId);
        if (p != null) {
            p.standing.clear();
        }
    }

    private Deque<Instant> writes(String heatpumpId, String sensor, Instant now) {
        Deque<Instant> d = pumps.computeIfAbsent(heatpumpId, k -> new PumpState()).writes.computeIfAbsent(sensor,
                k -> new ArrayDeque<>());
        Instant horizon = now.minus(WINDOW);
        while (!d.isEmpty() && !d.peekFirst().isAfter(horizon)) {
            d.pollFirst();
        }
        return d;
    }

    private void pruneCommands() {
        Instant horizon = clock.instant().minus(WINDOW);
        for (Iterator<Seen> it = commands.values().iterator(); it.hasNext();) {
            if (!it.next().at().isAfter(horizon)) {
                it.remove();
            }
        }
    }
}
