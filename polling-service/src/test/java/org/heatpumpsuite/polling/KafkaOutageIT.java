package org.heatpumpsuite.polling;

import static io.restassured.RestAssured.given;

import java.time.Duration;

import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaProcess;
import org.heatpumpsuite.testsupport.KafkaProcessResource;
import org.heatpumpsuite.testsupport.KafkaProcessResource.InjectKafkaProcess;
import org.heatpumpsuite.testsupport.Ports;
import org.heatpumpsuite.testsupport.ServiceChecks;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** With the broker gone the probe still answers; when it returns, config is consumed and status produced again. */
@QuarkusIntegrationTest
@WithTestResource(KafkaProcessResource.class)
@WithTestResource(TokenResource.class)
class KafkaOutageIT {

    @InjectKafkaProcess
    KafkaProcess broker;

    @Test
    void survivesABrokerOutage() {
        ServiceChecks.assertSurvivesKafkaOutage(broker,
                () -> given().auth().oauth2(Tokens.admin()).contentType("application/json")
                        .body(ProbeIT.request("127.0.0.1", Ports.free())).post("/api/probe").then().statusCode(200),
                () -> {
                    try (KafkaClient kafka = new KafkaClient(broker.bootstrapServers())) {
                        kafka.send("heatpump.config", "hp-00000a7e", ConfigIT.config("hp-00000a7e", 502));
                        kafka.await("heatpump.status", r -> "hp-00000a7e".equals(r.key()), Duration.ofSeconds(60));
                    }
                });
    }
}
