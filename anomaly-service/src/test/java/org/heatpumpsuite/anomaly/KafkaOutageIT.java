package org.heatpumpsuite.anomaly;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
                () -> given().auth().oauth2(Tokens.viewer()).get("/api/anomalies/pumps").then().statusCode(200),
                () -> {
                    try (KafkaClient kafka = new KafkaClient(broker.bootstrapServers())) {
                        kafka.send("heatpump.config", "hp-000000c3",
                                AnomalyIT.example("config", "nibe-s1255.json", "hp-000000c3"));
                        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                                .oauth2(Tokens.viewer()).get("/api/anomalies/pumps").then().statusCode(200)
                                .body("find { it.heatpump_id == 'hp-000000c3' }.readings_seen", equalTo(0)));
                        kafka.send("heatpump.readings", "hp-000000c3",
                                AnomalyIT.example("readings", AnomalyIT.readingExample(), "hp-000000c3"));
                    }
                    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                            .get("/api/anomalies/pumps").then().statusCode(200)
                            .body("find { it.heatpump_id == 'hp-000000c3' }.readings_seen", equalTo(1)));
                });
    }
}
