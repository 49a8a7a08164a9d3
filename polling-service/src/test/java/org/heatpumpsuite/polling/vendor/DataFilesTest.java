package org.heatpumpsuite.polling.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.heatpumpsuite.polling.vendor.data.DataFiles;
import org.heatpumpsuite.polling.vendor.data.DerivedSpec;
import org.heatpumpsuite.polling.vendor.data.MakerFile;
import org.heatpumpsuite.polling.vendor.data.RuleSpec;
import org.heatpumpsuite.polling.vendor.data.ValueSpec;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sanity of the data files: every model of ARCHITECTURE.md loads; ids are unique, units are contract units; the
 * canonical ids of each model are exactly those canonical-sensors.md gives it, on the registers it names; and every
 * value of the reference files is transcribed with the same address, type, scale, access and range (re-read from
 * ../../shared/reference, skipped when that folder is absent).
 */
class DataFilesTest {

    static final Map<String, List<String>> MODELS = new LinkedHashMap<>();
    static {
        MODELS.put("idm", List.of("navigator_2_0"));
        MODELS.put("nibe", List.of("s1155", "s1255", "s2125", "f1145", "f1245", "f1155", "f1255", "f750", "f730"));
        MODELS.put("daikin", List.of("altherma_3"));
        MODELS.put("luxtronik", List.of("luxtronik_2_1"));
    }

    /** The largest device configuration of a manufacturer: every circuit, every zone module with every room. */
    static DeviceConfig full(String manufacturer) {
        if (!"idm".equals(manufacturer)) {
            return DeviceConfig.empty();
        }
        List<DeviceConfig.ZoneModule> zones = new ArrayList<>();
        for (int m = 1; m <= 10; m++) {
            zones.add(new DeviceConfig.ZoneModule(m, 8));
        }
        return DeviceConfig.idm(List.of("A", "B", "C", "D", "E", "F", "G"), zones);
    }

    @Test
    void everyModelOfTheArchitectureIsServedWithItsDefaultPollInterval() {
        Map<String, List<String>> served = new LinkedHashMap<>();
        for (HeatpumpDriver d : Drivers.all()) {
            served.put(d.manufacturer(), d.models());
        }
        assertThat(served).isEqualTo(MODELS);
        Map<String, Integer> interval = new HashMap<>();
        for (HeatpumpDriver d : Drivers.all()) {
            for (String m : d.models()) {
                CatalogueEntry e = d.catalogue(m);
                interval.put(m, e.defaultPollIntervalS());
                assertThat(e.minPollIntervalS()).isLessThanOrEqualTo(e.defaultPollIntervalS());
            }
        }
        assertThat(interval).containsEntry("navigator_2_0", 10).containsEntry("s1155", 10).containsEntry("s2125", 10)
                .containsEntry("altherma_3", 10).containsEntry("luxtronik_2_1", 30).containsEntry("f1145", 60).containsEntry("f730", 60);
    }

    @Test
    void everyValueHasAUniqueIdAContractUnitAndTheFileNamesItsSource() {
        for (HeatpumpDriver d : Drivers.all()) {
            for (String m : d.models()) {
                List<SensorDefinition> all = d.sensors(m, full(d.manufacturer()));
                Set<String> ids = new HashSet<>();
                for (SensorDefinition s : all) {
                    assertThat(ids.add(s.id())).as(m + " " + s.id() + " unique").isTrue();
                    assertThat(CanonicalIds.UNITS).as(m + " " + s.id() + " unit").contains(s.unit());
                    assertThat(s.description()).as(m + " " + s.id()).isNotNull();
                    if (s.register() != null) {
                        assertThat(s.ref()).as(m + " " + s.id() + " ref").isNotBlank();
                    }
                }
            }
        }
        for (String file : List.of("vendor/idm/navigator_2_0.yaml", "vendor/nibe/s_series.yaml", "vendor/nibe/f_series.yaml",
                "vendor/daikin/altherma_3.yaml", "vendor/luxtronik/luxtronik_2_1.yaml")) {
            MakerFile f = DataFiles.classpath(file);
            assertThat(f.source().toString()).as(file).contains("reference/");
        }
    }

