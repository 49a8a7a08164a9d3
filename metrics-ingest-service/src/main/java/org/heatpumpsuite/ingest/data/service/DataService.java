package org.heatpumpsuite.ingest.data.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.ingest.client.VictoriaMetrics;
import org.heatpumpsuite.ingest.client.VmSeries;
import org.heatpumpsuite.ingest.config.IngestConfig;
import org.heatpumpsuite.ingest.pump.service.CanonicalSensors;
import org.heatpumpsuite.ingest.pump.service.OperatingModes;
import org.heatpumpsuite.ingest.pump.service.Pump;
import org.heatpumpsuite.ingest.pump.service.PumpDirectory;
import org.heatpumpsuite.ingest.pump.service.SensorCatalogue;
import org.heatpumpsuite.ingest.pump.service.SensorInfo;
import org.heatpumpsuite.ingest.pump.service.StartingException;
import org.heatpumpsuite.ingest.pump.service.UnknownPumpException;

import io.smallrye.mutiny.Uni;

/**
 * Latest values and available sensors, from stored data only: VictoriaMetrics for every pump, overlaid with the
 * values this replica stored since (fresher, and the source of units) and with every pump's free strings, which
 * VictoriaMetrics does not store ({@link FreeStrings}, read by every replica from every partition).
 */
@ApplicationScoped
public class DataService {

    /** Pumps per series lookup, so the selector stays short. */
    private static final int PUMPS_PER_LOOKUP = 100;

    @Inject
    VictoriaMetrics vm;
    @Inject
    PumpDirectory directory;
    @Inject
    SensorCatalogue catalogue;
    @Inject
    LatestValues latest;
    @Inject
    FreeStrings strings;
    @Inject
    IngestConfig config;

