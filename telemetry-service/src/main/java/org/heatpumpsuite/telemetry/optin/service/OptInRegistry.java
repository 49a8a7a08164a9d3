package org.heatpumpsuite.telemetry.optin.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/** Every known pump with its telemetry opt-in, as last configured on heatpump.config. */
@ApplicationScoped
public class OptInRegistry {

    private final Map<String, OptIn> pumps = new ConcurrentHashMap<>();

    OptInRegistry(MeterRegistry meters) {
        meters.gauge("telemetry_opted_in_pumps", pumps, m -> m.values().stream().filter(OptIn::shareData).count());
    }

    public void put(OptIn optIn) {
        pumps.put(optIn.heatpumpId(), optIn);
    }

    public void remove(String heatpumpId) {
        pumps.remove(heatpumpId);
    }

    public List<OptIn> all() {
        return pumps.values().stream().sorted(Comparator.comparing(OptIn::heatpumpId)).toList();
    }
}
