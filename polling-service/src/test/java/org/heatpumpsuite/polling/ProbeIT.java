package org.heatpumpsuite.polling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.heatpumpsuite.polling.simulator.DemoPumps;
import org.heatpumpsuite.polling.simulator.LuxtronikSimulatedDevice;
import org.heatpumpsuite.polling.simulator.ModbusSimulatedDevice;
import org.heatpumpsuite.polling.simulator.ModbusSimulatedDevice.UnitIdBehaviour;
import org.heatpumpsuite.polling.simulator.RegisterLayout.Table;
import org.heatpumpsuite.polling.simulator.SimulationClock;
import org.heatpumpsuite.polling.vendor.luxtronik.LuxtronikSimulator;
import org.heatpumpsuite.testsupport.Contracts;
import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.Ports;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.vertx.core.Vertx;

/**
 * POST /api/probe on the packaged service: validation as problem+json, the identifying values of a simulated pump of
 * every family read over its protocol, and a diagnosis for each way a test fails. The simulators run in this JVM with a
 * clock that stands still, so the values planted in their registers are what the probe must report.
 */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class ProbeIT {

    static Vertx vertx;
    static DemoPumps pumps;

    /** Outdoor temperature planted per model, in each device's own encoding (see {@link #start()}). */
    static final Map<String, Double> OUTDOOR = Map.of("navigator_2_0", -7.5, "s1155", -7.3, "f1155", -6.8, "altherma_3", -5.12,
            "luxtronik_2_1", -5.5);

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        SimulationClock still = new SimulationClock(Clock.fixed(Instant.parse("2026-01-15T06:00:00Z"), ZoneOffset.UTC), 1.0, null);
        pumps = DemoPumps.start(vertx, List.of(new DemoPumps.Placement("idm", "navigator_2_0", "127.0.0.1", 0),
                new DemoPumps.Placement("nibe", "s1155", "127.0.0.1", 0), new DemoPumps.Placement("nibe", "f1155", "127.0.0.1", 0),
                new DemoPumps.Placement("daikin", "altherma_3", "127.0.0.1", 0),
                new DemoPumps.Placement("luxtronik", "luxtronik_2_1", "127.0.0.1", 0)), still);
        modbus("navigator_2_0").poke(Table.HOLDING, 1000, 0x0000, 0xC0F0); // FLOAT -7.5, low word first
        modbus("s1155").poke(Table.INPUT, 1, 0xFFB7); // s16 /10
        modbus("f1155").poke(Table.HOLDING, 3, 0xFFBC); // 40004, s16 /10
        modbus("altherma_3").poke(Table.INPUT, 43, 0xFE00); // input 44, Temp16 /100
        ((LuxtronikSimulatedDevice) pump("luxtronik_2_1").device()).pokeCalculation(15, -55); // int32 /10
    }

    @AfterAll
    static void stop() {
        pumps.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    static DemoPumps.DemoPump pump(String model) {
        return pumps.pumps().stream().filter(p -> p.model().equals(model)).findFirst().orElseThrow();
    }

    static ModbusSimulatedDevice modbus(String model) {
        return (ModbusSimulatedDevice) pump(model).device();
    }

    static String request(String manufacturer, String model, String host, int port, Integer unit, int timeoutMs) {
        return """
                {"manufacturer":"%s","model":"%s","host":"%s","port":%d,"unit_id":%s,"timeout_ms":%d}
                """.formatted(manufacturer, model, host, port, unit, timeoutMs);
    }

    static String request(String host, int port) {
        return request("nibe", "s1155", host, port, 1, 1000);
    }

    /** Probes and checks the answer against the contract. */
    static JsonPath probe(String body) {
        String json = given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body).post("/api/probe")
                .then().statusCode(200).extract().asString();
        Contracts.assertValid("probe-response", json);
        return JsonPath.from(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void badFieldsAreNamedInAProblemDocument() {
        var problem = given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body("{\"manufacturer\":\"acme\",\"model\":\"x\",\"host\":\"bad host!\",\"port\":70000,\"unit_id\":300}")
                .post("/api/probe").then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(problem.getList("errors.field", String.class))
                .containsExactlyInAnyOrder("manufacturer", "host", "port", "unit_id");
        assertThat(problem.getString("detail")).doesNotContain("Exception");
    }

    @Test
    void anUnknownModelAndAUnitIdForLuxtronikAreNamed() {
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(request("nibe", "s9999", "127.0.0.1", 502, 1, 1000))
                .post("/api/probe").then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("model"));
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(request("luxtronik", "luxtronik_2_1", "127.0.0.1", 8889, 1, 1000)).post("/api/probe")
                .then().statusCode(400).body("errors[0].field", equalTo("unit_id"));
    }

    @Test
    void aPumpOfEveryFamilyAnswersWithItsIdentifyingValues() {
        for (DemoPumps.DemoPump p : pumps.pumps()) {
            boolean lux = p.protocol().equals("luxtronik");
            JsonPath r = probe(request(p.manufacturer(), p.model(), p.host(), p.port(), lux ? null : 1, 3000));
            assertThat(r.getString("diagnosis.kind")).as(p.model() + ": " + r.getString("diagnosis.message_en")).isEqualTo("ok");
            assertThat(r.getBoolean("ok")).isTrue();
            assertThat(r.getLong("latency_ms")).isBetween(0L, 3000L);
            assertThat(r.getDouble("values.temp_outside")).as(p.model()).isEqualTo(OUTDOOR.get(p.model()));
            Map<String, Object> values = r.getMap("values");
            if (lux) {
                assertThat(values).containsOnlyKeys("temp_outside", "temp_flow", "operating_mode");
                assertThat(r.getString("detected.firmware")).isEqualTo(LuxtronikSimulator.FIRMWARE);
            } else {
                assertThat(values).containsOnlyKeys("temp_outside", "temp_flow", "temp_hot_water");
                assertThat(r.getMap("detected")).isNull();
            }
            assertThat(r.getString("diagnosis.message_de")).contains(values.size() + " Werte gelesen");
        }
    }

    @Test
    void anIdmProbedAsANibeSAnswersExceptionTwoWithAHint() {
        DemoPumps.DemoPump idm = pump("navigator_2_0");
        JsonPath r = probe(request("nibe", "s1155", idm.host(), idm.port(), 1, 2000));
        assertThat(r.getBoolean("ok")).isFalse();
        assertThat(r.getString("diagnosis.kind")).isEqualTo("modbus_exception");
        assertThat(r.getInt("diagnosis.modbus_exception_code")).isEqualTo(2);
        assertThat(r.getString("diagnosis.hint_en")).startsWith("Wrong model or firmware?");
        assertThat(r.getString("diagnosis.hint_de")).startsWith("Falsches Modell oder falsche Firmware?");
    }

    @Test
    void aWrongUnitIdIsNamed() {
        JsonPath silent = probe(request("nibe", "s1155", pump("s1155").host(), pump("s1155").port(), 7, 2000));
        assertThat(silent.getString("diagnosis.kind")).isEqualTo("wrong_unit_id");
        assertThat(silent.getString("diagnosis.hint_en")).isEqualTo("Check the unit id (default 1 for this model).");
        ModbusSimulatedDevice gateway = modbus("f1155");
        gateway.setUnitIdBehaviour(UnitIdBehaviour.GATEWAY_TARGET_FAILED);
        try {
            JsonPath r = probe(request("nibe", "f1155", pump("f1155").host(), pump("f1155").port(), 5, 2000));
            assertThat(r.getString("diagnosis.kind")).isEqualTo("wrong_unit_id");
            assertThat(r.getInt("diagnosis.modbus_exception_code")).isEqualTo(0x0B);
        } finally {
            gateway.setUnitIdBehaviour(UnitIdBehaviour.SILENT);
        }
    }

    @Test
    void aListenerThatNeverAnswersTimesOutWithinTheBound() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            JsonPath r = probe(request("idm", "navigator_2_0", "127.0.0.1", silent.getLocalPort(), 1, 1000));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.getString("diagnosis.kind")).isEqualTo("timeout");
            assertThat(r.get("latency_ms") == null).isTrue();
            assertThat(ms).isBetween(900L, 2500L);
        }
    }

    @Test
    void aRefusedConnectionSaysWhatToCheck() {
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(request("127.0.0.1", Ports.free())).post("/api/probe")
                .then().statusCode(200).body("ok", equalTo(false)).body("diagnosis.kind", equalTo("refused"))
                .body("latency_ms", nullValue())
                .body("diagnosis.hint_en", startsWith("Is Modbus TCP enabled (NIBE S: menu 7.5.9)?"));
    }

    @Test
    void anUnknownHostIsADnsProblem() {
        assertThat(probe(request("no-such-pump.invalid", 502)).getString("diagnosis.kind")).isEqualTo("dns");
    }

    @Test
    void onlyAdminsMayProbe() {
        given().auth().oauth2(Tokens.operator()).contentType("application/json").body(request("127.0.0.1", 1))
                .post("/api/probe").then().statusCode(403);
    }
}
