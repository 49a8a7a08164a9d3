package org.heatpumpsuite.polling.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatpumpsuite.polling.simulator.TestSupport.join;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.transport.modbus.ModbusTcpTransport;
import org.heatpumpsuite.polling.transport.modbus.ModbusTransportConfig;
import org.heatpumpsuite.polling.vendor.nibe.NibeSSeriesSimulator;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

/**
 * Thousands of simulated pumps in one JVM (override with {@code -Dsim.devices=N}): each listens on its own port
 * (servers started in parallel), and one more on a distinct loopback address; every one answers a read.
 */
class SimulatorScaleTest {

    private static final int DEVICES = Integer.getInteger("sim.devices", 2000);

    @Test
    void thousandsOfPumpsOnDistinctPorts() {
        Vertx serverVertx = TestSupport.vertx(1);
        Vertx clientVertx = TestSupport.vertx(1);
        ModbusSimulatorServer server = new ModbusSimulatorServer(serverVertx);
        ModbusTcpTransport transport = new ModbusTcpTransport(clientVertx, ModbusTransportConfig.defaults()
                .withRequestTimeout(Duration.ofSeconds(10)).withConnectTimeout(Duration.ofSeconds(10)));
        try {
            SimulationClock clock = SimulationClock.realTime();
            long t0 = System.nanoTime();
            List<ModbusSimulatedDevice> devices = new ArrayList<>();
            List<CompletableFuture<Integer>> ports = new ArrayList<>();
            for (int i = 0; i < DEVICES; i++) {
                ModbusSimulatedDevice d = new ModbusSimulatedDevice("sim-" + i, new NibeSSeriesSimulator("s1155"), 1,
                        clock, i);
                devices.add(d);
                ports.add(server.start(d, "127.0.0.1", 0));
            }
            ModbusSimulatedDevice other = new ModbusSimulatedDevice("sim-other-address",
                    new NibeSSeriesSimulator("s1255"), 1, clock, -1);
            int otherPort = join(server.start(other, "127.0.0.2", 0));
            ports.forEach(TestSupport::join);
            long started = System.nanoTime();
            List<CompletableFuture<int[]>> reads = new ArrayList<>();
            for (int i = 0; i < DEVICES; i++) {
                reads.add(transport.open("hp-s" + i, "127.0.0.1", ports.get(i).join(), 1)
                        .read(FunctionCode.READ_INPUT_REGISTERS, 1, 1).toCompletableFuture());
            }
            reads.forEach(TestSupport::join);
            long done = System.nanoTime();
            System.out.printf("Simulator scale: %d NIBE S pumps listening after %.1f s, all %d answered a first read "
                    + "(connect + request) %.1f s later; heap used %d MB%n", DEVICES, (started - t0) / 1e9, DEVICES,
                    (done - started) / 1e9, (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory())
                            >> 20);
            assertThat(server.size()).isEqualTo(DEVICES + 1);
            assertThat(devices).allMatch(d -> d.requestsServed() == 1);
            assertThat(join(transport.open("hp-other", "127.0.0.2", otherPort, 1)
                    .read(FunctionCode.READ_INPUT_REGISTERS, 1, 1))).hasSize(1);
        } finally {
            transport.close();
            server.close();
            TestSupport.close(clientVertx);
            TestSupport.close(serverVertx);
        }
    }
}
