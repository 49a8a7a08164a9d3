package org.heatpumpsuite.polling.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.heatpumpsuite.polling.vendor.daikin.DaikinSimulator;
import org.heatpumpsuite.polling.vendor.idm.IdmSimulator;
import org.heatpumpsuite.polling.vendor.luxtronik.LuxtronikSimulator;
import org.heatpumpsuite.polling.vendor.nibe.NibeFSeriesSimulator;
import org.heatpumpsuite.polling.vendor.nibe.NibeSSeriesSimulator;
import org.jboss.logging.Logger;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Demo mode: one simulated pump per model family (iDM navigator_2_0, NIBE s1155, NIBE f1155 behind a MODBUS 40
 * gateway, Daikin altherma_3, Luxtronik luxtronik_2_1), each on its own TCP port. The local run starts it by default;
 * real installations turn it off ({@code polling.demo.enabled=false}, read by the caller).
 */
public final class DemoPumps implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DemoPumps.class);

    /** A started demo pump: where to reach it and what it is. */
    public record DemoPump(String manufacturer, String model, String protocol, String host, int port, int unitId,
            SimulatedDevice device) {
    }

    private final ModbusSimulatorServer modbus;
    private final LuxtronikSimulatorServer luxtronik;
    private final List<DemoPump> pumps;

    private DemoPumps(ModbusSimulatorServer modbus, LuxtronikSimulatorServer luxtronik, List<DemoPump> pumps) {
        this.modbus = modbus;
        this.luxtronik = luxtronik;
        this.pumps = List.copyOf(pumps);
    }

    /**
     * Starts the demo pumps and waits until they listen. Blocks: never call it on an event loop (use
     * {@link #startAsync}).
     *
     * @param host     address to listen on, e.g. 127.0.0.1
     * @param basePort first port (the pumps take basePort..basePort+4), or 0 for free ports
     * @param clock    simulated time, e.g. {@link SimulationClock#realTime()}
     */
    public static DemoPumps start(Vertx vertx, String host, int basePort, SimulationClock clock) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("DemoPumps.start blocks: call startAsync on an event loop");
        }
        return startAsync(vertx, host, basePort, clock).toCompletableFuture().join();
    }

    public static CompletionStage<DemoPumps> startAsync(Vertx vertx, String host, int basePort,
            SimulationClock clock) {
        Objects.requireNonNull(vertx);
        ModbusSimulatorServer modbus = new ModbusSimulatorServer(vertx);
        LuxtronikSimulatorServer luxtronik = new LuxtronikSimulatorServer(vertx);
        List<ModbusSimulatedDevice> devices = List.of(
                new ModbusSimulatedDevice("demo-idm-navigator_2_0", new IdmSimulator(), 1, clock, 1),
                new ModbusSimulatedDevice("demo-nibe-s1155", new NibeSSeriesSimulator("s1155"), 1, clock, 2),
                new ModbusSimulatedDevice("demo-nibe-f1155", new NibeFSeriesSimulator("f1155"), 1, clock, 3),
                new ModbusSimulatedDevice("demo-daikin-altherma_3", new DaikinSimulator(), 1, clock, 4));
        LuxtronikSimulatedDevice lux = new LuxtronikSimulatedDevice("demo-luxtronik-luxtronik_2_1",
                new LuxtronikSimulator(), clock, 5);
        List<CompletableFuture<DemoPump>> started = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            ModbusSimulatedDevice d = devices.get(i);
            started.add(modbus.start(d, host, basePort == 0 ? 0 : basePort + i).thenApply(port -> new DemoPump(
                    d.manufacturer(), d.model(), "modbus", host, port, d.unitId(), d)));
        }
        started.add(luxtronik.start(lux, host, basePort == 0 ? 0 : basePort + devices.size()).thenApply(
                port -> new DemoPump(lux.manufacturer(), lux.model(), "luxtronik", host, port, 0, lux)));
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).handle((v, error) -> {
            if (error != null) {
                modbus.closeAsync();
                luxtronik.closeAsync();
                throw new IllegalStateException("demo pumps could not start: " + error.getMessage(), error);
            }
            List<DemoPump> pumps = started.stream().map(CompletableFuture::join).toList();
            for (DemoPump p : pumps) {
                LOG.infof("Demo pump %s/%s (%s) listening on %s:%d", p.manufacturer(), p.model(), p.protocol(),
                        p.host(), p.port());
            }
            return new DemoPumps(modbus, luxtronik, pumps);
        });
    }

    public List<DemoPump> pumps() {
        return pumps;
    }

    /** Stops all demo pumps and waits for it. Blocks: not on an event loop. */
    @Override
    public void close() {
        modbus.close();
        luxtronik.close();
    }
}
