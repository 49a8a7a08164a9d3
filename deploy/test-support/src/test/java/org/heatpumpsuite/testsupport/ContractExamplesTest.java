package org.heatpumpsuite.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The contracts in docs/contracts hold together: every golden example satisfies its schema, every schema is a valid
 * 2020-12 schema, and the mistakes producers are most likely to make are rejected.
 */
class ContractExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Contracts that are HTTP bodies, not topic messages: the only ones without schema_version. */
    private static final Set<String> HTTP_BODIES = Set.of("probe-request", "probe-response");

    /** Every contract the README promises (common holds shared definitions only). */
    private static final List<String> CONTRACTS = List.of("readings", "config", "status", "catalogue", "commands",
            "command-results", "standing-values", "anomalies", "alerts", "probe-request", "probe-response", "dashboard",
            "dlq");

    /**
     * The dead-letter contract describes a JSON view of a Kafka record (original key and value, failure in headers),
     * not a value written to a topic, so it has no schema_version.
     */
    private static final String DLQ = "dlq";

    /**
     * The headers SmallRye's dead-letter-queue failure strategy writes: the DEAD_LETTER_* constants of
     * io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue (smallrye-reactive-messaging-kafka 4.33).
     */
    private static final Set<String> SMALLRYE_DLQ_HEADERS = Set.of("dead-letter-reason", "dead-letter-cause",
            "dead-letter-topic", "dead-letter-partition", "dead-letter-offset", "dead-letter-exception-class-name",
            "dead-letter-cause-class-name");

    // ---------------------------------------------------------------- golden examples and schemas

    static Stream<String> exampleFiles() throws IOException {
        List<String> all = new ArrayList<>();
        for (String contract : Contracts.names()) {
            for (String file : Contracts.examples(contract).keySet()) {
                all.add(contract + "/" + file);
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleFiles")
    void goldenExampleSatisfiesItsSchema(String example) {
        String contract = example.substring(0, example.indexOf('/'));
        String file = example.substring(example.indexOf('/') + 1);
        Contracts.assertValid(contract, Contracts.example(contract, file));
    }

    static Stream<String> schemaNames() {
        return Contracts.names().stream();
    }

    @ParameterizedTest(name = "{0}.schema.json")
    @MethodSource("schemaNames")
    void schemaIsAValidDraft202012Schema(String name) throws IOException {
        assertEquals(List.of(), Contracts.metaschemaViolations(name));
        JsonNode schema = schemaNode(name);
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertEquals(Contracts.ID_BASE + name + ".schema.json", schema.path("$id").asText(),
                "$id must name the file, or $refs between contracts do not resolve");
    }

    @Test
    void metaschemaCheckRejectsABrokenSchema() {
        assertFalse(Contracts.metaschemaViolationsOf("{\"type\": 5, \"required\": \"name\"}").isEmpty());
    }

    @Test
    void everyPromisedContractHasSchemaExamplesFieldTableAndReadmeEntry() throws IOException {
        Path dir = Contracts.directory();
        String readme = Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
        assertEquals(new TreeSet<>(withCommon(CONTRACTS)), new TreeSet<>(Contracts.names()),
                "schemas in docs/contracts differ from the promised list");
        for (String name : CONTRACTS) {
            assertFalse(Contracts.examples(name).isEmpty(), name + " has no golden example");
            assertTrue(Files.isRegularFile(dir.resolve(name + ".md")), name + ".md (field table) is missing");
            assertTrue(readme.contains("(" + name + ".md)"), "README.md does not link " + name + ".md");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topicContracts")
    void everyTopicMessageCarriesAnIntegerSchemaVersion(String name) throws IOException {
        JsonNode schema = schemaNode(name);
        assertTrue(contains(schema.path("required"), "schema_version"), name + ": schema_version not required");
        JsonNode version = schema.path("properties").path("schema_version");
        assertTrue(version.path("const").isInt() || "integer".equals(version.path("type").asText()),
                name + ": schema_version must be a const integer or an integer");
        assertFalse(schema.path("additionalProperties").asBoolean(true),
                name + ": top-level additionalProperties must be false so producers' typos fail their tests");
    }

    static Stream<String> topicContracts() {
        return CONTRACTS.stream().filter(n -> !HTTP_BODIES.contains(n) && !DLQ.equals(n));
    }

    @Test
    void deadLetterViewNamesSmallRyesHeadersAndIsClosed() throws IOException {
        JsonNode schema = schemaNode(DLQ);
        assertFalse(schema.path("properties").has("schema_version"),
                "a dead letter is the original record: no envelope, no schema_version");
        assertFalse(schema.path("additionalProperties").asBoolean(true), "dlq: the JSON view must be closed");
        JsonNode headers = schema.path("properties").path("headers");
        assertEquals(SMALLRYE_DLQ_HEADERS, fieldNames(headers.path("properties")),
                "dlq headers must be exactly those SmallRye's KafkaDeadLetterQueue writes");
        Set<String> required = new TreeSet<>();
        headers.path("required").forEach(h -> required.add(h.asText()));
        assertEquals(new TreeSet<>(Set.of("dead-letter-reason", "dead-letter-topic", "dead-letter-partition",
                "dead-letter-offset")), required);
    }

    // ---------------------------------------------------------------- semantics the schema language cannot express

    @ParameterizedTest(name = "readings/{0}")
    @MethodSource("readingExamples")
    void everyReadingValueHasAUnitAndNoFailedSensorHasAValue(String file) throws IOException {
        JsonNode reading = JSON.readTree(Contracts.example("readings", file));
        Set<String> values = fieldNames(reading.path("values"));
        assertEquals(values, fieldNames(reading.path("units")), "units must list exactly the sensors in values");
        for (JsonNode error : reading.path("errors")) {
            assertFalse(values.contains(error.path("sensor").asText()),
                    "sensor " + error.path("sensor").asText() + " is both in values and in errors");
        }
    }

    static Stream<String> readingExamples() {
        return Contracts.examples("readings").keySet().stream();
    }

    @Test
    void operatingModeCodeTableCoversExactlyTheNormalisedModes() throws IOException {
        JsonNode codes = schemaNode("readings").path("$defs").path("operating_mode_codes").path("const");
        JsonNode modes = schemaNode("common").path("$defs").path("operating_mode").path("enum");
        List<String> expected = List.of("off", "standby", "heating", "hot_water", "cooling", "defrost", "pool",
                "utility_lock", "fault");
        List<String> enumValues = new ArrayList<>();
        modes.forEach(m -> enumValues.add(m.asText()));
        assertEquals(expected, enumValues);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(i, codes.path(expected.get(i)).asInt(-1), "VictoriaMetrics code of " + expected.get(i));
        }
        assertEquals(expected.size(), codes.size());
    }

    @ParameterizedTest(name = "catalogue/{0}")
    @MethodSource("catalogueExamples")
    void catalogueDashboardAndWritablesUseTheModelsOwnSensors(String file) throws IOException {
        JsonNode model = JSON.readTree(Contracts.example("catalogue", file));
        Set<String> sensors = new HashSet<>();
        model.path("sensors").forEach(s -> sensors.add(s.path("id").asText()));
        for (JsonNode widget : model.path("dashboard_template").path("widgets")) {
            for (JsonNode sensor : widget.path("sensors")) {
                assertTrue(sensors.contains(sensor.asText()),
                        "template widget " + widget.path("id").asText() + " shows unknown sensor " + sensor.asText());
            }
        }
        Set<String> writables = new HashSet<>();
        for (JsonNode w : model.path("writables")) {
            assertTrue(writables.add(w.path("id").asText()), "duplicate writable " + w.path("id").asText());
            if (w.path("min").isNumber() && w.path("max").isNumber()) {
                assertTrue(w.path("min").asDouble() <= w.path("max").asDouble(), w.path("id").asText() + ": min > max");
            }
        }
        assertTrue(model.path("min_poll_interval_s").asInt() <= model.path("default_poll_interval_s").asInt());
        // The device_config_schema is a real schema: the config examples of this model satisfy it.
        assertEquals(List.of(), Contracts.metaschemaViolationsOf(model.path("device_config_schema").toString()));
        String manufacturerModel = model.path("manufacturer").asText() + "/" + model.path("model").asText();
        int configs = 0;
        for (String config : Contracts.examples("config").values()) {
            JsonNode c = JSON.readTree(config);
            if (manufacturerModel.equals(c.path("manufacturer").asText() + "/" + c.path("model").asText())) {
                ObjectNode options = ((ObjectNode) c.path("device_config").deepCopy());
                options.remove("write_ranges");
                assertEquals(List.of(), Contracts.validateWithSchema(model.path("device_config_schema").toString(),
                        options.toString()), file + " device_config_schema rejects a config example's options");
                configs++;
            }
        }
        assertTrue(configs > 0, "no config example for " + manufacturerModel);
    }

    static Stream<String> catalogueExamples() {
        return Contracts.examples("catalogue").keySet().stream();
    }

    @ParameterizedTest(name = "dlq/{0}")
    @MethodSource("deadLetterExamples")
    void deadLetterValueIsBase64OnlyWhenItIsNotUtf8(String file) throws IOException {
        JsonNode record = JSON.readTree(Contracts.example(DLQ, file));
        if ("base64".equals(record.path("value_encoding").asText("text"))) {
            byte[] bytes = Base64.getDecoder().decode(record.path("value").asText());
            assertThrows(CharacterCodingException.class,
                    () -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)),
                    "a value that is valid UTF-8 is given as text");
        }
        assertFalse(record.path("headers").path("dead-letter-topic").asText().endsWith(".dlq"),
                "dead-letter-topic names the source topic, not the dead-letter topic");
    }

    static Stream<String> deadLetterExamples() {
        return Contracts.examples(DLQ).keySet().stream();
    }

    // ---------------------------------------------------------------- mistakes that must be rejected

    static Stream<Arguments> invalidMessages() {
        return Stream.of(
                bad("reading with a null value", "readings", "idm-navigator-2-0.json", "/values/temp_flow",
                        r -> obj(r, "values").putNull("temp_flow")),
                bad("reading with a null vendor-specific value", "readings", "nibe-s1255.json", "/values/flow_rate",
                        r -> obj(r, "values").putNull("flow_rate")),
                bad("unknown manufacturer", "readings", "nibe-s1255.json", "/manufacturer",
                        r -> r.put("manufacturer", "vaillant")),
                bad("model of another manufacturer", "readings", "idm-navigator-2-0.json", "/model",
                        r -> r.put("model", "s1255")),
                bad("NIBE with a Luxtronik model", "config", "nibe-s1255.json", "/model",
                        c -> c.put("model", "luxtronik_2_1")),
                bad("id in the plan's old form", "readings", "idm-navigator-2-0.json", "/heatpump_id",
                        r -> r.put("heatpump_id", "hp-001")),
                bad("observed_at without milliseconds", "readings", "idm-navigator-2-0.json", "/observed_at",
                        r -> r.put("observed_at", "2025-01-26T10:00:00Z")),
                bad("operating_mode outside the normalised set", "readings", "luxtronik-2-1.json",
                        "/values/operating_mode", r -> obj(r, "values").put("operating_mode", "auto")),
                bad("canonical id with the wrong unit", "readings", "idm-navigator-2-0.json", "/units/power_electric",
                        r -> obj(r, "units").put("power_electric", "kWh")),
                bad("sensor id that is not snake_case", "readings", "idm-navigator-2-0.json", "/values",
                        r -> obj(r, "values").put("Temp-Outside", 1.0)),
                bad("modbus_exception error without its code", "readings", "idm-navigator-2-0.json", "/errors/0",
                        r -> ((ObjectNode) r.path("errors").get(0)).put("kind", "modbus_exception")),
                bad("config with port 70000", "config", "idm-navigator-2-0.json", "/connection/port",
                        c -> obj(c, "connection").put("port", 70000)),
                bad("config with unit_id 300", "config", "idm-navigator-2-0.json", "/connection/unit_id",
                        c -> obj(c, "connection").put("unit_id", 300)),
                bad("Modbus config without unit_id", "config", "nibe-f1155.json", "/connection",
                        c -> obj(c, "connection").remove("unit_id")),
                bad("Luxtronik config with a unit_id", "config", "luxtronik-2-1.json", "/connection",
                        c -> obj(c, "connection").put("unit_id", 1)),
                bad("iDM circuit H", "config", "idm-navigator-2-0.json", "/device_config/circuits/2",
                        c -> ((ArrayNode) c.path("device_config").path("circuits")).add("H")),
                bad("iDM circuit listed twice", "config", "idm-navigator-2-0.json", "/device_config/circuits",
                        c -> ((ArrayNode) c.path("device_config").path("circuits")).add("A")),
                bad("iDM zone module 11", "config", "idm-navigator-2-0.json", "/device_config/zone_modules/0/module",
                        c -> ((ObjectNode) c.path("device_config").path("zone_modules").get(0)).put("module", 11)),
                bad("iDM option on a NIBE pump", "config", "nibe-s1255.json", "/device_config",
                        c -> obj(c, "device_config").putArray("circuits").add("A")),
                bad("register map override on a NIBE F pump", "config", "nibe-f1155.json", "/device_config",
                        c -> obj(c, "device_config").put("register_map_override", "/tmp/f1155.csv")),
                bad("host that is a mistyped IPv4 address", "config", "idm-navigator-2-0.json", "/connection/host",
                        c -> obj(c, "connection").put("host", "192.168.1.300")),
                bad("status without last_error (it is required, null when none)", "status", "connected.json",
                        ": required property 'last_error'",
                        s -> s.remove("last_error")),
                bad("command with a non-UUID command_id", "commands", "idm-dhw-target-ui.json", "/command_id",
                        c -> c.put("command_id", "42")),
                bad("command-result rejected without reason", "command-results", "rejected-out-of-range.json",
                        ": required property 'reason'",
                        r -> r.remove("reason")),
                bad("command-result failed without reason", "command-results", "failed-timeout.json",
                        ": required property 'reason'",
                        r -> r.remove("reason")),
                bad("command-result verified without a read-back value", "command-results", "written-verified.json",
                        "/read_back_value", r -> r.putNull("read_back_value")),
                bad("anomaly score above 1", "anomalies", "nibe-anomaly.json", "/score", a -> a.put("score", 1.5)),
                bad("acknowledged alert without acknowledged_by", "alerts", "detector-acknowledged.json",
                        "/acknowledged_by", a -> a.putNull("acknowledged_by")),
                bad("alert with an unknown severity", "alerts", "rule-firing.json", "/severity",
                        a -> a.put("severity", "fatal")),
                bad("probe with timeout_ms 50", "probe-request", "idm.json", "/timeout_ms",
                        p -> p.put("timeout_ms", 50)),
                bad("probe of a Modbus pump without unit_id", "probe-request", "nibe-s1255.json",
                        ": required property 'unit_id'",
                        p -> p.remove("unit_id")),
                bad("probe answer ok with a failure diagnosis", "probe-response", "refused.json", "/diagnosis/kind",
                        p -> p.put("ok", true)),
                bad("probe answer failed with diagnosis ok", "probe-response", "success.json", "/diagnosis/kind",
                        p -> p.put("ok", false)),
                bad("dashboard range 0h", "dashboard", "heatpump.json", "/widgets/1/range",
                        d -> ((ObjectNode) d.path("widgets").get(1)).put("range", "0h")),
                bad("gauge without min and max", "dashboard", "heatpump.json", "/widgets/2",
                        d -> ((ObjectNode) d.path("widgets").get(2)).remove(List.of("min", "max"))),
                bad("catalogue template bound to a pump", "catalogue", "idm-navigator-2-0.json",
                        "/dashboard_template/heatpump_id", m -> obj(m, "dashboard_template").put("heatpump_id", "hp-3f9a1c27")),
                bad("cyclic writable without resend interval", "catalogue", "idm-navigator-2-0.json", "/writables/4",
                        m -> ((ObjectNode) m.path("writables").get(4)).remove("resend_interval_s")),
                bad("catalogue device_config_schema that is not a JSON Schema", "catalogue", "nibe-f1155.json",
                        "/device_config_schema/type", m -> obj(m, "device_config_schema").put("type", 5)),
                bad("Luxtronik model with a default unit id", "catalogue", "luxtronik-2-1.json", "/default_unit_id",
                        m -> m.put("default_unit_id", 1)),
                bad("dead letter without the reason header", "dlq", "config-missing-field.json", "/headers",
                        d -> obj(d, "headers").remove("dead-letter-reason")),
                bad("dead letter with an empty reason", "dlq", "readings-not-json.json",
                        "/headers/dead-letter-reason", d -> obj(d, "headers").put("dead-letter-reason", "")),
                bad("dead letter without the source topic header", "dlq", "readings-binary.json", "/headers",
                        d -> obj(d, "headers").remove("dead-letter-topic")),
                bad("dead letter whose partition header is not a number", "dlq", "readings-not-json.json",
                        "/headers/dead-letter-partition", d -> obj(d, "headers").put("dead-letter-partition", "seven")),
                bad("dead letter with a negative partition", "dlq", "config-missing-field.json",
                        "/headers/dead-letter-partition", d -> obj(d, "headers").put("dead-letter-partition", "-1")),
                bad("dead letter whose offset header is a JSON number, not text", "dlq", "readings-not-json.json",
                        "/headers/dead-letter-offset", d -> obj(d, "headers").put("dead-letter-offset", 1048576)),
                bad("dead letter with a cause class but no cause", "dlq", "config-missing-field.json", "/headers",
                        d -> obj(d, "headers").put("dead-letter-cause-class-name", "java.io.IOException")),
                bad("dead letter with a base64 value that is not base64", "dlq", "readings-binary.json", "/value",
                        d -> d.put("value", "not base64!")),
                bad("dead letter wrapped in an envelope (schema_version)", "dlq",
                        "readings-not-json.json", ": property 'schema_version'", d -> d.put("schema_version", 1)),
                bad("dead letter without headers", "dlq", "config-missing-field.json",
                        ": required property 'headers'", d -> d.remove("headers")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMessages")
    void mistakeIsRejected(String description, String contract, String json, String expected) {
        List<String> violations = Contracts.validate(contract, json);
        assertFalse(violations.isEmpty(), description + " was accepted: " + json);
        // "/a/b" means a violation located at /a/b; ": ..." is a violation of the document itself.
        String prefix = expected.startsWith(":") ? expected : expected + ":";
        assertTrue(violations.stream().anyMatch(v -> v.startsWith(prefix)),
                description + ": expected a violation starting with '" + prefix + "', got " + violations);
    }

    // ---------------------------------------------------------------- the helper itself

    @Test
    void helperReportsBrokenJsonAsAViolation() {
        List<String> violations = Contracts.validate("readings", "{\"schema_version\": 1,");
        assertEquals(1, violations.size());
        assertTrue(violations.get(0).contains("not valid JSON"), violations.toString());
    }

    @Test
    void assertValidListsEveryViolation() {
        String json = mutated("config", "idm-navigator-2-0.json", c -> {
            obj(c, "connection").put("port", 70000);
            obj(c, "connection").put("unit_id", 300);
        });
        AssertionError e = assertThrows(AssertionError.class, () -> Contracts.assertValid("heatpump.config", json));
        assertTrue(e.getMessage().contains("/connection/port"), e.getMessage());
        assertTrue(e.getMessage().contains("/connection/unit_id"), e.getMessage());
    }

    @Test
    void topicNamesAndFileNamesNameTheSameContract() {
        assertEquals("readings", Contracts.normalise("heatpump.readings"));
        assertEquals("command-results", Contracts.normalise("heatpump.command-results"));
        assertEquals("dlq", Contracts.normalise("heatpump.readings.dlq"));
        assertEquals("catalogue", Contracts.normalise("catalogue.schema.json"));
        String example = Contracts.example("heatpump.status", "connected.json");
        assertEquals(List.of(), Contracts.validate("heatpump.status", example));
    }

    @Test
    void unknownContractOrExampleFailsLoudly() {
        assertThrows(IllegalArgumentException.class, () -> Contracts.validate("heatpump.telemetry", "{}"));
        assertThrows(IllegalArgumentException.class, () -> Contracts.example("readings", "missing.json"));
        assertThrows(IllegalArgumentException.class, () -> Contracts.examples("reading"));
    }

    // ---------------------------------------------------------------- helpers

    private static Arguments bad(String description, String contract, String example, String location,
            Consumer<ObjectNode> mutation) {
        return Arguments.of(description, contract, mutated(contract, example, mutation), location);
    }

    private static String mutated(String contract, String example, Consumer<ObjectNode> mutation) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(Contracts.example(contract, example));
            mutation.accept(node);
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode obj(ObjectNode parent, String field) {
        JsonNode child = parent.get(field);
        if (child instanceof ObjectNode o) {
            return o;
        }
        ObjectNode created = JsonNodeFactory.instance.objectNode();
        parent.set(field, created);
        return created;
    }

    private static JsonNode schemaNode(String name) throws IOException {
        return JSON.readTree(Contracts.directory().resolve(name + ".schema.json").toFile());
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            names.add(it.next().getKey());
        }
        return new TreeSet<>(names);
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.asText())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> withCommon(List<String> names) {
        List<String> all = new ArrayList<>(names);
        all.add("common");
        return all;
    }
}
