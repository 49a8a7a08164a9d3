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

    /** Where to place one simulated pump: manufacturer/model on host:port (0 = a free port). */
    public record Placement(String manufacturer, String model, String host, int port) {
    }

    /** The demo placements of the local run's registry: iDM, NIBE S1255, NIBE F1155, Daikin and Luxtronik on 15020.. / 18889. */
    public static List<Placement> registryPlacements(String host) {
        return List.of(new Placement("idm", "navigator_2_0", host, 15020), new Placement("nibe", "s1255", host, 15021),
                new Placement("nibe", "f1155", host, 15022), new Placement("daikin", "altherma_3", host, 15023),
                new Placement("luxtronik", "luxtronik_2_1", host, 18889));
    }

    /**
     * Starts one simulated pump per placement (any supported model on any port; Modbus pumps answer unit id 1) and
     * waits until they listen. Blocks: never call it on an event loop.
     */
    public static DemoPumps start(Vertx vertx, List<Placement> placements, SimulationClock clock) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("DemoPumps.start blocks: call startAsync on an event loop");
        }
        return startAsync(vertx, placements, clock).toCompletableFuture().join();
    }

    /** Like {@link #start(Vertx, List, SimulationClock)}, without blocking. */
    public static CompletionStage<DemoPumps> startAsync(Vertx vertx, List<Placement> placements, SimulationClock clock) {
        Objects.requireNonNull(vertx);
        ModbusSimulatorServer modbus = new ModbusSimulatorServer(vertx);
        LuxtronikSimulatorServer luxtronik = new LuxtronikSimulatorServer(vertx);
        List<CompletableFuture<DemoPump>> started = new ArrayList<>();
        long seed = 1;
        for (Placement p : placements) {
            String id = "demo-" + p.manufacturer() + "-" + p.model() + "-" + seed;
            if ("luxtronik".equals(p.manufacturer())) {
                LuxtronikSimulatedDevice lux = new LuxtronikSimulatedDevice(id, new LuxtronikSimulator(), clock, seed);
                started.add(luxtronik.start(lux, p.host(), p.port()).thenApply(
                        port -> new DemoPump(lux.manufacturer(), lux.model(), "luxtronik", p.host(), port, 0, lux)));
            } else {
                ModbusSimulatedDevice d = new ModbusSimulatedDevice(id, modbusProfile(p.manufacturer(), p.model()), 1, clock, seed);
                started.add(modbus.start(d, p.host(), p.port()).thenApply(
                        port -> new DemoPump(d.manufacturer(), d.model(), "modbus", p.host(), port, d.unitId(), d)));
            }
            seed++;
        }
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

    private static ModbusDeviceProfile modbusProfile(String manufacturer, String model) {
        return switch (manufacturer) {
            case "idm" -> new IdmSimulator();
            case "daikin" -> new DaikinSimulator();
            case "nibe" -> model.startsWith("s") ? new NibeSSeriesSimulator(model) : new NibeFSeriesSimulator(model);
            default -> throw new IllegalArgumentException("no simulator for " + manufacturer + "/" + model);
        };
    }

    /** Switches one demo pump off (stops listening, drops its connections). */
    public CompletionStage<Void> stop(DemoPump pump) {
        if (pump.device() instanceof ModbusSimulatedDevice d) {
            return modbus.stop(d);
        }
        return luxtronik.stop((LuxtronikSimulatedDevice) pump.device());
    }

    /** Stops all demo pumps and waits for it. Blocks: not on an event loop. */
    @Override
    public void close() {
        modbus.close();
        luxtronik.close();
    }
}
