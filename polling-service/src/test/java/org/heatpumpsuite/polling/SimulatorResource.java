package org.heatpumpsuite.polling;

import java.util.List;
import java.util.Map;

import org.heatpumpsuite.polling.simulator.DemoPumps;
import org.heatpumpsuite.polling.simulator.SimulationClock;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;

/**
 * Simulated pumps in the test JVM on free ports: an iDM Navigator 2.0, a NIBE S1255 and a Luxtronik 2.1 (simulators
 * from {@code simulator/}). Tests reach them through {@link #pumps()} and switch them off with {@link DemoPumps#stop}.
 */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {

    private static Vertx vertx;
    private static DemoPumps pumps;

    /** Starts the simulators once per test JVM. */
    public static synchronized DemoPumps pumps() {
        if (pumps == null) {
            vertx = Vertx.vertx();
            pumps = DemoPumps.start(vertx, List.of(new DemoPumps.Placement("idm", "navigator_2_0", "127.0.0.1", 0),
                    new DemoPumps.Placement("nibe", "s1255", "127.0.0.1", 0),
                    new DemoPumps.Placement("luxtronik", "luxtronik_2_1", "127.0.0.1", 0)), SimulationClock.realTime());
        }
        return pumps;
    }

    /** The started simulator of a model. */
    public static DemoPumps.DemoPump pump(String model) {
        return pumps().pumps().stream().filter(p -> p.model().equals(model)).findFirst().orElseThrow();
    }

    @Override
    public Map<String, String> start() {
        pumps();
        return Map.of("polling.loop.initial-delay", "500ms");
    }

    @Override
    public synchronized void stop() {
        if (pumps != null) {
            pumps.close();
            vertx.close().toCompletionStage().toCompletableFuture().join();
            pumps = null;
            vertx = null;
        }
    }
}
