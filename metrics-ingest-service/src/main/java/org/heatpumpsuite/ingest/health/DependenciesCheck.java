package org.heatpumpsuite.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness with the state of every dependency (ARCHITECTURE.md, Security): the service stays live while Kafka or
 * VictoriaMetrics is down and says so here; readiness follows VictoriaMetrics only.
 */
@Liveness
@ApplicationScoped
public class DependenciesCheck implements HealthCheck {

    @Inject
    KafkaReachability kafka;
    @Inject
    VictoriaMetricsReachability victoriaMetrics;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("dependencies").up()
                .withData("kafka", kafka.reachable() ? "up" : "down")
                .withData("kafka_since", kafka.since().toString())
                .withData("victoriametrics", victoriaMetrics.reachable() ? "up" : "down")
                .withData("victoriametrics_since", victoriaMetrics.since().toString())
                .build();
    }
}
