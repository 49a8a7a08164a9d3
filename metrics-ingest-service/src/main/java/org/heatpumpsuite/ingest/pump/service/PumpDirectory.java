package org.heatpumpsuite.ingest.pump.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/** Every configured pump, as last seen on heatpump.config (each replica reads the whole topic). */
@ApplicationScoped
public class PumpDirectory {

    private final Map<String, Pump> pumps = new ConcurrentHashMap<>();
    private volatile boolean complete;

    public PumpDirectory(MeterRegistry meters) {
        meters.gaugeMapSize("ingest_known_pumps", List.of(), pumps);
    }

    public void put(Pump pump) {
        pumps.put(pump.heatpumpId(), pump);
    }

    public boolean remove(String heatpumpId) {
        return pumps.remove(heatpumpId) != null;
    }

    public Optional<Pump> get(String heatpumpId) {
        return Optional.ofNullable(pumps.get(heatpumpId));
    }

    /**
     * Whether heatpump.config has been read up to where it ended when the service started: before that, a pump
     * missing here may simply not have been read yet.
     */
    public boolean complete() {
        return complete;
    }

    public void markComplete() {
        complete = true;
    }

    public Collection<Pump> all() {
        return List.copyOf(pumps.values());
    }
}
