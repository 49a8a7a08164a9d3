package org.heatpumpsuite.telemetry.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness with the state of dependencies the API does not need (ARCHITECTURE.md, Security): the service stays
 * live and ready while Kafka is down, and says so here.
 */
@Liveness
@ApplicationScoped
public class DependenciesCheck implements HealthCheck {

    @Inject
    KafkaReachability kafka;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("dependencies").up()
                .withData("kafka", kafka.reachable() ? "up" : "down")
                .withData("kafka_since", kafka.since().toString())
                .build();
    }
}
