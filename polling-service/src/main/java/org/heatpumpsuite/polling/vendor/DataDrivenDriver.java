package org.heatpumpsuite.polling.vendor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.heatpumpsuite.polling.vendor.data.DataFiles;
import org.heatpumpsuite.polling.vendor.data.MakerFile;
import org.heatpumpsuite.polling.vendor.data.ModelSpec;

/**
 * A driver whose models are entirely described by data files under {@code src/main/resources/vendor/<maker>/}. The
 * makers' drivers extend it and name their files; they override {@link #modelData} where a device configuration can
 * replace the map (NIBE S-series installer maps).
 */
public abstract class DataDrivenDriver implements HeatpumpDriver {

    private static final int CACHE_LIMIT = 4096;

    private final String manufacturer;
    private final String manufacturerName;
    private final Map<String, ModelData> models = new LinkedHashMap<>();
    private final Map<String, CatalogueEntry> catalogue = new ConcurrentHashMap<>();
    private final Map<CacheKey, List<SensorDefinition>> sensorCache = new ConcurrentHashMap<>();
    private final Map<String, ProbeValues> probes = new LinkedHashMap<>();

    private record CacheKey(String model, DeviceConfig cfg, ModelData data) {
    }

    protected DataDrivenDriver(String... resources) {
        String m = null;
        String name = null;
        for (String resource : resources) {
            MakerFile file = DataFiles.classpath(resource);
            if (m != null && !m.equals(file.manufacturer())) {
                throw new IllegalStateException(resource + ": manufacturer " + file.manufacturer() + ", expected " + m);
            }
            m = file.manufacturer();
            name = file.manufacturerName();
            for (ModelSpec spec : file.models()) {
                ModelData data = ModelData.of(file, spec.id(), resource);
                if (models.put(spec.id(), data) != null) {
                    throw new IllegalStateException(resource + ": model " + spec.id() + " is defined twice");
                }
                probes.put(spec.id(), ProbeValues.of(data));
            }
        }
        this.manufacturer = m;
        this.manufacturerName = name;
    }

    @Override
    public String manufacturer() {
        return manufacturer;
    }

    @Override
    public String manufacturerName() {
        return manufacturerName;
    }

    @Override
    public List<String> models() {
        return List.copyOf(models.keySet());
    }

    /** The shipped data of a model. */
    protected ModelData shipped(String model) {
        ModelData d = models.get(model);
        if (d == null) {
            throw new IllegalArgumentException(manufacturer + " has no model '" + model + "' (known: " + models.keySet() + ")");
        }
        return d;
    }

    /** The data to use for this model and configuration; the shipped data unless a driver supports replacements. */
    protected ModelData modelData(String model, DeviceConfig cfg) {
        return shipped(model);
    }

    @Override
    public CatalogueEntry catalogue(String model) {
        return catalogue.computeIfAbsent(model, m -> Catalogue.entry(shipped(m)));
    }

    @Override
    public List<SensorDefinition> sensors(String model, DeviceConfig cfg) {
        ModelData data = modelData(model, cfg);
        CacheKey key = new CacheKey(model, cfg, data);
        List<SensorDefinition> s = sensorCache.get(key);
        if (s == null) {
            s = data.sensors(cfg);
            if (sensorCache.size() >= CACHE_LIMIT) {
                sensorCache.clear();
            }
            sensorCache.put(key, s);
        }
        return s;
    }

    /** What the connection test reads from the model (data file {@code models[].probe}, shipped map). */
    public ProbeValues probeValues(String model) {
        shipped(model);
        return probes.get(model);
    }

    /** The read profile of the model (limits per function code, defined addresses). */
    public ModelProfile profile(String model, DeviceConfig cfg) {
        return modelData(model, cfg).profile();
    }

    @Override
    public ReadPlan readPlan(String model, DeviceConfig cfg, BadAddressMemory memory) {
        ModelData data = modelData(model, cfg);
        if (data.luxtronik()) {
            List<ReadRequest> reads = new ArrayList<>();
            for (Table t : List.of(Table.PARAMETERS, Table.CALCULATIONS, Table.VISIBILITIES)) {
                reads.add(new ArrayRead(t.luxtronikCommand(), t));
            }
            return new ReadPlan(reads, List.of());
        }
        return ReadPlanner.plan(sensors(model, cfg), data.profile(), memory);
    }

    @Override
    public Reading decode(String model, DeviceConfig cfg, RawData raw) {
        return ValueDecoder.decode(sensors(model, cfg), raw);
    }

    @Override
    public Write encodeWrite(String model, String sensor, Object value, DeviceConfig cfg) {
        ModelData data = modelData(model, cfg);
        for (SensorDefinition s : sensors(model, cfg)) {
            if (s.id().equals(sensor)) {
                return ValueEncoder.encode(s, value, cfg, data.writeFunctionCode(), data.luxtronik() ? 3002 : 0);
            }
        }
        throw new WriteRejectedException(sensor, value, null, null, null, "no such value on " + manufacturer + "/" + model
                + " with this device configuration");
    }
}
