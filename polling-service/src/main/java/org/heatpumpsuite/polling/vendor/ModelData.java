package org.heatpumpsuite.polling.vendor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.vendor.data.CircuitsSpec;
import org.heatpumpsuite.polling.vendor.data.DerivedSpec;
import org.heatpumpsuite.polling.vendor.data.MakerFile;
import org.heatpumpsuite.polling.vendor.data.ModelSpec;
import org.heatpumpsuite.polling.vendor.data.ProfileSpec;
import org.heatpumpsuite.polling.vendor.data.RuleSpec;
import org.heatpumpsuite.polling.vendor.data.ValueSpec;
import org.heatpumpsuite.polling.vendor.data.WriteSpec;
import org.heatpumpsuite.polling.vendor.data.ZonesSpec;

/**
 * One model of a data file, resolved and validated: its values for a device configuration (circuits, zone modules,
 * word order applied), its read profile and the addresses its map defines. Construction fails with a message naming
 * the file and the value if the data break a rule (unknown unit, duplicate id, canonical id with the wrong unit, ...).
 */
public final class ModelData {

    private final MakerFile file;
    private final ModelSpec model;
    private final String fileName;
    private final WordOrder defaultOrder;
    private final boolean orderConfigurable;
    private final Table defaultTable;
    private final ModelProfile profile;
    private final List<SensorDefinition> catalogueSensors;
    private final List<SensorDefinition> allInstances;

    private ModelData(MakerFile file, ModelSpec model, String fileName) {
        this.file = file;
        this.model = model;
        this.fileName = fileName;
        this.defaultOrder = file.wordOrder() == null ? WordOrder.LITTLE : WordOrder.fromWire(file.wordOrder());
        this.orderConfigurable = Boolean.TRUE.equals(file.wordOrderConfigurable());
        this.defaultTable = file.defaultTable() == null ? null : Table.fromFile(file.defaultTable());
        this.allInstances = build(DeviceConfig.empty(), allCircuits(), allZones());
        this.catalogueSensors = build(DeviceConfig.empty(), firstCircuit(), firstZone());
        this.profile = buildProfile();
        validate();
    }

    /** Resolves one model of a data file. */
    public static ModelData of(MakerFile file, String modelId, String fileName) {
        if (file.models() == null) {
            throw new IllegalArgumentException(fileName + ": no models");
        }
        ModelSpec spec = file.models().stream().filter(m -> modelId.equals(m.id())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(fileName + ": no model '" + modelId + "'"));
        try {
            return new ModelData(file, spec, fileName);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(fileName + " (model " + modelId + "): " + e.getMessage(), e);
        }
    }

    public MakerFile file() {
        return file;
    }

    public ModelSpec spec() {
        return model;
    }

    public String fileName() {
        return fileName;
    }

    public boolean luxtronik() {
        return "luxtronik".equals(file.protocol());
    }

    public ModelProfile profile() {
        return profile;
    }

    /** Modbus function code for writes (6 or 16); null for Luxtronik. */
    public FunctionCode writeFunctionCode() {
        if (file.writeFunctionCode() == null) {
            return null;
        }
        return switch (file.writeFunctionCode()) {
            case 6 -> FunctionCode.WRITE_SINGLE_REGISTER;
            case 16 -> FunctionCode.WRITE_MULTIPLE_REGISTERS;
            default -> throw new IllegalArgumentException("write_function_code must be 6 or 16");
        };
    }

    /** Every value of the model for this device configuration (register values incl. write-only ones, then derived values). */
    public List<SensorDefinition> sensors(DeviceConfig cfg) {
        List<Map.Entry<String, Integer>> circuits = new ArrayList<>();
        if (file.circuits() != null) {
            for (String c : cfg.circuitsOrDefault()) {
                circuits.add(Map.entry(c, file.circuits().letters().indexOf(c)));
            }
        }
        List<int[]> zones = new ArrayList<>();
        if (file.zoneModules() != null) {
            for (DeviceConfig.ZoneModule z : cfg.zoneModules()) {
                zones.add(new int[] { z.module(), z.rooms() });
            }
        }
        return build(cfg, circuits, zones);
    }

    /** Every value with every circuit and every room of every zone module (the addresses the map defines). */
    public List<SensorDefinition> allInstances() {
        return allInstances;
    }

    /** The values as the catalogue lists them: per-instance values once, under the first instance's id. */
    public List<SensorDefinition> catalogueSensors() {
        return catalogueSensors;
    }

    // ------------------------------------------------------------------------------------------------ instances

