package org.heatpumpsuite.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.PostgresResource;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Malformed requests, table-driven: every one is answered 400 or 404 with problem+json (never 500), names the field
 * at fault where there is one, and leaves the database as it was.
 */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(TokenResource.class)
@WithTestResource(ProbeStubResource.class)
class BadInputIT {

    record Case(String name, String method, String path, String body, int status, String field) {
    }

    static String pumpId;

    /** Once, when the application runs (a static @BeforeAll may run before it started). */
    @BeforeEach
    void setUp() {
        if (pumpId == null) {
            Fixtures.publishCatalogue(KafkaResource.bootstrapServers());
            pumpId = Fixtures.createPump("Bad input target");
        }
    }

    static String pump(String replace, String with) {
        return Fixtures.idmPump("Valid name", "192.168.1.100").replace(replace, with);
    }

    static List<Case> cases() {
        String longName = "x".repeat(10_000);
        List<Case> c = new ArrayList<>(List.of(
                new Case("empty object", "POST", "/api/heatpumps", "{}", 400, "name"),
                new Case("missing name", "POST", "/api/heatpumps", pump("\"name\": \"Valid name\",", ""), 400, "name"),
                new Case("missing manufacturer", "POST", "/api/heatpumps", pump("\"manufacturer\": \"idm\",", ""), 400, "manufacturer"),
                new Case("missing model", "POST", "/api/heatpumps", pump("\"model\": \"navigator_2_0\",", ""), 400, "model"),
                new Case("missing connection", "POST", "/api/heatpumps",
                        "{\"name\": \"n\", \"manufacturer\": \"idm\", \"model\": \"navigator_2_0\"}", 400, "connection"),
                new Case("missing host", "POST", "/api/heatpumps", pump("\"host\": \"192.168.1.100\",", ""), 400, "connection.host"),
                new Case("unknown maker", "POST", "/api/heatpumps", pump("\"idm\"", "\"viessmann\""), 400, "manufacturer"),
                new Case("unknown model", "POST", "/api/heatpumps", pump("navigator_2_0", "navigator_9"), 400, "model"),
                new Case("model of another maker", "POST", "/api/heatpumps", pump("navigator_2_0", "luxtronik_2_1"), 400, "model"),
                new Case("port 0", "POST", "/api/heatpumps", pump("\"port\": 502", "\"port\": 0"), 400, "connection.port"),
                new Case("port 70000", "POST", "/api/heatpumps", pump("\"port\": 502", "\"port\": 70000"), 400, "connection.port"),
                new Case("port not a number", "POST", "/api/heatpumps", pump("\"port\": 502", "\"port\": \"abc\""), 400, "connection.port"),
                new Case("unit id 300", "POST", "/api/heatpumps", pump("\"unit_id\": 1", "\"unit_id\": 300"), 400, "connection.unit_id"),
                new Case("unit id -1", "POST", "/api/heatpumps", pump("\"unit_id\": 1", "\"unit_id\": -1"), 400, "connection.unit_id"),
                new Case("timeout 50 ms", "POST", "/api/heatpumps", pump("\"timeout_ms\": 5000", "\"timeout_ms\": 50"), 400, "connection.timeout_ms"),
                new Case("11 retries", "POST", "/api/heatpumps", pump("\"retries\": 2", "\"retries\": 11"), 400, "connection.retries"),
                new Case("poll interval below the model's minimum", "POST", "/api/heatpumps",
                        pump("\"poll_interval_s\": 15", "\"poll_interval_s\": 1"), 400, "poll_interval_s"),
                new Case("poll interval over a day", "POST", "/api/heatpumps",
                        pump("\"poll_interval_s\": 15", "\"poll_interval_s\": 90000"), 400, "poll_interval_s"),
                new Case("circuit Z", "POST", "/api/heatpumps", pump("[\"A\", \"B\"]", "[\"Z\"]"), 400, "device_config.circuits[0]"),
                new Case("zone module 11", "POST", "/api/heatpumps", pump("\"module\": 1", "\"module\": 11"), 400,
                        "device_config.zone_modules[0].module"),
                new Case("option of another maker", "POST", "/api/heatpumps", pump("\"circuits\"", "\"word_order\": \"big\", \"circuits\""),
                        400, "device_config.word_order"),
                new Case("device config not an object", "POST", "/api/heatpumps",
                        pump("{\"circuits\": [\"A\", \"B\"], \"zone_modules\": [{\"module\": 1, \"rooms\": 2}]}", "[1]"), 400, "device_config"),
                new Case("10,000-character name", "POST", "/api/heatpumps", pump("Valid name", longName), 400, "name"),
                new Case("host with a space", "POST", "/api/heatpumps", pump("192.168.1.100", "my pump"), 400, "connection.host"),
                new Case("host 999.1.1.1", "POST", "/api/heatpumps", pump("192.168.1.100", "999.1.1.1"), 400, "connection.host"),
                new Case("unit id for Luxtronik", "POST", "/api/heatpumps",
                        "{\"name\": \"L\", \"manufacturer\": \"luxtronik\", \"model\": \"luxtronik_2_1\", \"connection\": {\"host\": \"10.0.0.2\", \"unit_id\": 1}}",
                        400, "connection.unit_id"),
                new Case("enabled not a boolean", "POST", "/api/heatpumps", pump("\"poll_interval_s\"", "\"enabled\": \"yes\", \"poll_interval_s\""),
                        400, "enabled"),
                new Case("connection a string", "POST", "/api/heatpumps",
                        "{\"name\": \"n\", \"manufacturer\": \"idm\", \"model\": \"navigator_2_0\", \"connection\": \"10.0.0.1\"}", 400, "connection"),
                new Case("invalid JSON", "POST", "/api/heatpumps", "{\"name\": ", 400, "body"),
                new Case("JSON array", "POST", "/api/heatpumps", "[]", 400, null),
                new Case("unknown pump", "GET", "/api/heatpumps/hp-00000000", null, 404, null),
                new Case("malformed pump id", "GET", "/api/heatpumps/not-a-pump", null, 404, null),
                new Case("change of an unknown pump", "PUT", "/api/heatpumps/hp-00000000", "{\"name\": \"x\"}", 404, null),
                new Case("removal of an unknown pump", "DELETE", "/api/heatpumps/hp-00000000", null, 404, null),
                new Case("rename to 10,000 characters", "PUT", "/api/heatpumps/{pump}", "{\"name\": \"" + longName + "\"}", 400, "name"),
                new Case("port 0 on change", "PUT", "/api/heatpumps/{pump}", "{\"connection\": {\"port\": 0}}", 400, "connection.port"),
                new Case("write to an unknown pump", "POST", "/api/control/hp-00000000", "{\"sensor\": \"dhw_target\", \"value\": 50}", 404, null),
                new Case("write of a read-only value", "POST", "/api/control/{pump}", "{\"sensor\": \"temp_flow\", \"value\": 50}", 400, "sensor"),
                new Case("write out of range", "POST", "/api/control/{pump}", "{\"sensor\": \"dhw_target\", \"value\": 20}", 400, "value"),
                new Case("write of a string", "POST", "/api/control/{pump}", "{\"sensor\": \"dhw_target\", \"value\": \"hot\"}", 400, "value"),
                new Case("write not an option code", "POST", "/api/control/{pump}", "{\"sensor\": \"system_mode\", \"value\": 3}", 400, "value"),
                new Case("write without value", "POST", "/api/control/{pump}", "{\"sensor\": \"dhw_target\"}", 400, "value"),
                new Case("alert rule without sensor", "POST", "/api/alerts", "{\"condition\": \">\", \"threshold\": 1}", 400, "sensor"),
                new Case("alert rule with condition ~", "POST", "/api/alerts", "{\"sensor\": \"temp_flow\", \"condition\": \"~\", \"threshold\": 1}", 400, "condition"),
                new Case("alert rule for an unknown pump", "POST", "/api/alerts",
                        "{\"heatpump_id\": \"hp-00000000\", \"sensor\": \"temp_flow\", \"condition\": \">\", \"threshold\": 1}", 400, "heatpump_id"),
                new Case("unknown alert rule", "GET", "/api/alerts/nope", null, 404, null),
                new Case("job at 25:00", "POST", "/api/jobs",
                        "{\"heatpump_id\": \"{pump}\", \"sensor\": \"dhw_target\", \"value\": 50, \"time\": \"25:00\", \"days\": [\"mon\"]}", 400, "time"),
                new Case("job on day funday", "POST", "/api/jobs",
                        "{\"heatpump_id\": \"{pump}\", \"sensor\": \"dhw_target\", \"value\": 50, \"time\": \"06:00\", \"days\": [\"fun\"]}", 400, "days[0]"),
                new Case("job in zone Mars/Base", "POST", "/api/jobs",
                        "{\"heatpump_id\": \"{pump}\", \"sensor\": \"dhw_target\", \"value\": 50, \"time\": \"06:00\", \"days\": [\"mon\"], \"time_zone\": \"Mars/Base\"}",
                        400, "time_zone"),
                new Case("job without pump", "POST", "/api/jobs", "{\"sensor\": \"dhw_target\", \"value\": 50, \"time\": \"06:00\", \"days\": [\"mon\"]}",
                        400, "heatpump_id"),
                new Case("dashboard widget outside the grid", "POST", "/api/dashboards",
                        "{\"name\": \"D\", \"layout\": {\"columns\": 4}, \"widgets\": [{\"id\": \"w\", \"type\": \"value\", \"title\": \"T\","
                                + " \"sensors\": [\"temp_flow\"], \"position\": {\"x\": 2, \"y\": 0, \"w\": 4, \"h\": 1}}]}", 400, "widgets[0].position"),
                new Case("dashboard without layout", "POST", "/api/dashboards", "{\"name\": \"D\", \"widgets\": []}", 400, null),
                new Case("unknown dashboard", "DELETE", "/api/dashboards/nope", null, 404, null),
                new Case("user with a short password", "POST", "/api/users", "{\"username\": \"bob\", \"password\": \"short\", \"role\": \"viewer\"}", 400, "password"),
                new Case("user with role god", "POST", "/api/users", "{\"username\": \"bob\", \"password\": \"long-enough-1\", \"role\": \"god\"}", 400, "role"),
                new Case("token without role", "POST", "/api/tokens", "{\"name\": \"ha\"}", 400, "role"),
                new Case("revoking an unknown token", "DELETE", "/api/tokens/nope", null, 404, null),
                new Case("legacy import without idm", "POST", "/api/import/legacy", "{\"alerts\": []}", 400, "idm"),
                new Case("legacy import with port 70000", "POST", "/api/import/legacy", "{\"idm\": {\"host\": \"10.0.0.9\", \"port\": 70000}}", 400,
                        "connection.port"),
                new Case("unknown model setup", "GET", "/api/manufacturers/idm/models/nope/setup", null, 404, null),
                new Case("unknown route", "GET", "/api/heatpumps/hp-00000000/nothing", null, 404, null)));
        return c;
    }

