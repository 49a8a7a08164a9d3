package org.heatpumpsuite.polling.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.heatpumpsuite.polling.simulator.RegisterLayout.Table;
import org.heatpumpsuite.polling.transport.DeviceException;
import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.transport.modbus.ModbusSession;
import org.heatpumpsuite.polling.transport.modbus.ModbusTcpTransport;
import org.heatpumpsuite.polling.transport.modbus.ModbusTransportConfig;

import io.vertx.core.Vertx;

/**
 * A simulated Modbus device on a real socket plus our client, on a controllable clock: what the vendor simulator
 * tests need. Simulated time starts 2025-01-15 00:00 UTC and moves only when the test says so.
 */
public final class SimulatorHarness implements AutoCloseable {

    public final MutableClock clock = new MutableClock();
    public final SimulationClock simClock = SimulationClock.of(clock, 1);
    private final Vertx serverVertx = TestSupport.vertx(1);
    private final Vertx clientVertx = TestSupport.vertx(1);
    public final ModbusSimulatorServer server = new ModbusSimulatorServer(serverVertx);
    public final ModbusTcpTransport transport = new ModbusTcpTransport(clientVertx, ModbusTransportConfig.defaults()
            .withRequestTimeout(Duration.ofSeconds(3)).withBackoff(Duration.ZERO, Duration.ZERO), null, clock);

    /** Starts {@code device} on a free port and opens a session to it with {@code unitId}. */
    public ModbusSession start(ModbusSimulatedDevice device, int unitId) {
        int port = TestSupport.join(server.start(device, "127.0.0.1", 0));
        return transport.open("hp-" + Integer.toHexString(device.id().hashCode() | 0x10000000), "127.0.0.1", port,
                unitId);
    }

    public void advance(Duration d) {
        clock.advance(d);
    }

    /** Reads every value of the layout, one request per value, with the function code given per table. */
    public static List<String> fullPoll(ModbusSession s, RegisterLayout layout, FunctionCode holdingFc,
            FunctionCode inputFc) {
        List<String> read = new ArrayList<>();
        for (RegisterLayout.Value v : layout.values()) {
            FunctionCode fc = v.table() == Table.HOLDING ? holdingFc : inputFc;
            int[] words = TestSupport.join(s.read(fc, v.address(), v.size()));
            assertThat(words).as(v.name()).hasSize(v.size());
            read.add(v.name());
        }
        return read;
    }

    /** The Modbus exception code a stage failed with. */
    public static int exceptionCode(java.util.concurrent.CompletionStage<?> stage) {
        DeviceException e = TestSupport.failure(stage);
        assertThat(e.kind()).isEqualTo(DeviceException.Kind.MODBUS_EXCEPTION);
        return e.modbusExceptionCode();
    }

    @Override
    public void close() {
        transport.close();
        server.close();
        TestSupport.close(clientVertx);
        TestSupport.close(serverVertx);
    }
}