    /**
     * No two values share a register, except where the iDM reference itself overlaps (a gap in the reference, kept as
     * transcribed): 1392 humidity is a 2-register FLOAT but 1393 is circuit A's mode; circuit G's heating curve
     * (1429 + 2*6 = 1441..1442) meets circuit A's heating limit 1442; circuit G's cooling eco target (1471 + 2*6 =
     * 1483..1484) meets circuit A's cooling limit 1484.
     */
    @Test
    void noTwoValuesShareARegisterExceptTheReferenceOverlaps() {
        Set<String> allowed = Set.of("navigator_2_0:circuit_a_mode/humidity", "navigator_2_0:circuit_a_heating_limit/circuit_g_heating_curve",
                "navigator_2_0:circuit_a_cooling_limit/circuit_g_room_target_cool_eco");
        Set<String> found = new HashSet<>();
        for (HeatpumpDriver d : Drivers.all()) {
            for (String m : d.models()) {
                Map<Loc, String> owner = new HashMap<>();
                for (SensorDefinition s : d.sensors(m, full(d.manufacturer()))) {
                    if (s.register() == null || !s.access().readable()) {
                        continue;
                    }
                    for (int a = s.register().address(); a <= s.register().lastAddress(); a++) {
                        String prev = owner.put(new Loc(s.register().table(), a), s.id());
                        if (prev != null) {
                            String pair = m + ":" + (prev.compareTo(s.id()) < 0 ? prev + "/" + s.id() : s.id() + "/" + prev);
                            assertThat(allowed).as(m + ": " + prev + " and " + s.id() + " share register " + a).contains(pair);
                            found.add(pair);
                        }
                    }
                }
            }
        }
        assertThat(found).isEqualTo(allowed);
    }

    // ------------------------------------------------------------------------------------------ canonical ids

    private static int column(String model) {
        if (model.equals("navigator_2_0")) {
            return 1;
        }
        if (model.startsWith("s")) {
            return 2;
        }
        if (model.startsWith("f")) {
            return 3;
        }
        return model.equals("altherma_3") ? 4 : 5;
    }

    @Test
    void canonicalIdsAreExactlyThoseOfCanonicalSensorsMd() {
        Map<String, List<String>> table = Reference.canonicalTable();
        assertThat(table.keySet()).containsExactlyElementsOf(CanonicalIds.IDS.stream().map(e -> e[0]).toList());
        for (HeatpumpDriver d : Drivers.all()) {
            for (String m : d.models()) {
                Set<String> expected = new TreeSet<>();
                table.forEach((id, cells) -> {
                    if (!cells.get(column(m)).isEmpty()) {
                        expected.add(id);
                    }
                });
                Set<String> actual = d.sensors(m, full(d.manufacturer())).stream().filter(SensorDefinition::canonical)
                        .map(SensorDefinition::id).collect(Collectors.toCollection(TreeSet::new));
                assertThat(expected).as(m + ": canonical ids beyond the table").containsAll(actual);
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(actual);
                if (!d.manufacturer().equals("nibe")) {
                    assertThat(missing).as(m + ": canonical ids the table gives but the map lacks").isEmpty();
                }
                for (String id : missing) {
                    assertThat(nibeAbsenceJustified(m, id)).as(m + ": " + id + " is absent but the reference lists its register for this model")
                            .isTrue();
                }
                System.out.println("canonical " + m + ": " + actual.size() + " of 18" + (missing.isEmpty() ? "" : ", absent by the reference's model lists: " + missing));
            }
        }
    }

    /** A NIBE canonical value may be absent only if the reference row of its register does not list the model. */
    private static boolean nibeAbsenceJustified(String model, String id) {
        MakerFile f = DataFiles.classpath(model.startsWith("s") ? "vendor/nibe/s_series.yaml" : "vendor/nibe/f_series.yaml");
        String token = f.models().stream().filter(s -> s.id().equals(model)).findFirst().orElseThrow().referenceModel();
        List<Map<String, String>> rows = Reference.csv(model.startsWith("s") ? "nibe-s-series.csv" : "nibe-f-series.csv");
        for (ValueSpec v : f.values()) {
            if (v.id().equals(id)) {
                return !rowModels(rows, v.ref()).contains(token);
            }
        }
        for (DerivedSpec dv : f.derived()) {
            if (dv.id().equals(id)) {
                for (RuleSpec r : dv.rules()) {
                    for (String src : sources(r)) {
                        ValueSpec sv = f.values().stream().filter(v -> v.id().equals(src)).findFirst().orElseThrow();
                        if (!rowModels(rows, sv.ref()).contains(token)) {
                            return dv.models() != null && !dv.models().contains(token);
                        }
                    }
                }
            }
        }
        return false;
    }

