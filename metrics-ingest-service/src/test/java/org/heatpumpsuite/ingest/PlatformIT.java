package org.heatpumpsuite.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.ServiceChecks;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.VictoriaMetricsResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(VictoriaMetricsResource.class)
@WithTestResource(TokenResource.class)
class PlatformIT {

    @Test
    void servesHealthMetricsAndOpenApi() {
        // ready once heatpump.config is read up to its end at start-up (ConfigCatchUp), a moment after start
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        ServiceChecks.assertPlatformEndpoints();
        assertThat(ServiceChecks.dependencyState("victoriametrics")).isEqualTo("up");
    }

    @Test
    void everyApiOperationNeedsAToken() {
        assertThat(ServiceChecks.assertEveryApiOperationNeedsToken()).containsExactlyInAnyOrder(
                "GET /api/data", "GET /api/data/{heatpump_id}", "GET /api/metrics/query_range",
                "GET /api/metrics/compare", "GET /api/metrics/available");
    }
}
