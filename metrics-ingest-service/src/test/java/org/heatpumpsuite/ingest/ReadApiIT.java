package org.heatpumpsuite.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.heatpumpsuite.testsupport.VictoriaMetricsProcess;
import org.heatpumpsuite.testsupport.VictoriaMetricsResource;
import org.heatpumpsuite.testsupport.VictoriaMetricsResource.InjectVictoriaMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The read API: latest values, range and comparison queries, available sensors, validation, 404s. */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(VictoriaMetricsResource.class)
@WithTestResource(TokenResource.class)
class ReadApiIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @InjectVictoriaMetrics
    VictoriaMetricsProcess vm;

    static KafkaClient kafka;
    /** A pump with readings. */
    static final String A = Fixtures.pumpId();
    /** A configured pump without any data. */
    static final String B = Fixtures.pumpId();
    /** A pump compared with A. */
    static final String C = Fixtures.pumpId();

    @BeforeAll
    static void connect() {
        kafka = new KafkaClient(KafkaResource.bootstrapServers());
        kafka.send("heatpump.config", A, Fixtures.config(A, "nibe", "s1255"));
        kafka.send("heatpump.config", B, Fixtures.config(B, "idm", "navigator_2_0"));
        kafka.send("heatpump.config", C, Fixtures.config(C, "nibe", "s1255"));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @BeforeEach
    void pumpsAreKnown() {
        await().atMost(WAIT).until(() -> api().get("/api/data/" + B).statusCode() == 200
                && api().get("/api/data/" + C).statusCode() == 200);
    }

    static RequestSpecification api() {
        return given().auth().oauth2(Tokens.viewer());
    }

    @Test
    void aKnownPumpWithoutDataHasNoValuesAndAnUnknownOneIsNotFound() {
        api().get("/api/data/" + B).then().statusCode(200).body("heatpump_id", equalTo(B))
                .body("model", equalTo("navigator_2_0")).body("values", anEmptyMap());
        JsonPath problem = api().get("/api/data/hp-00000bad").then().statusCode(404)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getString("errors[0].field")).isEqualTo("heatpump_id");
        api().get("/api/data?heatpump_id=" + B + "&heatpump_id=hp-00000bad").then().statusCode(404)
                .contentType("application/problem+json").body("errors[0].message", equalTo("no heat pump hp-00000bad is configured"));
        api().get("/api/data/pump-1").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("heatpump_id"));
    }

    @Test
    void aDeletedPumpIsNotFound() {
        String c = Fixtures.pumpId();
        kafka.send("heatpump.config", c, Fixtures.config(c, "luxtronik", "luxtronik_2_1"));
        await().atMost(WAIT).until(() -> api().get("/api/data/" + c).statusCode() == 200);
        kafka.send("heatpump.config", c, null);
        await().atMost(WAIT).until(() -> api().get("/api/data/" + c).statusCode() == 404);
    }

    @Test
    void latestValuesCarryTheirTimeUnitAndWireTypeAndFreeStringsComeFromTheLatestReading() {
        Instant t1 = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
        Instant t2 = t1.plusSeconds(10);
        kafka.send("heatpump.readings", A, Fixtures.reading(A, t1,
                "\"temp_outside\":-3.4,\"compressor_running\":false,\"error_code\":\"E100\",\"operating_mode\":\"defrost\""));
        kafka.send("heatpump.readings", A, Fixtures.reading(A, t2,
                "\"temp_outside\":-3.0,\"compressor_running\":true,\"error_code\":\"E101\",\"operating_mode\":\"heating\",\"compressor_starts_total\":100000"));

        JsonPath data = await().atMost(WAIT).until(() -> api().get("/api/data/" + A).then().statusCode(200).extract().jsonPath(),
                j -> Fixtures.time(t2).equals(j.getString("values.temp_outside.observed_at")));
        assertThat(data.getDouble("values.temp_outside.value")).isEqualTo(-3.0);
        assertThat(data.getString("values.temp_outside.unit")).isEqualTo("°C");
        assertThat(data.getBoolean("values.compressor_running.value")).isTrue();
        assertThat(data.getString("values.error_code.value")).isEqualTo("E101");
        assertThat(data.getString("values.operating_mode.value")).isEqualTo("heating");
        assertThat(api().get("/api/data/" + A).asString()).contains("\"compressor_starts_total\":{\"value\":100000,");

        // the same answer for every pump, keyed by id, with the pump without data
        JsonPath all = api().get("/api/data").then().statusCode(200).extract().jsonPath();
        assertThat(all.getMap("$")).containsKeys(A, B);
        assertThat(all.getString("'" + A + "'.values.error_code.value")).isEqualTo("E101");
        JsonPath some = api().get("/api/data?heatpump_id=" + A + "&heatpump_id=" + B).then().statusCode(200).extract().jsonPath();
        assertThat(some.getMap("$")).containsOnlyKeys(A, B);
    }

    @Test
    void storedValuesOlderThanADayAreNotCurrent() {
        long now = System.currentTimeMillis();
        vm.importPrometheus(sample(A, "recent_sensor", 7, now - 3_600_000) + sample(A, "stale_sensor", 9, now - 25 * 3_600_000L));
        JsonPath data = await().atMost(WAIT).until(() -> {
            vm.forceFlush();
            return api().get("/api/data/" + A).then().statusCode(200).extract().jsonPath();
        }, j -> j.get("values.recent_sensor") != null);
        assertThat(data.getInt("values.recent_sensor.value")).isEqualTo(7);
        assertThat(data.getString("values.recent_sensor.observed_at")).isEqualTo(Fixtures.time(Instant.ofEpochMilli(now - 3_600_000)));
        assertThat(data.getMap("values")).doesNotContainKey("stale_sensor");
    }

    @Test
    void rangeQueriesAggregatePerStepAndComparisonsShareOneGrid() {
        long end = (System.currentTimeMillis() / 60_000) * 60_000;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            long t = end - 3_600_000 + i * 60_000L;
            lines.append(sample(A, "temp_flow", 30 + i % 2, t)).append(sample(C, "temp_flow", 40, t));
        }
        vm.importPrometheus(lines.toString());
        vm.forceFlush();
        // every 10-minute window from here on holds samples of both parities: max 31, min 30
        String start = Fixtures.time(Instant.ofEpochMilli(end - 3_000_000));
        String until = Fixtures.time(Instant.ofEpochMilli(end));

        JsonPath range = await().atMost(WAIT).until(() -> api().queryParam("sensor", "temp_flow").queryParam("heatpump_id", A)
                .queryParam("start", start).queryParam("end", until).queryParam("step", "10m").queryParam("aggregation", "max")
                .get("/api/metrics/query_range").then().statusCode(200).extract().jsonPath(),
                j -> j.getList("series[0].values").size() >= 5);
        assertThat(range.getString("sensor")).isEqualTo("temp_flow");
        assertThat(range.getString("unit")).isEqualTo("°C");
        assertThat(range.getString("aggregation")).isEqualTo("max");
        assertThat(range.getLong("step_seconds")).isEqualTo(600);
        assertThat(range.getList("series[0].values", Double.class)).allSatisfy(v -> assertThat(v).isEqualTo(31.0));
        assertThat(range.getList("series[0].timestamps", Long.class)).isSorted();

        JsonPath compare = api().queryParam("sensor", "temp_flow").queryParam("heatpump_id", A, C)
                .queryParam("start", start).queryParam("end", until).queryParam("step", "10m").queryParam("aggregation", "min")
                .get("/api/metrics/compare").then().statusCode(200).extract().jsonPath();
        int points = compare.getList("timestamps").size();
        assertThat(points).isGreaterThanOrEqualTo(5);
        assertThat(compare.getList("pumps.heatpump_id")).containsExactly(A, C);
        assertThat(compare.getList("pumps[0].values")).hasSize(points);
        assertThat(compare.getList("pumps[1].values")).hasSize(points);
        assertThat(compare.getDouble("pumps[0].stats.max")).isEqualTo(30.0);
        assertThat(compare.getDouble("pumps[1].stats.avg")).isEqualTo(40.0);
        assertThat(compare.getInt("pumps[1].stats.points")).isEqualTo(points);
    }

    @Test
    void availableListsStoredSensorsWithUnits() {
        long now = System.currentTimeMillis();
        vm.importPrometheus(sample(A, "temp_hot_gas", 70, now - 60_000) + sample(A, "flow_rate", 22.5, now - 60_000));
        JsonPath available = await().atMost(WAIT).until(() -> {
            vm.forceFlush();
            return api().queryParam("heatpump_id", A, B).get("/api/metrics/available").then().statusCode(200).extract().jsonPath();
        }, j -> j.getList("'" + A + "'.sensor").contains("flow_rate"));
        List<Map<String, Object>> sensors = available.getList("'" + A + "'");
        assertThat(sensors).contains(Map.of("sensor", "temp_hot_gas", "unit", "°C", "kind", "number"));
        assertThat(available.getList("'" + B + "'")).isEmpty();
    }

    @Test
    void badParametersAreNamedInAProblemDocument() {
        JsonPath p = api().queryParam("heatpump_id", A).queryParam("range", "1h").queryParam("step", "0s")
                .queryParam("aggregation", "median").get("/api/metrics/query_range")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(p.getList("errors.field", String.class)).containsExactly("sensor", "aggregation", "step");
        assertThat(p.getString("detail")).doesNotContain("Exception");

        api().queryParam("sensor", "temp_flow").queryParam("heatpump_id", A).queryParam("range", "3y")
                .get("/api/metrics/query_range").then().statusCode(400).body("errors[0].field", equalTo("range"));
        api().queryParam("sensor", "temp_flow").queryParam("heatpump_id", A).queryParam("range", "30d").queryParam("step", "1s")
                .get("/api/metrics/query_range").then().statusCode(400).body("errors[0].field", equalTo("step"));
        api().queryParam("sensor", "temp_flow\"} or vector(1)").queryParam("heatpump_id", A)
                .get("/api/metrics/query_range").then().statusCode(400).body("errors[0].field", equalTo("sensor"));
        api().queryParam("sensor", "temp_flow").queryParam("heatpump_id", A)
                .get("/api/metrics/compare").then().statusCode(400).body("errors[0].field", equalTo("heatpump_id"));
        api().queryParam("sensor", "temp_flow").queryParam("heatpump_id", A, "hp-0000dead")
                .get("/api/metrics/compare").then().statusCode(404).body("errors[0].field", equalTo("heatpump_id"));
    }

    @Test
    void victoriaMetricsItselfIsNotReachableThroughTheService() {
        given().auth().oauth2(Tokens.admin()).queryParam("match[]", "{__name__=~\".+\"}")
                .post("/api/v1/admin/tsdb/delete_series").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).queryParam("query", "up").get("/api/v1/query").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).queryParam("query", "up").get("/api/metrics/query").then().statusCode(404);
    }

    static String sample(String id, String sensor, double value, long ms) {
        return "idm_heatpump_%s{heatpump_id=\"%s\",manufacturer=\"nibe\",model=\"s1255\"} %s %d\n".formatted(sensor, id, value, ms);
    }
}
