package org.heatpumpsuite.ingest.health;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.heatpumpsuite.ingest.client.VictoriaMetrics;
import org.heatpumpsuite.ingest.config.VictoriaMetricsConfig;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Asks VictoriaMetrics' /health every few seconds and remembers the answer, so readiness, liveness details and the
 * {@code victoriametrics_reachable} gauge never wait on a dead or slow VictoriaMetrics.
 */
@ApplicationScoped
public class VictoriaMetricsReachability {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    VictoriaMetrics vm;
    @Inject
    VictoriaMetricsConfig config;

    private volatile boolean reachable;
    private volatile Instant since = Instant.now();

    VictoriaMetricsReachability(MeterRegistry registry) {
        registry.gauge("victoriametrics_reachable", this, r -> r.reachable ? 1 : 0);
    }

    /** A first answer before the service reports ready. */
    void onStart(@Observes StartupEvent start) {
        probe();
        Log.infof("VictoriaMetrics at %s %s", config.url(), reachable ? "reachable" : "not reachable (yet)");
    }

    @Scheduled(every = "${victoriametrics.probe-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        boolean now = Boolean.TRUE.equals(vm.healthy(TIMEOUT).await().atMost(TIMEOUT.plusSeconds(1)));
        record(now);
    }

    /** Also fed by the write path, which learns of an outage before the next probe. */
    public void record(boolean now) {
        if (now != reachable) {
            since = Instant.now();
            if (now) {
                Log.info("VictoriaMetrics reachable");
            } else {
                Log.warn("VictoriaMetrics unreachable: the read API is not ready, ingestion pauses and retries");
            }
        }
        reachable = now;
    }

    public boolean reachable() {
        return reachable;
    }

    public Instant since() {
        return since;
    }
}
