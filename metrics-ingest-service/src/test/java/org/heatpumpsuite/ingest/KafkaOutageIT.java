package org.heatpumpsuite.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaProcess;
import org.heatpumpsuite.testsupport.KafkaProcessResource;
import org.heatpumpsuite.testsupport.KafkaProcessResource.InjectKafkaProcess;
import org.heatpumpsuite.testsupport.ServiceChecks;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.heatpumpsuite.testsupport.VictoriaMetricsProcess;
import org.heatpumpsuite.testsupport.VictoriaMetricsResource;
import org.heatpumpsuite.testsupport.VictoriaMetricsResource.InjectVictoriaMetrics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** With the broker gone the read API still answers and the service stays ready; afterwards readings flow again. */
@QuarkusIntegrationTest
@WithTestResource(KafkaProcessResource.class)
@WithTestResource(VictoriaMetricsResource.class)
@WithTestResource(TokenResource.class)
class KafkaOutageIT {

    @InjectKafkaProcess
    KafkaProcess broker;
    @InjectVictoriaMetrics
    VictoriaMetricsProcess vm;

    @Test
    void survivesABrokerOutage() {
        ServiceChecks.assertSurvivesKafkaOutage(broker,
                () -> given().auth().oauth2(Tokens.viewer()).get("/api/data").then().statusCode(200),
                () -> {
                    String id = Fixtures.pumpId();
                    try (KafkaClient kafka = new KafkaClient(broker.bootstrapServers())) {
                        kafka.send("heatpump.readings", id, Fixtures.reading(id, Instant.now(), "\"temp_flow\":30.5"));
                    }
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> Fixtures.export(vm, "{heatpump_id=\"" + id + "\"}").size() == 1);
                });
    }
}