    private List<Map.Entry<String, Integer>> allCircuits() {
        List<Map.Entry<String, Integer>> l = new ArrayList<>();
        if (file.circuits() != null) {
            List<String> letters = file.circuits().letters();
            for (int n = 0; n < letters.size(); n++) {
                l.add(Map.entry(letters.get(n), n));
            }
        }
        return l;
    }

    private List<Map.Entry<String, Integer>> firstCircuit() {
        List<Map.Entry<String, Integer>> all = allCircuits();
        return all.isEmpty() ? all : all.subList(0, 1);
    }

    private List<int[]> allZones() {
        List<int[]> l = new ArrayList<>();
        if (file.zoneModules() != null) {
            for (int m = 1; m <= file.zoneModules().count(); m++) {
                l.add(new int[] { m, file.zoneModules().rooms().count() });
            }
        }
        return l;
    }

    private List<int[]> firstZone() {
        return file.zoneModules() == null ? List.of() : List.<int[]>of(new int[] { 1, 1 });
    }

    private List<SensorDefinition> build(DeviceConfig cfg, List<Map.Entry<String, Integer>> circuits, List<int[]> zones) {
        WordOrder order = orderConfigurable && cfg.wordOrder() != null ? cfg.wordOrder() : defaultOrder;
        List<SensorDefinition> out = new ArrayList<>();
        for (ValueSpec v : nonNull(file.values())) {
            if (applies(v.models())) {
                out.add(value(v, "", required(v.address(), v, "address"), null, order));
            }
        }
        CircuitsSpec cs = file.circuits();
        if (cs != null) {
            for (Map.Entry<String, Integer> c : circuits) {
                if (c.getValue() < 0) {
                    throw new IllegalArgumentException("this model has no heating circuit " + c.getKey());
                }
                String prefix = "circuit_" + c.getKey().toLowerCase(Locale.ROOT) + "_";
                for (ValueSpec v : cs.values()) {
                    int address = required(v.address(), v, "address") + required(v.stride(), v, "stride") * c.getValue();
                    out.add(value(v, prefix, address, Per.CIRCUIT, order));
                }
            }
        }
        ZonesSpec zs = file.zoneModules();
        if (zs != null) {
            for (int[] z : zones) {
                int module = z[0];
                if (module < 1 || module > zs.count()) {
                    throw new IllegalArgumentException("this model has no zone module " + module);
                }
                int zoneBase = zs.base() + zs.stride() * (module - 1);
                for (ValueSpec v : nonNull(zs.values())) {
                    out.add(value(v, "zone_" + module + "_", zoneBase + required(v.offset(), v, "offset"), Per.ZONE, order));
                }
                for (int room = 1; room <= Math.min(z[1], zs.rooms().count()); room++) {
                    int roomBase = zoneBase + zs.rooms().offset() + zs.rooms().stride() * (room - 1);
                    for (ValueSpec v : zs.rooms().values()) {
                        out.add(value(v, "zone_" + module + "_room_" + room + "_", roomBase + required(v.offset(), v, "offset"), Per.ZONE_ROOM,
                                order));
                    }
                }
            }
        }
        Set<String> ids = new HashSet<>();
        out.forEach(s -> ids.add(s.id()));
        for (DerivedSpec d : nonNull(file.derived())) {
            if (applies(d.models())) {
                SensorDefinition s = derived(d);
                boolean complete = s.derivation().stream().flatMap(r -> r.sources().stream()).allMatch(ids::contains);
                if (complete) {
                    out.add(s);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    private boolean applies(List<String> models) {
        if (models == null) {
            return true;
        }
        String token = model.referenceModel() != null ? model.referenceModel() : model.id();
        return models.contains(token);
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static int required(Integer i, ValueSpec v, String field) {
        if (i == null) {
            throw new IllegalArgumentException("value " + v.id() + ": " + field + " is required");
        }
        return i;
    }

    // ------------------------------------------------------------------------------------------------ values

    private SensorDefinition value(ValueSpec v, String prefix, int address, Per per, WordOrder order) {
        String id = prefix + v.id();
        try {
            if (v.type() == null) {
                throw new IllegalArgumentException("type is required");
            }
            DataType type = DataType.fromFile(v.type());
            Table table = v.table() != null ? Table.fromFile(v.table()) : defaultTable;
            if (table == null) {
                throw new IllegalArgumentException("table is required (no default_table)");
            }
            if (type.isLuxtronik() != !table.isModbus()) {
                throw new IllegalArgumentException("type " + v.type() + " does not fit table " + table.fileName());
            }
            int entries = type == DataType.CHARS ? required(v.count(), v, "count") : type.words();
            BigDecimal divisor = v.divisor() == null ? BigDecimal.ONE : v.divisor();
            Map<Long, String> labels = v.enumeration() == null ? Map.of() : new TreeMap<>(v.enumeration());
            List<Double> markers = v.notAvailable() != null ? v.notAvailable()
                    : file.typeMarkers() == null ? List.of() : file.typeMarkers().getOrDefault(type.fileName(), List.of());
            RegisterDefinition reg = new RegisterDefinition(table, address, type, entries, divisor, order, markers, labels);
            ValueKind kind = v.kind() != null ? ValueKind.fromWire(v.kind()) : labels.isEmpty() ? ValueKind.NUMBER : ValueKind.STRING;
            Access access = Access.fromFile(v.access());
            WritableDefinition w = writable(v.write(), access, kind, labels);
            return new SensorDefinition(id, Boolean.TRUE.equals(v.canonical()), v.unit() == null ? "none" : v.unit(), kind,
                    v.description(), Scope.fromWire(v.scope()), per, access, reg, null, w, v.ref(), Boolean.TRUE.equals(v.unverified()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("value " + id + ": " + e.getMessage(), e);
        }
    }

    private static WritableDefinition writable(WriteSpec w, Access access, ValueKind kind, Map<Long, String> labels) {
        if (!access.writable()) {
            if (w != null) {
                throw new IllegalArgumentException("write rules on a read-only value");
            }
            return null;
        }
        if (w == null || w.persistence() == null) {
            throw new IllegalArgumentException("writable value without write.persistence");
        }
        Map<Long, String> options = new LinkedHashMap<>();
        if (kind == ValueKind.STRING && !labels.isEmpty()) {
            if (w.options() != null) {
                for (Long code : w.options()) {
                    if (!labels.containsKey(code)) {
                        throw new IllegalArgumentException("write option " + code + " is not an enum code");
                    }
                    options.put(code, labels.get(code));
                }
            } else {
                options.putAll(labels);
            }
        } else if (w.options() != null) {
            throw new IllegalArgumentException("write.options needs an enum");
        }
        BigDecimal min = w.min();
        BigDecimal max = w.max();
        BigDecimal step = w.step();
        if (kind == ValueKind.BOOLEAN) {
            min = min == null ? BigDecimal.ZERO : min;
            max = max == null ? BigDecimal.ONE : max;
            step = step == null ? BigDecimal.ONE : step;
        } else if (!options.isEmpty()) {
            min = min == null ? BigDecimal.valueOf(Collections.min(options.keySet())) : min;
            max = max == null ? BigDecimal.valueOf(Collections.max(options.keySet())) : max;
            step = step == null ? BigDecimal.ONE : step;
        }
        return new WritableDefinition(min, max, step, options, Persistence.fromWire(w.persistence()), w.resendIntervalS(),
                Boolean.TRUE.equals(w.oneShot()), Boolean.TRUE.equals(w.optIn()), w.note(), w.dailyBudget(), w.minIntervalS());
    }

    private SensorDefinition derived(DerivedSpec d) {
        try {
            List<DerivationRule> rules = new ArrayList<>();
            for (RuleSpec r : nonNull(d.rules())) {
                rules.add(rule(r));
            }
            if (rules.isEmpty()) {
                throw new IllegalArgumentException("a derived value needs rules");
            }
            return new SensorDefinition(d.id(), Boolean.TRUE.equals(d.canonical()), d.unit() == null ? "none" : d.unit(),
                    ValueKind.fromWire(d.kind() == null ? "number" : d.kind()), d.description(), Scope.fromWire(d.scope()), null, Access.R,
                    null, rules, null, "derived", Boolean.TRUE.equals(d.unverified()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("derived value " + d.id() + ": " + e.getMessage(), e);
        }
    }

    private static DerivationRule rule(RuleSpec r) {
        int kinds = (r.bits() != null ? 1 : 0) + (r.map() != null ? 1 : 0) + (r.when() != null ? 1 : 0) + (r.positive() != null ? 1 : 0)
                + (r.sum() != null ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalArgumentException("a rule has exactly one of bits, map, when, positive, sum");
        }
        if (r.bits() != null) {
            List<Map.Entry<Long, String>> flags = new ArrayList<>();
            for (RuleSpec.FlagSpec f : nonNull(r.flags())) {
                flags.add(Map.entry(f.mask(), f.value()));
            }
            return new DerivationRule.Bits(r.bits(), flags, r.zero());
        }
        if (r.map() != null) {
            return new DerivationRule.MapCodes(r.map(), r.values());
        }
        if (r.when() != null) {
            if (r.equals() == null || r.value() == null) {
                throw new IllegalArgumentException("a when rule needs equals and value");
            }
            return new DerivationRule.When(r.when(), r.equals(), r.value());
        }
        if (r.positive() != null) {
            return new DerivationRule.Positive(r.positive());
        }
        return new DerivationRule.Sum(r.sum());
    }

    // ------------------------------------------------------------------------------------------------ profile

    private ModelProfile buildProfile() {
        Map<Table, ReadProfile> tables = new EnumMap<>(Table.class);
        if (file.readProfiles() != null) {
            for (Map.Entry<String, ProfileSpec> e : file.readProfiles().entrySet()) {
                ProfileSpec p = e.getValue();
                if (p.maxRegisters() == null || p.undefinedGaps() == null || p.maxGap() == null) {
                    throw new IllegalArgumentException("read_profiles." + e.getKey() + " needs max_registers, undefined_gaps and max_gap");
                }
                tables.put(Table.fromFile(e.getKey()), new ReadProfile(p.maxRegisters(), p.undefinedGaps(), p.maxGap()));
            }
        }
        Map<Table, Set<Integer>> defined = new EnumMap<>(Table.class);
        for (SensorDefinition s : allInstances) {
            if (s.polled()) {
                Set<Integer> set = defined.computeIfAbsent(s.register().table(), t -> new HashSet<>());
                for (int a = s.register().address(); a <= s.register().lastAddress(); a++) {
                    set.add(a);
                }
            }
        }
        return new ModelProfile(tables, defined);
    }

    // ------------------------------------------------------------------------------------------------ validation

    private void validate() {
        Set<String> ids = new HashSet<>();
        Map<String, SensorDefinition> byId = new LinkedHashMap<>();
        for (SensorDefinition s : allInstances) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("id " + s.id() + " is used twice");
            }
            byId.put(s.id(), s);
            if (!s.id().matches("^[a-z][a-z0-9_]*$") || s.id().length() > 64) {
                throw new IllegalArgumentException("id " + s.id() + " is not a sensor id (^[a-z][a-z0-9_]*$, at most 64)");
            }
            if (!CanonicalIds.UNITS.contains(s.unit())) {
                throw new IllegalArgumentException(s.id() + ": unit '" + s.unit() + "' is not one of " + CanonicalIds.UNITS);
            }
            if (s.description() == null) {
                throw new IllegalArgumentException(s.id() + ": description is required");
            }
            if (s.canonical() != CanonicalIds.isCanonical(s.id())) {
                throw new IllegalArgumentException(s.id() + ": canonical flag does not match canonical-sensors.md");
            }
            if (s.canonical() && (!CanonicalIds.unit(s.id()).equals(s.unit()) || CanonicalIds.kind(s.id()) != s.kind())) {
                throw new IllegalArgumentException(s.id() + ": canonical ids have unit " + CanonicalIds.unit(s.id()) + " and kind "
                        + CanonicalIds.kind(s.id()).wire());
            }
            if (s.kind() != ValueKind.NUMBER && !"none".equals(s.unit())) {
                throw new IllegalArgumentException(s.id() + ": strings and booleans have unit none");
            }
            if (s.register() != null && s.register().table().isModbus()) {
                ReadProfile p = profile.profile(s.register().table());
                if (s.register().entries() > p.maxRegisters()) {
                    throw new IllegalArgumentException(s.id() + " needs more registers than one request may read");
                }
            }
        }
        for (SensorDefinition s : allInstances) {
            for (DerivationRule r : s.derivation()) {
                for (String src : r.sources()) {
                    SensorDefinition source = byId.get(src);
                    if (source == null || source.derived()) {
                        throw new IllegalArgumentException(s.id() + ": source " + src + " is not a register value of this model");
                    }
                }
                if ("operating_mode".equals(s.id())) {
                    List<String> labels = new ArrayList<>();
                    if (r instanceof DerivationRule.Bits b) {
                        b.flags().forEach(f -> labels.add(f.getValue()));
                        if (b.zero() != null) {
                            labels.add(b.zero());
                        }
                    } else if (r instanceof DerivationRule.MapCodes m) {
                        labels.addAll(m.values().values());
                    } else if (r instanceof DerivationRule.When w) {
                        labels.add(w.value());
                    }
                    for (String l : labels) {
                        if (!CanonicalIds.OPERATING_MODES.contains(l)) {
                            throw new IllegalArgumentException("operating_mode label '" + l + "' is not a normalised mode");
                        }
                    }
                }
            }
        }
        for (DerivedSpec d : nonNull(file.derived())) {
            if (applies(d.models()) && !byId.containsKey(d.id())) {
                throw new IllegalArgumentException("derived value " + d.id() + " applies to this model but a source is missing"
                        + " (restrict it with models:)");
            }
        }
        if (file.source() == null || file.source().isNull() || file.source().isEmpty() && !file.source().isTextual()) {
            throw new IllegalArgumentException("source (the reference the file transcribes) is required");
        }
    }
}
