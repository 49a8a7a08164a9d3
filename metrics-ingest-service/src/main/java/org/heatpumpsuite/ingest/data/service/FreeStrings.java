package org.heatpumpsuite.ingest.data.service;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.ingest.config.IngestConfig;
import org.heatpumpsuite.ingest.pump.service.CanonicalSensors;
import org.heatpumpsuite.ingest.pump.service.OperatingModes;
import org.heatpumpsuite.ingest.samples.service.Reading;

import io.quarkus.scheduler.Scheduled;

/**
 * The newest free string (error codes, modes as text, an operating_mode without a code) of every sensor of every
 * pump — the values VictoriaMetrics does not store. Filled by every replica from every partition of heatpump.readings
 * ({@link org.heatpumpsuite.ingest.data.messaging.FreeStringsConsumer}), so each replica answers for every pump,
 * whichever replica writes its samples.
 */
@ApplicationScoped
public class FreeStrings {

    private final Map<String, Map<String, LatestValues.Entry>> byPump = new ConcurrentHashMap<>();

    @Inject
    IngestConfig config;

    /** Whether VictoriaMetrics does not store this string value (so it is kept here). */
    public static boolean isFree(Reading.Value v) {
        return !CanonicalSensors.OPERATING_MODE.equals(v.sensor()) || OperatingModes.code(v.text()) < 0;
    }

    /** Takes the reading's free strings where they are newer than what is known (a replayed older one changes nothing). */
    public void update(Reading r) {
        if (r.values() == null || r.values().isEmpty()) {
            return;
        }
        Map<String, LatestValues.Entry> next = null;
        for (Reading.Value v : r.values()) {
            if (isFree(v)) {
                if (next == null) {
                    next = new HashMap<>(4);
                }
                next.put(v.sensor(), new LatestValues.Entry(v.kind(), v.text(), r.observedAtMs(), r.units().get(v.sensor())));
            }
        }
        if (next == null) {
            return;
        }
        Map<String, LatestValues.Entry> add = next;
        byPump.compute(r.heatpumpId(), (id, known) -> {
            Map<String, LatestValues.Entry> m = known != null ? known : new HashMap<>(4);
            add.forEach((sensor, e) -> m.merge(sensor, e, (old, neu) -> neu.atMs() >= old.atMs() ? neu : old));
            return m;
        });
    }

    /** The pump's free strings (a copy; empty if none). */
    public Map<String, LatestValues.Entry> of(String heatpumpId) {
        Map<String, LatestValues.Entry> out = new HashMap<>();
        byPump.computeIfPresent(heatpumpId, (id, m) -> {
            out.putAll(m);
            return m;
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
            byPump.computeIfPresent(id, (k, m) -> {
                m.values().removeIf(e -> e.atMs() < oldest);
                return m.isEmpty() ? null : m;
            });
        }
    }
}
