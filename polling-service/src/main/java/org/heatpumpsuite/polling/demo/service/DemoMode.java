package org.heatpumpsuite.polling.demo.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.heatpumpsuite.polling.poll.config.PollingConfig;
import org.heatpumpsuite.polling.simulator.DemoPumps;
import org.heatpumpsuite.polling.simulator.SimulationClock;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Demo mode ({@code polling.demo.enabled}): starts one simulated pump per model family on the ports the registry's
 * demo pumps use (iDM 15020, NIBE S1255 15021, NIBE F1155 15022, Daikin 15023, Luxtronik 18889) and stops them on
 * shutdown.
 */
@ApplicationScoped
public class DemoMode {

    @Inject
    PollingConfig config;
    @Inject
    Vertx vertx;

    private DemoPumps demo;

    void onStart(@Observes StartupEvent event) {
        if (!config.demo().enabled()) {
            return;
        }
        try {
            demo = DemoPumps.start(vertx, DemoPumps.registryPlacements(config.demo().host()), SimulationClock.realTime());
        } catch (RuntimeException e) {
            Log.errorf("demo mode: the simulated pumps could not start: %s", e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (demo != null) {
            demo.close();
            demo = null;
        }
    }

    /** The running demo pumps, or null when demo mode is off. */
    public DemoPumps pumps() {
        return demo;
    }
}
