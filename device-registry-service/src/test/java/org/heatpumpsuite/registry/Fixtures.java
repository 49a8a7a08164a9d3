package org.heatpumpsuite.registry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.heatpumpsuite.testsupport.Contracts;
import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.PostgresResource;
import org.heatpumpsuite.testsupport.Tokens;

import io.restassured.response.Response;

/** Shared steps of the registry's integration tests. */
final class Fixtures {

    static final List<String> TABLES = List.of("heatpumps", "dashboards", "alerts", "jobs", "job_runs", "users",
            "api_tokens", "commands", "audit_log", "outbox", "imports");

    private Fixtures() {
    }

    /** Publishes the golden catalogue examples (iDM, Luxtronik) and waits until the registry has their writables. */
    static void publishCatalogue(String bootstrap) {
        try (KafkaClient kafka = new KafkaClient(bootstrap)) {
            kafka.send("heatpump.catalogue", "idm/navigator_2_0", Contracts.example("catalogue", "idm-navigator-2-0.json"));
            kafka.send("heatpump.catalogue", "luxtronik/luxtronik_2_1", Contracts.example("catalogue", "luxtronik-2-1.json"));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().auth().oauth2(Tokens.viewer()).get("/api/manufacturers/idm/models/navigator_2_0/setup")
                    .then().statusCode(200).body("protocol", org.hamcrest.Matchers.equalTo("modbus_tcp"))
                    .body("device_config_schema.properties.circuits", org.hamcrest.Matchers.notNullValue());
            given().auth().oauth2(Tokens.viewer()).get("/api/manufacturers/luxtronik/models/luxtronik_2_1/setup")
                    .then().statusCode(200).body("protocol", org.hamcrest.Matchers.equalTo("luxtronik"));
        });
    }

    static String idmPump(String name, String host) {
        return """
                {"name": "%s", "manufacturer": "idm", "model": "navigator_2_0",
                 "connection": {"host": "%s", "port": 502, "unit_id": 1, "timeout_ms": 5000, "retries": 2},
                 "poll_interval_s": 15, "device_config": {"circuits": ["A", "B"], "zone_modules": [{"module": 1, "rooms": 2}]}}
                """.formatted(name, host);
    }

    /** Creates an iDM pump (no connection test) and returns its id. */
    static String createPump(String name) {
        return given().auth().oauth2(Tokens.admin()).contentType("application/json").body(idmPump(name, "192.168.1.100"))
                .post("/api/heatpumps?verify=false").then().statusCode(201).extract().path("id");
    }

    static Response get(String path) {
        return given().auth().oauth2(Tokens.admin()).get(path);
    }

    static DataSource database() {
        return PostgresResource.server().getDatabase("postgres", "heatpump");
    }

    /** Row counts of the registry's tables. */
    static Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = database().getConnection(); Statement s = c.createStatement()) {
            for (String t : TABLES) {
                // the relay deletes what it published: for the outbox, its id sequence says whether rows were added
                String q = t.equals("outbox")
                        ? "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM outbox_id_seq"
                        : "SELECT count(*) FROM " + t;
                try (ResultSet rs = s.executeQuery(q)) {
                    rs.next();
                    out.put(t, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static long count(String sql) {
        try (Connection c = database().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(String sql) {
        try (Connection c = database().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
