package org.heatpumpsuite.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.PostgresResource;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** PLAN.md Phase 7 through the endpoint: one pump hp-legacy with its alert rules and jobs, however often it runs. */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(TokenResource.class)
@WithTestResource(ProbeStubResource.class)
class LegacyImportIT {

    /** An export of the old logger: two good alerts and one bad, two good jobs and one bad. */
    static final String EXPORT = """
            {"idm": {"host": "192.168.1.50", "port": 502, "circuits": ["A", "C"], "zones": [1, 2]},
             "alerts": [
               {"sensor": "temp_flow", "condition": ">", "threshold": 60, "interval_seconds": 300, "enabled": true},
               {"sensor": "temp_outside", "condition": "~", "threshold": 1, "interval_seconds": 60, "enabled": true},
               {"sensor": "temp_hot_water", "condition": "<", "threshold": 40, "interval_seconds": 600, "enabled": false}
             ],
             "jobs": [
               {"sensor": "dhw_target", "value": 50, "time": "06:30", "days": ["mon", "tue", "wed"], "enabled": true},
               {"sensor": "dhw_target", "value": 45, "time": "7 Uhr", "days": ["sat"], "enabled": true},
               {"sensor": "circuit_c_heating_curve", "value": 0.6, "time": "22:00", "days": ["sun"], "enabled": false}
             ]}
            """;

    @Test
    void importingTwiceGivesOnePumpWithItsAlertsAndJobs() {
        Fixtures.publishCatalogue(KafkaResource.bootstrapServers());
        String admin = Tokens.admin();
        given().auth().oauth2(admin).contentType("application/json").body(EXPORT).post("/api/import/legacy")
                .then().statusCode(201).body("imported", equalTo(true)).body("heatpump_id", equalTo("hp-legacy"))
                .body("alerts_imported", equalTo(2)).body("jobs_imported", equalTo(2))
                .body("skipped", hasSize(2))
                .body("skipped.find { it.section == 'alerts' }.index", equalTo(1))
                .body("skipped.find { it.section == 'jobs' }.index", equalTo(1))
                .body("skipped.find { it.section == 'jobs' }.errors[0].field", equalTo("jobs[1].time"));
        var before = Fixtures.counts();

        given().auth().oauth2(admin).contentType("application/json").body(EXPORT).post("/api/import/legacy")
                .then().statusCode(200).body("imported", equalTo(false));
        assertThat(Fixtures.counts()).isEqualTo(before);

        given().auth().oauth2(Tokens.viewer()).get("/api/heatpumps/hp-legacy").then().statusCode(200)
                .body("manufacturer", equalTo("idm")).body("model", equalTo("navigator_2_0"))
                .body("connection.host", equalTo("192.168.1.50")).body("connection.unit_id", equalTo(1))
                .body("device_config.circuits", equalTo(java.util.List.of("A", "C")))
                .body("device_config.zone_modules.module", equalTo(java.util.List.of(1, 2)));
        assertThat(Fixtures.count("SELECT count(*) FROM heatpumps WHERE id = 'hp-legacy'")).isEqualTo(1);
        given().auth().oauth2(Tokens.viewer()).get("/api/alerts").then().statusCode(200)
                .body("findAll { it.heatpump_id == 'hp-legacy' }", hasSize(2));
        given().auth().oauth2(Tokens.viewer()).get("/api/jobs?heatpump_id=hp-legacy").then().statusCode(200)
                .body("$", hasSize(2)).body("find { it.time == '22:00' }.enabled", equalTo(false));
        given().auth().oauth2(Tokens.viewer()).get("/api/dashboards?heatpump_id=hp-legacy").then().statusCode(200)
                .body("$", hasSize(1));
    }
}
