package org.heatpumpsuite.polling.pump.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The pumps this replica owns: those of the heatpump.config partitions Kafka's group assignment gave it, as last
 * configured there. Remembers each pump's partition so a lost partition takes its pumps along.
 */
@ApplicationScoped
public class PumpRegistry {

    private record Entry(PumpConfig config, int partition) {
    }

    private final Map<String, Entry> pumps = new ConcurrentHashMap<>();

    PumpRegistry(MeterRegistry meters) {
        meters.gaugeMapSize("polling_configured_pumps", List.of(), pumps);
    }

    /** Stores the config (from config partition {@code partition}) and says whether the pump is new to this replica. */
    public boolean put(PumpConfig config, int partition) {
        return pumps.put(config.heatpumpId(), new Entry(config, partition)) == null;
    }

    /** Stores the config of a pump whose partition does not matter (demo mode, tests). */
    public boolean put(PumpConfig config) {
        return put(config, -1);
    }

    public boolean remove(String heatpumpId) {
        return pumps.remove(heatpumpId) != null;
    }

    public Optional<PumpConfig> get(String heatpumpId) {
        return Optional.ofNullable(pumps.get(heatpumpId)).map(Entry::config);
    }

    public Collection<PumpConfig> all() {
        return pumps.values().stream().map(Entry::config).toList();
    }

    /** The pumps that came from these config partitions. */
    public Set<String> inPartitions(Collection<Integer> partitions) {
        return Set.copyOf(pumps.entrySet().stream().filter(e -> partitions.contains(e.getValue().partition()))
                .map(Map.Entry::getKey).toList());
    }
}
