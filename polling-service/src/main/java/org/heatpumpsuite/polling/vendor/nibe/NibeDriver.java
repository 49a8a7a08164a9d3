package org.heatpumpsuite.polling.vendor.nibe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.heatpumpsuite.polling.vendor.DataDrivenDriver;
import org.heatpumpsuite.polling.vendor.DeviceConfig;
import org.heatpumpsuite.polling.vendor.ModelData;
import org.heatpumpsuite.polling.vendor.data.DataFiles;
import org.heatpumpsuite.polling.vendor.data.MakerFile;

/**
 * NIBE S-series over built-in Modbus TCP ({@code vendor/nibe/s_series.yaml}: s1155, s1255, s2125) and F-series behind a
 * MODBUS 40 gateway ({@code vendor/nibe/f_series.yaml}: f1145, f1245, f1155, f1255, f750, f730).
 *
 * <p>S-series register numbers change with the firmware, so {@code device_config.register_map_override} may name the
 * installer's own map in the data-file format; its {@code values} (and, if given, {@code derived}, {@code read_profiles},
 * {@code type_markers}) replace the shipped ones for that pump. The file is re-read when it changes.
 */
public final class NibeDriver extends DataDrivenDriver {

    private record Loaded(FileTime modified, long size, Map<String, ModelData> byModel) {
    }

    private final Map<Path, Loaded> overrides = new ConcurrentHashMap<>();

    public NibeDriver() {
        super("vendor/nibe/s_series.yaml", "vendor/nibe/f_series.yaml");
    }

    /** True for the S-series models, which accept a register-map override. */
    public static boolean isSSeries(String model) {
        return model.startsWith("s");
    }

    @Override
    protected ModelData modelData(String model, DeviceConfig cfg) {
        ModelData shipped = shipped(model);
        String override = cfg.registerMapOverride();
        if (override == null) {
            return shipped;
        }
        if (!isSSeries(model)) {
            throw new IllegalArgumentException("register_map_override is only accepted for NIBE S-series models, not " + model);
        }
        Path path = Path.of(override).toAbsolutePath().normalize();
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(path);
            size = Files.size(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("register map " + path + " cannot be read: " + e.getMessage(), e);
        }
        Loaded loaded = overrides.get(path);
        if (loaded == null || !loaded.modified().equals(modified) || loaded.size() != size) {
            loaded = new Loaded(modified, size, new ConcurrentHashMap<>());
            overrides.put(path, loaded);
        }
        return loaded.byModel().computeIfAbsent(model, m -> merge(shipped, DataFiles.file(path), m, path));
    }

    private static ModelData merge(ModelData shipped, MakerFile own, String model, Path path) {
        MakerFile base = shipped.file();
        if (own.manufacturer() != null && !"nibe".equals(own.manufacturer())) {
            throw new IllegalArgumentException("register map " + path + " is for manufacturer " + own.manufacturer() + ", not nibe");
        }
        if (own.values() == null || own.values().isEmpty()) {
            throw new IllegalArgumentException("register map " + path + " has no values");
        }
        if (own.source() == null) {
            throw new IllegalArgumentException("register map " + path + " needs a source (where its register numbers come from)");
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        own.values().forEach(v -> ids.add(v.id()));
        java.util.List<org.heatpumpsuite.polling.vendor.data.DerivedSpec> derived = own.derived() != null ? own.derived()
                : base.derived() == null ? java.util.List.of() : base.derived().stream().filter(d -> d.rules().stream().allMatch(r -> ruleSources(r).stream().allMatch(ids::contains)))
                        .toList();
        MakerFile merged = new MakerFile(own.source(), base.formatVersion(), base.manufacturer(), base.manufacturerName(), base.protocol(),
                base.defaultPort(), base.defaultUnitId(), base.defaultPollIntervalS(), base.minPollIntervalS(),
                own.wordOrder() != null ? own.wordOrder() : base.wordOrder(), base.wordOrderConfigurable(),
                own.defaultTable() != null ? own.defaultTable() : base.defaultTable(), base.writeFunctionCode(),
                own.readProfiles() != null ? own.readProfiles() : base.readProfiles(),
                own.typeMarkers() != null ? own.typeMarkers() : base.typeMarkers(), base.models(), base.setupInstructions(), own.values(),
                null, null, derived);
        return ModelData.of(merged, model, path.toString());
    }

    private static java.util.List<String> ruleSources(org.heatpumpsuite.polling.vendor.data.RuleSpec r) {
        java.util.List<String> l = new java.util.ArrayList<>();
        for (String s : new String[] { r.bits(), r.map(), r.when(), r.positive() }) {
            if (s != null) {
                l.add(s);
            }
        }
        if (r.sum() != null) {
            l.addAll(r.sum());
        }
        return l;
    }
}
