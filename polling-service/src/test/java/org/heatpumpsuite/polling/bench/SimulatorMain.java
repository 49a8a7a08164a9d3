package org.heatpumpsuite.polling.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.heatpumpsuite.polling.simulator.DemoPumps;
import org.heatpumpsuite.polling.simulator.SimulationClock;

import io.vertx.core.Vertx;

/**
 * The simulated pumps of the polling benchmark, in their own JVM (so their CPU and memory are measured apart from the
 * poller's): {@code pumps} pumps on 127.0.0.1, an equal share of each model family in turn (iDM Navigator 2.0, NIBE
 * S1255, NIBE F1155 behind a MODBUS 40 gateway, Daikin Altherma 3, Luxtronik 2.1), each on its own free port. Writes
 * one line {@code manufacturer model port} per pump to the given file once all listen, then runs until its standard
 * input closes.
 * <p>
 * Usage: {@code SimulatorMain <pumps> <ports-file>}
 */
public final class SimulatorMain {

    /** The model families, in the order the pumps take them. */
    static final List<String[]> FAMILIES = List.of(new String[] { "idm", "navigator_2_0" }, new String[] { "nibe", "s1255" },
            new String[] { "nibe", "f1155" }, new String[] { "daikin", "altherma_3" },
            new String[] { "luxtronik", "luxtronik_2_1" });

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        int pumps = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Vertx vertx = Vertx.vertx();
        List<DemoPumps.Placement> placements = new ArrayList<>();
        for (int i = 0; i < pumps; i++) {
            String[] f = FAMILIES.get(i % FAMILIES.size());
            placements.add(new DemoPumps.Placement(f[0], f[1], "127.0.0.1", 0));
        }
        DemoPumps demo = DemoPumps.start(vertx, placements, SimulationClock.realTime());
        StringBuilder lines = new StringBuilder();
        for (DemoPumps.DemoPump p : demo.pumps()) {
            lines.append(p.manufacturer()).append(' ').append(p.model()).append(' ').append(p.port()).append('\n');
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        // run until the benchmark closes our stdin (or dies)
        while (System.in.read() >= 0) {
            // ignore input
        }
        demo.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        System.exit(0);
    }
}
