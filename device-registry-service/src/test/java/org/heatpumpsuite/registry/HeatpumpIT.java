package org.heatpumpsuite.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heatpumpsuite.testsupport.Contracts;
import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.PostgresResource;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Pumps end to end against real PostgreSQL and Kafka: create (with the connection test), read with live status,
 * change, remove with everything attached; dashboards, alert rules and jobs; control and audit.
 */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(TokenResource.class)
@WithTestResource(ProbeStubResource.class)
class HeatpumpIT {

    static KafkaClient kafka;

    /** Once, when the application runs (a static @BeforeAll may run before it started). */
    @BeforeEach
    void catalogue() {
        if (kafka == null) {
            kafka = new KafkaClient(KafkaResource.bootstrapServers());
            Fixtures.publishCatalogue(KafkaResource.bootstrapServers());
        }
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    static ConsumerRecord<String, String> configRecord(String id, java.util.function.Predicate<String> value) {
        return kafka.await("heatpump.config", r -> id.equals(r.key()) && value.test(r.value()), Duration.ofSeconds(30));
    }

    @Test
    void aPumpIsTestedStoredPublishedAndGetsItsModelsDashboard() {
        ProbeStubResource.RECEIVED.clear();
        String admin = Tokens.admin();
        var created = given().auth().oauth2(admin).contentType("application/json")
                .body(Fixtures.idmPump("Wärmepumpe Gebäude A", "192.168.1.100"))
                .post("/api/heatpumps").then().statusCode(201)
                .header("Location", containsString("/api/heatpumps/hp-"))
                .body("id", matchesPattern("^hp-[0-9a-f]{8}$"))
                .body("connection.unit_id", equalTo(1))
                .body("poll_interval_s", equalTo(15))
                .body("enabled", equalTo(true)).body("share_data", equalTo(false))
                .body("status", nullValue())
                .extract().jsonPath();
        String id = created.getString("id");

        // the connection was tested through the probe, with the caller's token and a contract-valid body
        assertThat(ProbeStubResource.RECEIVED).hasSize(1);
        assertThat(ProbeStubResource.RECEIVED.get(0).authorization()).isEqualTo("Bearer " + admin);
        assertThat(ProbeStubResource.RECEIVED.get(0).violations()).isEmpty();

        // the configuration reaches heatpump.config, valid against its contract
        ConsumerRecord<String, String> config = configRecord(id, v -> v != null);
        Contracts.assertValid("config", config.value());
        assertThat(config.value()).contains("\"name\":\"Wärmepumpe Gebäude A\"", "\"circuits\":[\"A\",\"B\"]");

        // the model's default dashboard, valid against the dashboard contract
        String dashboard = given().auth().oauth2(Tokens.viewer()).get("/api/dashboards/db-" + id.substring(3) + "-main")
                .then().statusCode(200).body("heatpump_id", equalTo(id)).body("name.en", equalTo("iDM heat pump"))
                .extract().asString();
        Contracts.assertValid("dashboard", dashboard);

        given().auth().oauth2(Tokens.viewer()).get("/api/heatpumps/" + id).then().statusCode(200)
                .body("name", equalTo("Wärmepumpe Gebäude A")).body("capabilities", hasItem("circuits"));
        given().auth().oauth2(Tokens.viewer()).get("/api/heatpumps").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void aFailedConnectionTestStoresNothingUnlessVerifyIsOff() {
        var before = Fixtures.counts();
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Fixtures.idmPump("Offline", "unreachable.example")).post("/api/heatpumps")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("connection")).body("probe.diagnosis.kind", equalTo("refused"));
        assertThat(Fixtures.counts()).isEqualTo(before);

        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Fixtures.idmPump("Offline today", "unreachable.example")).post("/api/heatpumps?verify=false")
                .then().statusCode(201);
    }

    @Test
    void statusFromThePollerShowsInTheList() {
        String id = Fixtures.createPump("With status");
        String status = Contracts.example("status", "refused.json").replace("hp-8b20d4e1", id);
        Contracts.assertValid("status", status);
        kafka.send("heatpump.status", id, status);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/heatpumps").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.status.connected", equalTo(false))
                .body("find { it.id == '" + id + "' }.status.consecutive_errors", equalTo(17))
                .body("find { it.id == '" + id + "' }.status.last_error.kind", equalTo("refused"))
                .body("find { it.id == '" + id + "' }.status.last_reading_at", equalTo("2025-01-26T07:12:38.290Z")));
    }

    @Test
    void aChangeIsRevalidatedAndRepublished() {
        String id = Fixtures.createPump("Before");
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body("{\"name\": \"After\", \"connection\": {\"host\": \"idm.local\"}, \"poll_interval_s\": 30,"
                        + " \"enabled\": false, \"share_data\": true, \"device_config\": {\"circuits\": [\"A\", \"C\"]}}")
                .put("/api/heatpumps/" + id).then().statusCode(200)
                .body("name", equalTo("After")).body("connection.host", equalTo("idm.local"))
                .body("connection.port", equalTo(502)).body("enabled", equalTo(false))
                .body("share_data", equalTo(true));
        ConsumerRecord<String, String> r = configRecord(id, v -> v != null && v.contains("\"name\":\"After\""));
        Contracts.assertValid("config", r.value());
        assertThat(r.value()).contains("\"poll_interval_s\":30", "\"share_data\":true", "\"enabled\":false");

        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body("{\"poll_interval_s\": 5, \"device_config\": {\"circuits\": [\"Z\"]}, \"model\": \"other\"}")
                .put("/api/heatpumps/" + id).then().statusCode(400)
                .body("errors.field", hasItems("poll_interval_s", "device_config.circuits[0]", "model"));
        Fixtures.get("/api/heatpumps/" + id).then().body("name", equalTo("After")).body("poll_interval_s", equalTo(30));
    }

    @Test
    void deletingAPumpRemovesItsDashboardsAlertRulesAndJobsAndPublishesATombstone() {
        String id = Fixtures.createPump("To remove");
        String keep = Fixtures.createPump("To keep");
        String operator = Tokens.operator();
        given().auth().oauth2(operator).contentType("application/json")
                .body("{\"heatpump_id\": \"" + id + "\", \"name\": {\"de\": \"Extra\", \"en\": \"Extra\"}, \"layout\": {\"columns\": 12},"
                        + " \"widgets\": [{\"id\": \"t\", \"type\": \"value\", \"title\": \"T\", \"sensors\": [\"temp_flow\"],"
                        + " \"position\": {\"x\": 0, \"y\": 0, \"w\": 6, \"h\": 2}}]}")
                .post("/api/dashboards").then().statusCode(201);
        String alert = given().auth().oauth2(operator).contentType("application/json")
                .body("{\"heatpump_id\": \"" + id + "\", \"sensor\": \"temp_flow\", \"condition\": \">\", \"threshold\": 60}")
                .post("/api/alerts").then().statusCode(201).extract().path("id");
        String allPumps = given().auth().oauth2(operator).contentType("application/json")
                .body("{\"sensor\": \"temp_outside\", \"condition\": \"<\", \"threshold\": -15, \"interval_seconds\": 300}")
                .post("/api/alerts").then().statusCode(201).body("heatpump_id", nullValue()).extract().path("id");
        String job = given().auth().oauth2(operator).contentType("application/json")
                .body("{\"heatpump_id\": \"" + id + "\", \"sensor\": \"dhw_target\", \"value\": 48, \"time\": \"06:00\","
                        + " \"days\": [\"mon\", \"fri\"], \"time_zone\": \"Europe/Berlin\"}")
                .post("/api/jobs").then().statusCode(201).body("next_run_at", notNullValue()).extract().path("id");

        given().auth().oauth2(Tokens.admin()).delete("/api/heatpumps/" + id).then().statusCode(204);

        Fixtures.get("/api/heatpumps/" + id).then().statusCode(404).contentType("application/problem+json");
        Fixtures.get("/api/alerts/" + alert).then().statusCode(404);
        Fixtures.get("/api/jobs/" + job).then().statusCode(404);
        Fixtures.get("/api/alerts/" + allPumps).then().statusCode(200);
        assertThat(Fixtures.count("SELECT count(*) FROM dashboards WHERE heatpump_id = '" + id + "'")).isZero();
        assertThat(Fixtures.count("SELECT count(*) FROM dashboards WHERE heatpump_id = '" + keep + "'")).isEqualTo(1);
        configRecord(id, v -> v == null);
        Fixtures.get("/api/heatpumps/" + keep).then().statusCode(200);
    }

    @Test
    void dashboardsAlertRulesAndJobsHaveFullCrud() {
        String id = Fixtures.createPump("CRUD");
        String operator = Tokens.operator();
        String overview = Contracts.example("dashboard", "overview.json").replace("\"db-overview\"", "\"db-overview-crud\"")
                .replaceAll("\"heatpump_ids\": \\[[^\\]]*],", "");
        given().auth().oauth2(operator).contentType("application/json").body(overview).post("/api/dashboards")
                .then().statusCode(201).body("heatpump_id", nullValue());
        given().auth().oauth2(Tokens.viewer()).get("/api/dashboards?overview=true").then().statusCode(200)
                .body("id", hasItem("db-overview-crud"));
        given().auth().oauth2(operator).contentType("application/json")
                .body(overview.replace("Übersicht", "Überblick")).put("/api/dashboards/db-overview-crud")
                .then().statusCode(200).body("name.de", equalTo("Überblick"));
        given().auth().oauth2(operator).delete("/api/dashboards/db-overview-crud").then().statusCode(204);
        given().auth().oauth2(operator).get("/api/dashboards/db-overview-crud").then().statusCode(404);

        String alert = given().auth().oauth2(operator).contentType("application/json")
                .body("{\"heatpump_id\": \"" + id + "\", \"name\": \"hot\", \"sensor\": \"temp_flow\", \"condition\": \">=\", \"threshold\": 55.5}")
                .post("/api/alerts").then().statusCode(201).body("interval_seconds", equalTo(60)).extract().path("id");
        given().auth().oauth2(operator).contentType("application/json")
                .body("{\"heatpump_id\": \"" + id + "\", \"sensor\": \"temp_flow\", \"condition\": \"!=\", \"threshold\": 1, \"enabled\": false}")
                .put("/api/alerts/" + alert).then().statusCode(200).body("condition", equalTo("!=")).body("enabled", equalTo(false));
        given().auth().oauth2(Tokens.viewer()).get("/api/alerts?heatpump_id=" + id).then().statusCode(200).body("id", hasItem(alert));
        given().auth().oauth2(operator).delete("/api/alerts/" + alert).then().statusCode(204);

        String job = given().auth().oauth2(operator).contentType("application/json")
                .body("{\"heatpump_id\": \"" + id + "\", \"sensor\": \"circuit_b_heating_curve\", \"value\": 0.8, \"time\": \"22:00\","
                        + " \"days\": [\"sun\", \"mon\"]}")
                .post("/api/jobs").then().statusCode(201).body("days", equalTo(List.of("mon", "sun")))
                .body("time_zone", notNullValue()).extract().path("id");
        given().auth().oauth2(operator).contentType("application/json")
                .body("{\"heatpump_id\": \"" + id + "\", \"sensor\": \"dhw_target\", \"value\": 50, \"time\": \"05:30\","
                        + " \"days\": [\"sat\"], \"time_zone\": \"America/New_York\"}")
                .put("/api/jobs/" + job).then().statusCode(200).body("time_zone", equalTo("America/New_York"));
        given().auth().oauth2(Tokens.viewer()).get("/api/jobs?heatpump_id=" + id).then().statusCode(200)
                .body("sensor", hasItem("dhw_target"));
        given().auth().oauth2(operator).delete("/api/jobs/" + job).then().statusCode(204);
        given().auth().oauth2(operator).get("/api/jobs/" + job).then().statusCode(404);
    }

    @Test
    void aWriteIsCheckedSentAuditedAndItsOutcomeShown() {
        String id = Fixtures.createPump("Control");
        String operator = Tokens.operator();
        given().auth().oauth2(operator).contentType("application/json").body("{\"sensor\": \"dhw_target\", \"value\": 99}")
                .post("/api/control/" + id).then().statusCode(400).body("errors.field", hasItem("value"));
        given().auth().oauth2(operator).contentType("application/json").body("{\"sensor\": \"temp_outside\", \"value\": 1}")
                .post("/api/control/" + id).then().statusCode(400).body("errors.field", hasItem("sensor"));

        String commandId = given().auth().oauth2(operator).contentType("application/json")
                .body("{\"sensor\": \"dhw_target\", \"value\": 50}").post("/api/control/" + id)
                .then().statusCode(202).body("outcome", equalTo("pending")).extract().path("command_id");

        ConsumerRecord<String, String> command = kafka.await("heatpump.commands",
                r -> id.equals(r.key()) && r.value().contains(commandId), Duration.ofSeconds(30));
        Contracts.assertValid("commands", command.value());
        assertThat(command.value()).contains("\"requested_by\":\"operator-user\"", "\"source\":\"ui\"");

        String result = Contracts.example("command-results", "written-verified.json")
                .replace("5b0d3c1e-8f2a-4c7d-9e61-2a4f0b9c7d13", commandId).replace("hp-3f9a1c27", id);
        kafka.send("heatpump.command-results", id, result);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/control/" + id + "/commands/" + commandId).then().statusCode(200)
                .body("outcome", equalTo("written_verified")).body("old_value", equalTo(48))
                .body("read_back_value", equalTo(50)));
        given().auth().oauth2(Tokens.viewer()).get("/api/audit?heatpump_id=" + id).then().statusCode(200)
                .body("find { it.command_id == '" + commandId + "' }.actor", equalTo("operator-user"))
                .body("find { it.command_id == '" + commandId + "' }.field", equalTo("dhw_target"))
                .body("find { it.command_id == '" + commandId + "' }.old_value", equalTo("48"))
                .body("find { it.command_id == '" + commandId + "' }.new_value", equalTo("50"))
                .body("find { it.command_id == '" + commandId + "' }.outcome", equalTo("written_verified"))
                .body("find { it.action == 'create' }.actor", equalTo("admin-user"));
        given().auth().oauth2(Tokens.viewer()).get("/api/control/" + id + "/commands/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404);
    }
}