    private static List<String> rowModels(List<Map<String, String>> rows, String libKey) {
        return rows.stream().filter(r -> r.get("lib_key").equals(libKey)).findFirst()
                .map(r -> List.of(r.get("models").split(" "))).orElseThrow(() -> new AssertionError("no reference row " + libKey));
    }

    private static List<String> sources(RuleSpec r) {
        List<String> l = new ArrayList<>();
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

    private record Loc(Table table, int address) {
    }

    @Test
    void canonicalIdsUseTheRegistersTheTableNames() {
        Map<String, List<String>> table = Reference.canonicalTable();
        for (HeatpumpDriver d : Drivers.all()) {
            for (String m : d.models()) {
                List<SensorDefinition> sensors = d.sensors(m, full(d.manufacturer()));
                Map<String, SensorDefinition> byId = sensors.stream().collect(Collectors.toMap(SensorDefinition::id, s -> s));
                for (SensorDefinition s : sensors) {
                    if (!s.canonical()) {
                        continue;
                    }
                    String cell = table.get(s.id()).get(column(m));
                    if (cell.startsWith("derived: frequency > 0")) {
                        assertThat(s.derivation()).as(m + " " + s.id()).containsExactly(new DerivationRule.Positive("compressor_frequency"));
                        continue;
                    }
                    Set<Loc> ours = new HashSet<>();
                    if (s.register() != null) {
                        ours.add(new Loc(s.register().table(), s.register().address()));
                    } else {
                        s.derivation().forEach(r -> r.sources().forEach(src -> {
                            RegisterDefinition reg = byId.get(src).register();
                            ours.add(new Loc(reg.table(), reg.address()));
                        }));
                    }
                    assertThat(ours).as(m + " " + s.id() + " vs cell '" + cell + "'").isEqualTo(parseCell(column(m), cell));
                }
            }
        }
    }

    static Set<Loc> parseCell(int column, String cell) {
        String c = cell.replaceAll("\\*[^*]*\\*", "").replaceAll("\\([^)]*\\)", "");
        Set<Loc> out = new HashSet<>();
        switch (column) {
            case 1 -> out.add(new Loc(Table.INPUT, firstNumber(c)));
            case 2 -> {
                Matcher mm = Pattern.compile("input (\\d+)").matcher(c);
                while (mm.find()) {
                    out.add(new Loc(Table.INPUT, Integer.parseInt(mm.group(1))));
                }
            }
            case 3 -> {
                Matcher mm = Pattern.compile("\\b(4\\d{4})\\b").matcher(c);
                while (mm.find()) {
                    out.add(new Loc(Table.HOLDING, Integer.parseInt(mm.group(1)) - 40001));
                }
            }
            case 4 -> {
                for (int n : numbers(c)) {
                    out.add(new Loc(Table.INPUT, n - 1));
                }
            }
            default -> {
                Table t = c.startsWith("parameters") ? Table.PARAMETERS : Table.CALCULATIONS;
                if (c.contains("+")) {
                    for (int n : numbers(c)) {
                        out.add(new Loc(t, n));
                    }
                } else {
                    out.add(new Loc(t, firstNumber(c)));
                }
            }
        }
        return out;
    }

    private static int firstNumber(String s) {
        return numbers(s).get(0);
    }

    private static List<Integer> numbers(String s) {
        List<Integer> l = new ArrayList<>();
        Matcher m = Pattern.compile("\\d+").matcher(s);
        while (m.find()) {
            l.add(Integer.parseInt(m.group()));
        }
        return l;
    }

    // ------------------------------------------------------------------------------------------ reference coverage

    private static Map<String, ValueSpec> byRef(List<ValueSpec> values) {
        Map<String, ValueSpec> m = new LinkedHashMap<>();
        for (ValueSpec v : values) {
            assertThat(m.put(v.ref(), v)).as("ref " + v.ref() + " used twice").isNull();
        }
        return m;
    }

    private static String access(String a) {
        if (a.startsWith("RW")) {
            return "rw";
        }
        return a.equals("W") ? "w" : "r";
    }

    private static String ours(String access) {
        return access == null ? "r" : access;
    }

    private static void sameNumber(String what, BigDecimal ours, JsonNode ref) {
        if (ref != null && !ref.isNull() && ours != null) {
            assertThat(ours).as(what).isEqualByComparingTo(ref.decimalValue());
        }
    }

    private static String idmType(String t) {
        return Map.of("FLOAT", "float32", "UCHAR", "u16", "WORD", "s16", "BOOL", "u16").get(t);
    }

    private static void checkIdm(String what, ValueSpec v, JsonNode r) {
        assertThat(v.type()).as(what + " type").isEqualTo(idmType(r.get("type").asText()));
        assertThat(ours(v.access())).as(what + " access").isEqualTo(access(r.get("access").asText()));
        if ("BOOL".equals(r.get("type").asText())) {
            assertThat(v.kind()).as(what + " kind").isEqualTo("boolean");
        }
        if (v.write() != null && !Boolean.TRUE.equals(v.write().optIn())) {
            sameNumber(what + " min", v.write().min(), r.get("min"));
            sameNumber(what + " max", v.write().max(), r.get("max"));
            if (r.path("eeprom").asBoolean(false)) {
                assertThat(v.write().persistence()).as(what + " EEPROM").isEqualTo("eeprom");
            } else {
                assertThat(v.write().persistence()).as(what + " not EEPROM").isNotEqualTo("eeprom");
            }
        }
        if (r.has("unit")) {
            String u = r.get("unit").asText().equals("%rH") ? "%" : r.get("unit").asText();
            assertThat(v.unit()).as(what + " unit").isEqualTo(u);
        }
        if (r.has("enum") && v.enumeration() != null) {
            Set<Long> codes = new HashSet<>();
            r.get("enum").fieldNames().forEachRemaining(k -> codes.add(Long.parseLong(k)));
            assertThat(v.enumeration().keySet()).as(what + " enum codes").containsAll(codes);
        }
    }

    @Test
    void idmMapCoversEveryReferenceRegisterWithTheSameFacts() {
        JsonNode ref = Reference.yaml("idm-navigator-2.0.yaml");
        MakerFile f = DataFiles.classpath("vendor/idm/navigator_2_0.yaml");
        Map<String, ValueSpec> common = byRef(f.values());
        Set<String> refNames = new HashSet<>();
        for (JsonNode r : ref.get("registers")) {
            String name = r.get("name").asText();
            refNames.add(name);
            ValueSpec v = common.get(name);
            assertThat(v).as("iDM " + name + " transcribed").isNotNull();
            assertThat(v.address()).as(name + " address").isEqualTo(r.get("address").asInt());
            checkIdm(name, v, r);
        }
        assertThat(refNames).as("no iDM value without a reference entry").containsAll(common.keySet());

        Map<String, ValueSpec> circuits = byRef(f.circuits().values());
        Pattern formula = Pattern.compile("(\\d+) \\+ (?:(\\d)\\*)?n");
        for (JsonNode r : ref.at("/heating_circuits/registers")) {
            ValueSpec v = circuits.get("circuit." + r.get("name").asText());
            assertThat(v).as("circuit value " + r.get("name")).isNotNull();
            Matcher mm = formula.matcher(r.get("address").asText());
            assertThat(mm.matches()).isTrue();
            assertThat(v.address()).isEqualTo(Integer.parseInt(mm.group(1)));
            assertThat(v.stride()).isEqualTo(mm.group(2) == null ? 1 : Integer.parseInt(mm.group(2)));
            checkIdm("circuit " + r.get("name"), v, r);
        }
        assertThat(circuits).hasSize(ref.at("/heating_circuits/registers").size());
        assertThat(f.circuits().letters()).containsExactly("A", "B", "C", "D", "E", "F", "G");

        assertThat(f.zoneModules().base()).isEqualTo(2000);
        assertThat(f.zoneModules().stride()).isEqualTo(65);
        assertThat(f.zoneModules().count()).isEqualTo(10);
        assertThat(f.zoneModules().rooms().offset()).isEqualTo(2);
        assertThat(f.zoneModules().rooms().stride()).isEqualTo(7);
        assertThat(f.zoneModules().rooms().count()).isEqualTo(8);
        Map<String, ValueSpec> zone = byRef(f.zoneModules().values());
        for (JsonNode r : ref.at("/zone_modules/zone_registers")) {
            ValueSpec v = zone.get("zone." + r.get("name").asText());
            assertThat(v.offset()).as("zone " + r.get("name")).isEqualTo(r.get("offset").asInt());
            checkIdm("zone " + r.get("name"), v, r);
        }
        Map<String, ValueSpec> room = byRef(f.zoneModules().rooms().values());
        for (JsonNode r : ref.at("/zone_modules/room_registers")) {
            ValueSpec v = room.get("room." + r.get("name").asText());
            assertThat(v.offset()).as("room " + r.get("name")).isEqualTo(r.get("offset").asInt());
            checkIdm("room " + r.get("name"), v, r);
        }
        assertThat(zone).hasSize(ref.at("/zone_modules/zone_registers").size());
        assertThat(room).hasSize(ref.at("/zone_modules/room_registers").size());
    }

    @Test
    void nibeMapsCoverEveryReferenceRowWithTheSameFacts() {
        checkNibe("vendor/nibe/s_series.yaml", "nibe-s-series.csv");
        checkNibe("vendor/nibe/f_series.yaml", "nibe-f-series.csv");
    }

    private static void checkNibe(String file, String csv) {
        MakerFile f = DataFiles.classpath(file);
        Set<String> tokens = f.models().stream().map(m -> m.referenceModel()).collect(Collectors.toSet());
        Map<String, ValueSpec> values = byRef(f.values());
        Set<String> rowsSeen = new HashSet<>();
        for (Map<String, String> row : Reference.csv(csv)) {
            Set<String> rowTokens = new HashSet<>(List.of(row.get("models").split(" ")));
            rowTokens.retainAll(tokens);
            if (rowTokens.isEmpty()) {
                continue;
            }
            String key = row.get("lib_key");
            rowsSeen.add(key);
            ValueSpec v = values.get(key);
            assertThat(v).as(csv + " row " + key + " transcribed").isNotNull();
            String what = csv + " " + key;
            String table = v.table() != null ? v.table() : f.defaultTable();
            assertThat(table).as(what + " table").isEqualTo(row.get("register_type"));
            assertThat(Integer.parseInt(row.get("function_code"))).as(what + " FC").isEqualTo(table.equals("input") ? 4 : 3);
            assertThat(v.address()).as(what + " address").isEqualTo(Integer.parseInt(row.get("wire_address")));
            if (csv.contains("-f-")) {
                assertThat(v.address()).as(what + " = register - 40001").isEqualTo(Integer.parseInt(key) - 40001);
            }
            assertThat(v.type()).as(what + " type").isEqualTo(row.get("size"));
            assertThat(DataType.fromFile(v.type()).words()).as(what + " registers").isEqualTo(Integer.parseInt(row.get("registers")));
            BigDecimal divisor = v.divisor() == null ? BigDecimal.ONE : v.divisor();
            BigDecimal refDivisor = new BigDecimal(row.get("divisor"));
            String unit = row.get("unit");
            if (unit.equals("W")) {
                assertThat(divisor).as(what + " W -> kW").isEqualByComparingTo(refDivisor.multiply(BigDecimal.valueOf(1000)));
                assertThat(v.unit()).isEqualTo("kW");
            } else {
                assertThat(divisor).as(what + " divisor").isEqualByComparingTo(refDivisor);
                String expectedUnit = switch (unit) {
                    case "l/m" -> "l/min";
                    case "", "DM" -> null;
                    default -> unit;
                };
                if (expectedUnit != null) {
                    assertThat(v.unit()).as(what + " unit").isEqualTo(expectedUnit);
                } else {
                    assertThat(v.unit()).as(what + " unit").isIn(null, "count");
                }
            }
            assertThat(ours(v.access())).as(what + " access").isEqualTo(row.get("access").equals("RW") ? "rw" : "r");
            if (v.write() != null && !row.get("min").isEmpty() && v.write().min() != null) {
                assertThat(v.write().min()).as(what + " min").isEqualByComparingTo(new BigDecimal(row.get("min")));
                assertThat(v.write().max()).as(what + " max").isEqualByComparingTo(new BigDecimal(row.get("max")));
            }
            Set<String> ourTokens = v.models() == null ? tokens : new HashSet<>(v.models());
            assertThat(ourTokens).as(what + " models").isEqualTo(rowTokens);
            if (!row.get("mapping").isEmpty() && v.enumeration() != null) {
                Set<Long> codes = new HashSet<>();
                for (String part : row.get("mapping").split(";")) {
                    codes.add(Long.parseLong(part.split("=")[0]));
                }
                assertThat(v.enumeration().keySet()).as(what + " codes").isEqualTo(codes);
            }
        }
        assertThat(rowsSeen).as("no NIBE value without a reference row").containsAll(values.keySet());
    }

    @Test
    void daikinMapCoversEveryReferenceRegisterWithTheSameFacts() {
        JsonNode ref = Reference.yaml("daikin-altherma.yaml").get("altherma3");
        Map<String, ValueSpec> values = byRef(DataFiles.classpath("vendor/daikin/altherma_3.yaml").values());
        Set<String> seen = new HashSet<>();
        for (String table : List.of("holding", "input")) {
            for (JsonNode r : ref.get(table)) {
                int register = r.get("register").asInt();
                String key = table + " " + register;
                seen.add(key);
                ValueSpec v = values.get(key);
                assertThat(v).as("Daikin " + key + " transcribed").isNotNull();
                assertThat(v.table()).isEqualTo(table);
                assertThat(v.address()).as(key + " PDU = register - 1").isEqualTo(register - 1).isEqualTo(r.get("pdu").asInt());
                String type = r.get("type").asText();
                BigDecimal divisor = v.divisor() == null ? BigDecimal.ONE : v.divisor();
                switch (type) {
                    case "Temp16", "Pow16" -> {
                        assertThat(v.type()).isEqualTo("s16");
                        assertThat(divisor).as(key).isEqualByComparingTo("100");
                        assertThat(v.unit()).isEqualTo(type.equals("Temp16") ? "°C" : "kW");
                    }
                    case "Text16" -> assertThat(v.type()).isEqualTo("text16");
                    default -> {
                        assertThat(v.type()).isEqualTo("s16");
                        assertThat(divisor).as(key).isEqualByComparingTo(r.get("name").asText().equals("flow_rate") ? "100" : "1");
                    }
                }
                assertThat(ours(v.access())).as(key + " access").isEqualTo(access(r.get("access").asText()));
                if (v.write() != null) {
                    sameNumber(key + " min", v.write().min(), r.get("min"));
                    sameNumber(key + " max", v.write().max(), r.get("max"));
                }
            }
        }
        assertThat(seen).as("no Daikin value without a reference register").containsAll(values.keySet());
    }

    @Test
    void luxtronikMapCoversEveryReferenceIdWithTheSameFacts() {
        JsonNode ref = Reference.yaml("luxtronik-2.1.yaml");
        List<ValueSpec> values = DataFiles.classpath("vendor/luxtronik/luxtronik_2_1.yaml").values();
        int count = 0;
        for (String table : List.of("calculations", "parameters")) {
            for (JsonNode r : ref.get(table)) {
                int id = r.get("id").asInt();
                String key = table + " " + id + " " + r.get("name").asText();
                ValueSpec v = values.stream().filter(x -> key.equals(x.ref())).findFirst().orElse(null);
                assertThat(v).as("Luxtronik " + key + " transcribed").isNotNull();
                count++;
                assertThat(v.table()).isEqualTo(table);
                assertThat(v.address()).as(key).isEqualTo(id);
                assertThat(ours(v.access())).as(key + " access").isEqualTo(r.path("writable").asBoolean() ? "rw" : "r");
                BigDecimal divisor = v.divisor() == null ? BigDecimal.ONE : v.divisor();
                String[] expected = switch (r.get("type").asText()) {
                    case "Celsius" -> new String[] { "int32", "10", "°C" };
                    case "Kelvin" -> new String[] { "int32", "10", "K" };
                    case "Seconds" -> new String[] { "uint32", "3600", "h" };
                    case "Energy" -> new String[] { "uint32", "10", "kWh" };
                    case "Power" -> new String[] { "uint32", "1000", "kW" };
                    case "Flow" -> new String[] { "uint32", "60", "l/min" };
                    case "Pressure" -> new String[] { "int32", "100", "bar" };
                    case "Voltage" -> new String[] { "int32", "10", null };
                    case "Frequency" -> new String[] { "uint32", "1", "Hz" };
                    case "Percent2" -> new String[] { "uint32", "1", "%" };
                    case "Count" -> new String[] { "uint32", "1", "count" };
                    case "Timestamp", "Speed" -> new String[] { "uint32", "1", null };
                    case "IPv4Address" -> new String[] { "ipv4", "1", null };
                    case "Version" -> new String[] { "chars", "1", null };
                    default -> new String[] { "int32", "1", null };
                };
                assertThat(v.type()).as(key + " type").isEqualTo(expected[0]);
                assertThat(divisor).as(key + " scale").isEqualByComparingTo(expected[1]);
                assertThat(v.unit()).as(key + " unit").isEqualTo(expected[2]);
                if (r.get("type").asText().equals("Bool")) {
                    assertThat(v.kind()).isEqualTo("boolean");
                }
                if (r.has("count")) {
                    assertThat(v.count()).isEqualTo(r.get("count").asInt());
                }
            }
        }
        assertThat(values).hasSize(count);
    }
}
