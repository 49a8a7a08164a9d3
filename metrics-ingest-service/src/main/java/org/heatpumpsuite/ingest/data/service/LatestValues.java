package org.heatpumpsuite.ingest.data.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.ingest.config.IngestConfig;
import org.heatpumpsuite.ingest.samples.service.Reading;
import org.heatpumpsuite.ingest.samples.service.Units;

import io.quarkus.scheduler.Scheduled;

/**
 * The newest value of every sensor of every pump whose readings this replica wrote, filled only after VictoriaMetrics
 * accepted them. It answers what VictoriaMetrics cannot: free strings (error codes, modes as text) and units, and it
 * makes a value visible through /api/data as soon as it is stored (VictoriaMetrics makes new samples searchable only
 * after a second or more). Sensors of pumps read by another replica, or older than this replica's start, come from
 * VictoriaMetrics.
 *
 * <p>Kept cheap on the write path: per pump, the newest reading as decoded, plus the sensors that an older reading had
 * and the newest one lacks (usually none: a pump reports the same sensors every time, which the readings' sensor-set
 * fingerprints show without comparing sensor by sensor).
 */
@ApplicationScoped
public class LatestValues {

    /** One sensor's newest value; {@code text} as on the wire, {@code kind} number, boolean or string. */
    public record Entry(String kind, String text, long atMs, String unit) {
    }

    /** A reading as kept here (without its Kafka record). */
    private record Snapshot(long atMs, List<Reading.Value> values, long sensorSet, Units units) {

        boolean has(String sensor) {
            for (Reading.Value v : values) {
                if (v.sensor().equals(sensor)) {
                    return true;
                }
            }
            return false;
        }

        Entry entry(Reading.Value v) {
            return new Entry(v.kind(), v.text(), atMs, units.get(v.sensor()));
        }
    }

    /** Guarded by the map entry (compute). */
    private static final class PumpState {
        Snapshot newest;
        Map<String, Entry> older;

        void keepOlder(Entry e, String sensor) {
            if (older == null) {
                older = new HashMap<>();
            }
            older.merge(sensor, e, (a, b) -> b.atMs >= a.atMs ? b : a);
        }
    }

    private final Map<String, PumpState> byPump = new ConcurrentHashMap<>();

    @Inject
    IngestConfig config;

    /** Takes the reading's values where they are newer than what is known. */
    public void update(Reading r) {
        byPump.compute(r.heatpumpId(), (id, state) -> {
            PumpState s = state != null ? state : new PumpState();
            Snapshot prev = s.newest;
            Snapshot next = new Snapshot(r.observedAtMs(), r.values(), r.sensorSet(), r.units());
            if (prev == null) {
                s.newest = next;
            } else if (next.atMs >= prev.atMs) {
                if (prev.sensorSet != next.sensorSet) {
                    for (Reading.Value v : prev.values) {
                        if (!next.has(v.sensor())) {
                            s.keepOlder(prev.entry(v), v.sensor());
                        }
                    }
                }
                s.newest = next;
            } else {
                // an older reading arriving late (a replay): only what the newest one lacks
                for (Reading.Value v : next.values) {
                    if (!prev.has(v.sensor())) {
                        s.keepOlder(next.entry(v), v.sensor());
                    }
                }
            }
            return s;
        });
    }

    /** The pump's known sensors (a copy; empty if none). */
    public Map<String, Entry> of(String heatpumpId) {
        Map<String, Entry> out = new HashMap<>();
        byPump.computeIfPresent(heatpumpId, (id, s) -> {
            if (s.older != null) {
                out.putAll(s.older);
            }
            if (s.newest != null) {
                for (Reading.Value v : s.newest.values) {
                    out.put(v.sensor(), s.newest.entry(v));
                }
            }
            return s;
        });
        return out;
    }

    public void forget(String heatpumpId) {
        byPump.remove(heatpumpId);
    }

    /** Drops values that are no longer current. */
    @Scheduled(every = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        long oldest = System.currentTimeMillis() - config.query().latestWindow().toMillis();
        for (String id : byPump.keySet()) {
            byPump.computeIfPresent(id, (k, s) -> {
                if (s.older != null) {
                    s.older.values().removeIf(e -> e.atMs() < oldest);
                }
                if (s.newest != null && s.newest.atMs < oldest) {
                    s.newest = null;
                }
                return s.newest == null && (s.older == null || s.older.isEmpty()) ? null : s;
            });
        }
    }
}
