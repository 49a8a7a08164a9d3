package org.heatpumpsuite.registry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;

import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Start-up tasks: with demo mode on, the simulated pumps are registered as soon as the catalogue lists their models,
 * and can be deleted for good; the legacy export named in the configuration is imported once.
 */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(StartupResource.class)
@WithTestResource(TokenResource.class)
class StartupIT {

    @Test
    void demoPumpsAreRegisteredOnceAndCanBeDeleted() {
        Fixtures.publishCatalogue(KafkaResource.bootstrapServers());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/heatpumps").then().statusCode(200)
                .body("findAll { it.demo }.id", hasItems("hp-de300001", "hp-de300005"))
                .body("find { it.id == 'hp-de300005' }.connection.port", equalTo(18889)));
        given().auth().oauth2(Tokens.admin()).delete("/api/heatpumps/hp-de300005").then().statusCode(204);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() ->
                given().auth().oauth2(Tokens.viewer()).get("/api/heatpumps/hp-de300005").then().statusCode(404));
    }

    @Test
    void theLegacyExportFileIsImportedOnce() {
        Fixtures.publishCatalogue(KafkaResource.bootstrapServers());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/jobs?heatpump_id=hp-legacy").then().statusCode(200).body("$", hasSize(2)));
        given().auth().oauth2(Tokens.admin()).contentType("application/json").body(LegacyImportIT.EXPORT)
                .post("/api/import/legacy").then().statusCode(200).body("imported", equalTo(false));
        given().auth().oauth2(Tokens.viewer()).get("/api/alerts?heatpump_id=hp-legacy").then().statusCode(200)
                .body("findAll { it.heatpump_id == 'hp-legacy' }", hasSize(2));
    }
}
