package org.heatpumpsuite.registry;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Looks for due jobs every second, so a job test waits seconds, not a minute. */
public class FastJobsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("registry.jobs.check-interval", "1s");
    }

    @Override
    public void stop() {
        // nothing started
    }
}
