package org.heatpumpsuite.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.PostgresResource;
import org.heatpumpsuite.testsupport.ServiceChecks;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(TokenResource.class)
@WithTestResource(ProbeStubResource.class) // the same resources as the other ITs: one application start for all
class PlatformIT {

    @Test
    void servesHealthMetricsAndOpenApi() {
        ServiceChecks.assertPlatformEndpoints();
    }

    @Test
    void everyApiOperationNeedsAToken() {
        assertThat(ServiceChecks.assertEveryApiOperationNeedsToken()).contains("GET /api/manufacturers");
    }

    @Test
    void aViewerTokenIsAccepted() {
        given().auth().oauth2(Tokens.viewer()).get("/api/manufacturers").then().statusCode(200);
    }
}
