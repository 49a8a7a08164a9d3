package org.heatpumpsuite.polling;

import static org.assertj.core.api.Assertions.assertThat;

import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.ServiceChecks;
import org.heatpumpsuite.testsupport.TokenResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class PlatformIT {

    @Test
    void servesHealthMetricsAndOpenApi() {
        ServiceChecks.assertPlatformEndpoints();
    }

    @Test
    void everyApiOperationNeedsAToken() {
        assertThat(ServiceChecks.assertEveryApiOperationNeedsToken()).contains("POST /api/probe");
    }
}