    @Test
    void everyMalformedRequestIs400Or404ProblemJsonAndChangesNothing() {
        List<Case> all = cases();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        Map<String, Long> before = Fixtures.counts();
        String admin = Tokens.admin();
        List<String> failures = new ArrayList<>();
        for (Case c : all) {
            String path = c.path().replace("{pump}", pumpId);
            var request = given().auth().oauth2(admin).contentType("application/json");
            if (c.body() != null) {
                request = request.body(c.body().replace("{pump}", pumpId));
            }
            var response = request.request(c.method(), path);
            String body = response.asString();
            try {
                response.then().statusCode(c.status()).contentType(startsWith("application/problem+json"))
                        .body("status", equalTo(c.status()));
                if (c.field() != null) {
                    assertThat(response.jsonPath().getList("errors.field", String.class)).as(c.name() + ": " + body)
                            .contains(c.field());
                }
                assertThat(body).doesNotContain("Exception").doesNotContain("at org.");
            } catch (AssertionError e) {
                failures.add(c.name() + " → " + response.statusCode() + " " + body.substring(0, Math.min(400, body.length()))
                        + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
        }
        assertThat(failures).as("requests answered wrongly").isEmpty();
        assertThat(Fixtures.counts()).as("database unchanged").isEqualTo(before);
    }
}