    /**
     * The configured pumps with these ids (every configured pump if none given), in the given or id order. Until
     * heatpump.config is read up to where it ended at start-up, no answer is given ({@link StartingException}).
     */
    public List<Pump> resolve(Collection<String> ids) {
        if (!directory.complete()) {
            throw new StartingException();
        }
        if (ids.isEmpty()) {
            return directory.all().stream().sorted(Comparator.comparing(Pump::heatpumpId)).toList();
        }
        List<Pump> pumps = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            directory.get(id).ifPresentOrElse(pumps::add, () -> unknown.add(id));
        }
        if (!unknown.isEmpty()) {
            throw new UnknownPumpException(unknown);
        }
        return pumps;
    }

    /** The latest value of every sensor of the pumps; {@code all}: the pumps are every configured pump. */
    public Uni<Map<String, PumpData>> latest(List<Pump> pumps, boolean all) {
        if (pumps.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String prefix = config.metricPrefix();
        Instant now = Instant.now();
        String query = PromQl.latest(PromQl.everySensor(prefix, all ? null : pumps), config.query().latestWindow());
        return vm.instant(query, now).map(series -> merge(pumps, series, now.toEpochMilli()));
    }

    private Map<String, PumpData> merge(List<Pump> pumps, List<VmSeries> series, long nowMs) {
        String prefix = config.metricPrefix() + "_";
        // heatpump_id -> sensor -> {value, time} from VictoriaMetrics
        Map<String, Map<String, String[]>> stored = new HashMap<>();
        for (VmSeries s : series) {
            String name = s.name();
            String id = s.label("heatpump_id");
            if (name == null || id == null || !name.startsWith(prefix) || s.size() == 0) {
                continue;
            }
            String[] vt = stored.computeIfAbsent(id, k -> new HashMap<>())
                    .computeIfAbsent(name.substring(prefix.length()), k -> new String[2]);
            vt[s.label(PromQl.TIMESTAMP_MARK) != null ? 1 : 0] = s.values()[0];
        }
        long oldest = nowMs - config.query().latestWindow().toMillis();
        Map<String, PumpData> out = new LinkedHashMap<>();
        for (Pump pump : pumps) {
            Map<String, LatestValues.Entry> fresh = latest.of(pump.heatpumpId());
            TreeMap<String, SensorValue> values = new TreeMap<>();
            stored.getOrDefault(pump.heatpumpId(), Map.of()).forEach((sensor, vt) -> {
                if (vt[0] == null || vt[1] == null) {
                    return;
                }
                long at = new BigDecimal(vt[1]).movePointRight(3).longValue();
                LatestValues.Entry known = fresh.get(sensor);
                if (known != null && known.atMs() >= at || at < oldest) {
                    return;
                }
                Object value = fromStore(pump, sensor, vt[0], known);
                if (value != null) {
                    values.put(sensor, new SensorValue(value, unit(pump, sensor, known), Instant.ofEpochMilli(at)));
                }
            });
            fresh.forEach((sensor, e) -> {
                if (e.atMs() >= oldest && !values.containsKey(sensor)) {
                    values.put(sensor, new SensorValue(fromWire(e), unit(pump, sensor, e), Instant.ofEpochMilli(e.atMs())));
                }
            });
            // free strings of every pump, whichever replica writes its samples; the newer value wins
            strings.of(pump.heatpumpId()).forEach((sensor, e) -> {
                SensorValue have = values.get(sensor);
                if (e.atMs() >= oldest && (have == null || have.observedAt().toEpochMilli() < e.atMs())) {
                    values.put(sensor, new SensorValue(e.text(), unit(pump, sensor, e), Instant.ofEpochMilli(e.atMs())));
                }
            });
            out.put(pump.heatpumpId(), new PumpData(pump.heatpumpId(), pump.manufacturer(), pump.model(), values));
        }
        return out;
    }

    /** The sensors with stored history of each pump (looked back {@code ingest.query.available-lookback}). */
    public Uni<Map<String, List<AvailableSensor>>> available(List<Pump> pumps) {
        if (pumps.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Instant now = Instant.now();
        Instant from = now.minus(config.query().availableLookback());
        List<Uni<List<Map<String, String>>>> lookups = new ArrayList<>();
        for (int i = 0; i < pumps.size(); i += PUMPS_PER_LOOKUP) {
            List<Pump> part = pumps.subList(i, Math.min(pumps.size(), i + PUMPS_PER_LOOKUP));
            lookups.add(vm.series(PromQl.everySensor(config.metricPrefix(), part), from, now));
        }
        return Uni.join().all(lookups).andFailFast().map(parts -> {
            String prefix = config.metricPrefix() + "_";
            Map<String, Set<String>> sensors = new HashMap<>();
            for (List<Map<String, String>> part : parts) {
                for (Map<String, String> labels : part) {
                    String name = labels.get("__name__");
                    String id = labels.get("heatpump_id");
                    if (name != null && id != null && name.startsWith(prefix)) {
                        sensors.computeIfAbsent(id, k -> new TreeSet<>()).add(name.substring(prefix.length()));
                    }
                }
            }
            Map<String, List<AvailableSensor>> out = new LinkedHashMap<>();
            for (Pump pump : pumps) {
                Map<String, LatestValues.Entry> fresh = latest.of(pump.heatpumpId());
                Set<String> ids = new TreeSet<>(sensors.getOrDefault(pump.heatpumpId(), Set.of()));
                // written by this replica a moment ago: VictoriaMetrics may not list a new series for some seconds
                fresh.forEach((sensor, e) -> {
                    if (!SensorInfo.STRING.equals(e.kind()) || CanonicalSensors.OPERATING_MODE.equals(sensor)) {
                        ids.add(sensor);
                    }
                });
                out.put(pump.heatpumpId(), ids.stream().map(s -> {
                    LatestValues.Entry e = fresh.get(s);
                    return new AvailableSensor(s, unit(pump, s, e), kind(pump, s, e));
                }).toList());
            }
            return out;
        });
    }

    /** Unit of a pump's sensor: from its latest reading, else the model's catalogue, else the canonical table. */
    public String unit(Pump pump, String sensor, LatestValues.Entry known) {
        if (known != null && known.unit() != null) {
            return known.unit();
        }
        SensorInfo info = catalogue.lookup(pump.manufacturer(), pump.model(), sensor);
        return info == null ? null : info.unit();
    }

    /** Unit of a sensor for a group of pumps: the first pump's that knows one. */
    public String unit(List<Pump> pumps, String sensor) {
        for (Pump p : pumps) {
            String unit = unit(p, sensor, latest.of(p.heatpumpId()).get(sensor));
            if (unit != null) {
                return unit;
            }
        }
        return null;
    }

    private String kind(Pump pump, String sensor, LatestValues.Entry known) {
        if (known != null) {
            return known.kind();
        }
        SensorInfo info = catalogue.lookup(pump.manufacturer(), pump.model(), sensor);
        return info == null ? SensorInfo.NUMBER : info.kind();
    }

    /** A stored sample as the reading had it: booleans from 0/1, operating_mode from its code, else the number. */
    private Object fromStore(Pump pump, String sensor, String text, LatestValues.Entry known) {
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null; // NaN or Inf: no value
        }
        if (CanonicalSensors.OPERATING_MODE.equals(sensor)) {
            String mode = OperatingModes.name(number.intValue());
            return mode != null ? mode : number;
        }
        if (SensorInfo.BOOLEAN.equals(kind(pump, sensor, known))) {
            return number.signum() != 0;
        }
        return number;
    }

    private static Object fromWire(LatestValues.Entry e) {
        return switch (e.kind()) {
            case SensorInfo.NUMBER -> new BigDecimal(e.text());
            case SensorInfo.BOOLEAN -> Boolean.valueOf(e.text());
            default -> e.text();
        };
    }
}
