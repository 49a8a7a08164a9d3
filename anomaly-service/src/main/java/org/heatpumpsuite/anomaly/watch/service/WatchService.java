package org.heatpumpsuite.anomaly.watch.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Known pumps (from heatpump.config) and what the service has seen of their readings. */
@ApplicationScoped
public class WatchService {

    private record Known(String manufacturer, String model) {
    }

    private record Seen(long count, Instant lastObservedAt) {
    }

    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Counter readingsOfUnknownPumps;

    WatchService(MeterRegistry meters) {
        meters.gaugeMapSize("anomaly_watched_pumps", List.of(), known);
        readingsOfUnknownPumps = meters.counter("anomaly_readings_of_unknown_pumps_total");
    }

    public void configured(String heatpumpId, String manufacturer, String model) {
        known.put(heatpumpId, new Known(manufacturer, model));
    }

    public void removed(String heatpumpId) {
        known.remove(heatpumpId);
        seen.remove(heatpumpId);
    }

    /** Counts a reading; readings of pumps not (or no longer) configured are counted apart and otherwise ignored. */
    public void reading(String heatpumpId, Instant observedAt) {
        if (!known.containsKey(heatpumpId)) {
            readingsOfUnknownPumps.increment();
            return;
        }
        seen.merge(heatpumpId, new Seen(1, observedAt), (a, b) -> new Seen(a.count() + 1,
                b.lastObservedAt().isAfter(a.lastObservedAt()) ? b.lastObservedAt() : a.lastObservedAt()));
    }

    public List<WatchedPump> all() {
        return known.entrySet().stream().map(e -> {
            Seen s = seen.get(e.getKey());
            return new WatchedPump(e.getKey(), e.getValue().manufacturer(), e.getValue().model(),
                    s == null ? 0 : s.count(), s == null ? null : s.lastObservedAt(), "collecting");
        }).sorted(Comparator.comparing(WatchedPump::heatpumpId)).toList();
    }
}
