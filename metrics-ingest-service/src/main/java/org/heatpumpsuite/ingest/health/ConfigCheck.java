package org.heatpumpsuite.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.heatpumpsuite.ingest.pump.messaging.ConfigCatchUp;
import org.heatpumpsuite.ingest.pump.service.PumpDirectory;

/**
 * Not ready until heatpump.config has been read up to its end offsets at start-up: until then the service does not
 * know every pump and would answer 404 for pumps it merely has not read yet. Once up, it stays up.
 */
@Readiness
@ApplicationScoped
public class ConfigCheck implements HealthCheck {

    @Inject
    PumpDirectory directory;
    @Inject
    ConfigCatchUp catchUp;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("config").status(directory.complete())
                .withData("pumps", directory.all().size());
        if (!directory.complete()) {
            r.withData("waiting", catchUp.endOffsetsKnown()
                    ? "reading heatpump.config, records left per partition: " + catchUp.remaining()
                    : "asking Kafka for the end offsets of heatpump.config");
        }
        return r.build();
    }
}
