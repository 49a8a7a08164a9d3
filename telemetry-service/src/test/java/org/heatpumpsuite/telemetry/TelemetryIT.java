package org.heatpumpsuite.telemetry;

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

/** The telemetry service follows each pump's opt-in from heatpump.config; the default is no sharing. */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class TelemetryIT {

    static KafkaClient kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaClient(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    /** The golden config example with another id and opt-in. */
    static String config(String id, boolean shareData) {
        String result = Contracts.example("config", "nibe-s1255.json").replaceAll("hp-[0-9a-f]{8}", id)
                .replaceAll("\"share_data\"\\s*:\\s*(true|false)", "\"share_data\": " + shareData);
        Contracts.assertValid("config", result);
        return result;
    }

    @Test
    void servesPlatformEndpointsAndNeedsTokens() {
        ServiceChecks.assertPlatformEndpoints();
        assertThat(ServiceChecks.assertEveryApiOperationNeedsToken()).contains("GET /api/telemetry/pumps");
    }

    @Test
    void followsOptInAndRemoval() {
        kafka.send("heatpump.config", "hp-00000001", config("hp-00000001", true));
        kafka.send("heatpump.config", "hp-00000002", config("hp-00000002", false));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/telemetry/pumps").then().statusCode(200)
                .body("find { it.heatpump_id == 'hp-00000001' }.share_data", equalTo(true))
                .body("find { it.heatpump_id == 'hp-00000002' }.share_data", equalTo(false)));

        kafka.send("heatpump.config", "hp-00000001", null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().auth().oauth2(Tokens.viewer())
                .get("/api/telemetry/pumps").then().extract().jsonPath().getList("heatpump_id"))
                .doesNotContain("hp-00000001"));
    }

    @Test
    void anUndecodableConfigGoesToTheDeadLetterTopic() {
        kafka.send("heatpump.config", "hp-0000dead", "{\"heatpump_id\":\"hp-0000dead\",\"share_data\":\"yes\"}");
        var dead = kafka.await("heatpump.config.dlq", r -> "hp-0000dead".equals(r.key()), Duration.ofSeconds(30));
        assertThat(KafkaClient.header(dead, "dead-letter-reason")).contains("manufacturer");
    }
}
