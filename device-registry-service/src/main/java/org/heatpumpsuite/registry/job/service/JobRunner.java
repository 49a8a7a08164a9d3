package org.heatpumpsuite.registry.job.service;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.registry.config.Contexts;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/** Looks for due jobs every few seconds ({@code registry.jobs.check-interval}); every replica may, one wins per run. */
@ApplicationScoped
public class JobRunner {

    @Inject
    JobService jobs;
    @Inject
    Contexts contexts;

    @Scheduled(every = "${registry.jobs.check-interval:10s}", delay = 3, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            Integer sent = contexts.onNewContext(() -> jobs.runDue(Instant.now())).await().atMost(Duration.ofMinutes(2));
            if (sent != null && sent > 0) {
                Log.debugf("%d job run(s) sent", sent);
            }
        } catch (RuntimeException e) {
            Log.warnf("checking jobs failed, retrying at the next check: %s", e.getMessage());
        }
    }
}
