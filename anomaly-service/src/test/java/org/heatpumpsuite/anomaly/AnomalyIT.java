package org.heatpumpsuite.anomaly;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.heatpumpsuite.testsupport.Contracts;
import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.ServiceChecks;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The anomaly service learns pumps from heatpump.config and counts their readings; bad records go to the DLQ. */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class AnomalyIT {

    static KafkaClient kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaClient(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    /** A golden example of the contract with the heat pump id replaced. */
    static String example(String contract, String file, String id) {
        String json = Contracts.example(contract, file).replaceAll("hp-[0-9a-f]{8}", id);
        Contracts.assertValid(contract, json);
        return json;
    }

    @Test
    void servesPlatformEndpointsAndNeedsTokens() {
        ServiceChecks.assertPlatformEndpoints();
        assertThat(ServiceChecks.assertEveryApiOperationNeedsToken()).contains("GET /api/anomalies/pumps");
    }

    @Test
    void countsReadingsOfConfiguredPumps() {
        kafka.send("heatpump.config", "hp-000000a1", example("config", "nibe-s1255.json", "hp-000000a1"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/anomalies/pumps").then().statusCode(200)
                .body("find { it.heatpump_id == 'hp-000000a1' }.model", equalTo("s1255")));

        String reading = example("readings", readingExample(), "hp-000000a1");
        kafka.send("heatpump.readings", "hp-000000a1", reading);
        kafka.send("heatpump.readings", "hp-000000a1", reading);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/anomalies/pumps").then().statusCode(200)
                .body("find { it.heatpump_id == 'hp-000000a1' }.readings_seen", equalTo(2)));
    }

    @Test
    void anUndecodableReadingGoesToTheDeadLetterTopicAndTheNextOneArrives() {
        kafka.send("heatpump.config", "hp-000000b2", example("config", "nibe-s1255.json", "hp-000000b2"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/anomalies/pumps").then().statusCode(200)
                .body("find { it.heatpump_id == 'hp-000000b2' }.readings_seen", equalTo(0)));
        kafka.send("heatpump.readings", "hp-000000b2", "{\"heatpump_id\":\"hp-000000b2\",\"observed_at\":\"yesterday\"}");
        kafka.send("heatpump.readings", "hp-000000b2", example("readings", readingExample(), "hp-000000b2"));
        var dead = kafka.await("heatpump.readings.dlq", r -> "hp-000000b2".equals(r.key()), Duration.ofSeconds(30));
        assertThat(KafkaClient.header(dead, "dead-letter-reason")).contains("observed_at");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/anomalies/pumps").then().statusCode(200)
                .body("find { it.heatpump_id == 'hp-000000b2' }.readings_seen", equalTo(1)));
    }

    static String readingExample() {
        return Contracts.examples("readings").keySet().stream().sorted().findFirst().orElseThrow();
    }
}
