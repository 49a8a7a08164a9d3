package org.heatpumpsuite.telemetry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaProcess;
import org.heatpumpsuite.testsupport.KafkaProcessResource;
import org.heatpumpsuite.testsupport.KafkaProcessResource.InjectKafkaProcess;
import org.heatpumpsuite.testsupport.ServiceChecks;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
@WithTestResource(KafkaProcessResource.class)
@WithTestResource(TokenResource.class)
class KafkaOutageIT {

    @InjectKafkaProcess
    KafkaProcess broker;

    @Test
    void survivesABrokerOutage() {
        ServiceChecks.assertSurvivesKafkaOutage(broker,
                () -> given().auth().oauth2(Tokens.viewer()).get("/api/telemetry/pumps").then().statusCode(200),
                () -> {
                    try (KafkaClient kafka = new KafkaClient(broker.bootstrapServers())) {
                        kafka.send("heatpump.config", "hp-0000aaaa", TelemetryIT.config("hp-0000aaaa", true));
                    }
                    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                            .get("/api/telemetry/pumps").then().statusCode(200)
                            .body("heatpump_id", hasItem("hp-0000aaaa")));
                });
    }
}
