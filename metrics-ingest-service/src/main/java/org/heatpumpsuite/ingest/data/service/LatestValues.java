package org.heatpumpsuite.ingest.data.service;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heatpumpsuite.ingest.config.IngestConfig;
import org.heatpumpsuite.ingest.samples.service.Reading;
import org.heatpumpsuite.ingest.samples.service.RecordDecoder;
import org.heatpumpsuite.ingest.samples.service.UndecodableException;

import io.quarkus.scheduler.Scheduled;

/**
 * The newest value of every sensor of every pump whose readings this replica wrote, filled only after VictoriaMetrics
 * accepted them. It answers what VictoriaMetrics cannot: free strings (error codes, modes as text) and units, and it
 * makes a value visible through /api/data as soon as it is stored (VictoriaMetrics makes new samples searchable only
 * after a second or more). Sensors of pumps read by another replica, or older than this replica's start, come from
 * VictoriaMetrics.
 *
 * <p>Cheap on the write path: per pump it keeps the newest reading and the newest anomaly score as their JSON (the
 * Kafka record's value, already checked) and decodes them only when asked. When a newer reading lacks a sensor the
 * previous one had (rare: a pump reports the same sensors every time, which the sensor-set fingerprints show), that
 * sensor's last value is kept separately.
 */
@ApplicationScoped
public class LatestValues {

    /** One sensor's newest value; {@code text} as on the wire, {@code kind} number, boolean or string. */
    public record Entry(String kind, String text, long atMs, String unit) {
    }

    private record Stored(long atMs, long sensorSet, byte[] json) {
    }

    /** Guarded by the map entry (compute). */
    private static final class PumpState {
        Stored reading;
        Stored anomaly;
        Map<String, Entry> older;
    }

    private final Map<String, PumpState> byPump = new ConcurrentHashMap<>();
    /** Decodes stored records again (they were checked when written; no clock check). */
    private final RecordDecoder decoder = new RecordDecoder(0);

    @Inject
    IngestConfig config;

    /** Takes the record's values where they are newer than what is known. */
    public void update(Reading r) {
        Stored next = new Stored(r.observedAtMs(), r.sensorSet(), r.source().value());
        boolean anomaly = r.anomaly();
        byPump.compute(r.heatpumpId(), (id, state) -> {
            PumpState s = state != null ? state : new PumpState();
            Stored prev = anomaly ? s.anomaly : s.reading;
            if (prev == null || next.atMs >= prev.atMs) {
                if (prev != null && prev.sensorSet != next.sensorSet) {
                    keepMissing(s, prev, next, anomaly);
                }
                if (anomaly) {
                    s.anomaly = next;
                } else {
                    s.reading = next;
                }
            } else if (prev.sensorSet != next.sensorSet) {
                // an older record arriving late (a replay): only what the newest one lacks
                keepMissing(s, next, prev, anomaly);
            }
            return s;
        });
    }

    /** Keeps the values of {@code from} whose sensors {@code newest} lacks. */
    private void keepMissing(PumpState s, Stored from, Stored newest, boolean anomaly) {
        Map<String, Entry> have = decode(newest, anomaly);
        decode(from, anomaly).forEach((sensor, e) -> {
            if (!have.containsKey(sensor)) {
                if (s.older == null) {
                    s.older = new HashMap<>();
                }
                s.older.merge(sensor, e, (a, b) -> b.atMs >= a.atMs ? b : a);
            }
        });
    }

    private Map<String, Entry> decode(Stored stored, boolean anomaly) {
        Map<String, Entry> out = new HashMap<>();
        if (stored == null) {
            return out;
        }
        try {
            Reading r = decoder.decode(new ConsumerRecord<>("", 0, 0, null, stored.json), Long.MAX_VALUE / 2, anomaly,
                    null, true);
            for (Reading.Value v : r.values()) {
                out.put(v.sensor(), new Entry(v.kind(), v.text(), stored.atMs, anomaly ? "none" : r.units().get(v.sensor())));
            }
        } catch (UndecodableException e) {
            // checked when it was written: cannot happen
        }
        return out;
    }

    /** The pump's known sensors (a copy; empty if none). */
    public Map<String, Entry> of(String heatpumpId) {
        Stored[] newest = new Stored[2];
        Map<String, Entry> out = new HashMap<>();
        byPump.computeIfPresent(heatpumpId, (id, s) -> {
            if (s.older != null) {
                out.putAll(s.older);
            }
            newest[0] = s.reading;
            newest[1] = s.anomaly;
            return s;
        });
        // decoded outside the map's lock; the stored arrays never change
        decode(newest[0], false).forEach(out::put);
        decode(newest[1], true).forEach(out::put);
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
                if (s.reading != null && s.reading.atMs < oldest) {
                    s.reading = null;
                }
                if (s.anomaly != null && s.anomaly.atMs < oldest) {
                    s.anomaly = null;
                }
                return s.reading == null && s.anomaly == null && (s.older == null || s.older.isEmpty()) ? null : s;
            });
        }
    }
}
