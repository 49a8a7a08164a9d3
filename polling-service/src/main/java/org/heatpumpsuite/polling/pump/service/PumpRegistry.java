package org.heatpumpsuite.polling.pump.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/** The pumps this replica owns, as last configured on heatpump.config. */
@ApplicationScoped
public class PumpRegistry {

    private final Map<String, PumpConfig> pumps = new ConcurrentHashMap<>();

    PumpRegistry(MeterRegistry meters) {
        meters.gaugeMapSize("polling_configured_pumps", List.of(), pumps);
    }

    /** Stores the config and says whether the pump is new to this replica. */
    public boolean put(PumpConfig config) {
        return pumps.put(config.heatpumpId(), config) == null;
    }

    public boolean remove(String heatpumpId) {
        return pumps.remove(heatpumpId) != null;
    }

    public Optional<PumpConfig> get(String heatpumpId) {
        return Optional.ofNullable(pumps.get(heatpumpId));
    }

    public Collection<PumpConfig> all() {
        return List.copyOf(pumps.values());
    }
}
