package org.heatpumpsuite.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.PostgresResource;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The registry copies heatpump.catalogue into PostgreSQL and serves it; bad records go to the dead-letter topic. */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(TokenResource.class)
@WithTestResource(ProbeStubResource.class) // the same resources as the other ITs: one application start for all
class CatalogueIT {

    static KafkaClient kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaClient(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    static String catalogueRecord(String manufacturer, String manufacturerName, String model, String displayName) {
        return """
                {"schema_version":1,"manufacturer":"%s","manufacturer_name":"%s","model":"%s","display_name":"%s"}
                """.formatted(manufacturer, manufacturerName, model, displayName);
    }

    @Test
    void publishedModelsAppearAndTombstonesRemoveThem() {
        kafka.send("heatpump.catalogue", "nibe/f750", catalogueRecord("nibe", "NIBE", "f750", "NIBE F750"));
        kafka.send("heatpump.catalogue", "nibe/f730", catalogueRecord("nibe", "NIBE", "f730", "NIBE F730"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/manufacturers").then().statusCode(200)
                .body("find { it.id == 'nibe' }.models.display_name", hasItem("NIBE F730"))
                .body("find { it.id == 'nibe' }.name", org.hamcrest.Matchers.equalTo("NIBE")));

        kafka.send("heatpump.catalogue", "nibe/f730", null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().auth().oauth2(Tokens.viewer())
                .get("/api/manufacturers").then().statusCode(200).extract().jsonPath()
                .getList("find { it.id == 'nibe' }.models.id", String.class)).containsExactly("f750"));
    }

    @Test
    void theModelSetupListsTheWritablesForTheControlPage() {
        Fixtures.publishCatalogue(KafkaResource.bootstrapServers());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/manufacturers/idm/models/navigator_2_0/setup").then().statusCode(200)
                .body("writables.id", hasItem("dhw_target"))
                .body("writables.find { it.id == 'dhw_target' }.persistence", org.hamcrest.Matchers.equalTo("eeprom"))
                .body("writables.find { it.id == 'circuit_a_heating_curve' }.per", org.hamcrest.Matchers.equalTo("circuit")));
        given().auth().oauth2(Tokens.viewer()).get("/api/manufacturers/luxtronik/models/luxtronik_2_1/setup").then()
                .statusCode(200).body("writables.find { it.id == 'heating_mode' }.options.'3'.en",
                        org.hamcrest.Matchers.equalTo("Holidays"));
    }

    @Test
    void anUndecodableRecordGoesToTheDeadLetterTopicAndDoesNotBlockTheNextOne() {
        kafka.send("heatpump.catalogue", "idm/navigator_2_0", "{not json");
        kafka.send("heatpump.catalogue", "idm/navigator_2_0", "{\"manufacturer\":\"idm\"}");
        kafka.send("heatpump.catalogue", "idm/navigator_2_0",
                catalogueRecord("idm", "iDM Energiesysteme", "navigator_2_0", "iDM Navigator 2.0"));

        var dead = kafka.await("heatpump.catalogue.dlq", r -> "{not json".equals(r.value()), Duration.ofSeconds(30));
        assertThat(KafkaClient.header(dead, "dead-letter-reason")).contains("not JSON");
        var missing = kafka.await("heatpump.catalogue.dlq", r -> r.value().equals("{\"manufacturer\":\"idm\"}"),
                Duration.ofSeconds(30));
        assertThat(KafkaClient.header(missing, "dead-letter-reason")).contains("model");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/manufacturers").then().statusCode(200)
                .body("id", hasItem("idm")));
    }
}
