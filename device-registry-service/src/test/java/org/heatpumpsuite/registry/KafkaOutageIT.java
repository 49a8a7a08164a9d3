package org.heatpumpsuite.registry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaProcess;
import org.heatpumpsuite.testsupport.KafkaProcessResource;
import org.heatpumpsuite.testsupport.KafkaProcessResource.InjectKafkaProcess;
import org.heatpumpsuite.testsupport.PostgresResource;
import org.heatpumpsuite.testsupport.ServiceChecks;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** With the broker gone the registry keeps answering and says Kafka is down; when it returns, consumption resumes. */
@QuarkusIntegrationTest
@WithTestResource(KafkaProcessResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(TokenResource.class)
class KafkaOutageIT {

    @InjectKafkaProcess
    KafkaProcess broker;

    @Test
    void survivesABrokerOutage() {
        ServiceChecks.assertSurvivesKafkaOutage(broker,
                () -> given().auth().oauth2(Tokens.viewer()).get("/api/manufacturers").then().statusCode(200),
                () -> {
                    try (KafkaClient kafka = new KafkaClient(broker.bootstrapServers())) {
                        kafka.send("heatpump.catalogue", "luxtronik/luxtronik_2_1", CatalogueIT.catalogueRecord(
                                "luxtronik", "Luxtronik", "luxtronik_2_1", "Luxtronik 2.1"));
                    }
                    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                            .get("/api/manufacturers").then().statusCode(200).body("id", hasItem("luxtronik")));
                });
    }
}
