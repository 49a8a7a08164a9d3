package org.heatpumpsuite.ingest.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while VictoriaMetrics answers: the read API needs it (Kafka is not needed to answer, so not here). */
@Readiness
@ApplicationScoped
public class VictoriaMetricsCheck implements HealthCheck {

    @Inject
    VictoriaMetricsReachability vm;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("victoriametrics").status(vm.reachable())
                .withData("since", vm.since().toString())
                .build();
    }
}
