package org.heatpumpsuite.polling.vendor.nibe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatpumpsuite.polling.simulator.SimulatorHarness.exceptionCode;
import static org.heatpumpsuite.polling.simulator.TestSupport.join;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.heatpumpsuite.polling.simulator.ModbusSimulatedDevice;
import org.heatpumpsuite.polling.simulator.PumpState;
import org.heatpumpsuite.polling.simulator.SimulatorHarness;
import org.heatpumpsuite.polling.simulator.TestSupport;
import org.heatpumpsuite.polling.transport.DeviceException;
import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.transport.modbus.ModbusSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated NIBE F1155 behind a MODBUS 40 gateway, checked against nibe-f-series.csv and the manual's limits. */
class NibeFSeriesSimulatorTest {

    private static final int SLAVE = 5; // the MODBUS 40 address behind the gateway

    private SimulatorHarness h;
    private ModbusSimulatedDevice f1155;
    private ModbusSession s;

    @BeforeEach
    void start() {
        h = new SimulatorHarness();
        f1155 = new ModbusSimulatedDevice("sim-f1155", new NibeFSeriesSimulator("f1155", Duration.ZERO, Duration.ZERO,
                Set.of(), 3, 1), SLAVE, h.simClock, 31);
        s = h.start(f1155, SLAVE);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void registerMinus40001OnTheWireWithFc03Only() {
        PumpState st = f1155.state();
        // §2 #1: 40004 → PDU 3
        assertThat((short) join(s.read(FunctionCode.READ_HOLDING_REGISTERS, 40004 - 40001, 1))[0])
                .isEqualTo((short) Math.round(st.outdoorTemp() * 10));
        assertThat(exceptionCode(s.read(FunctionCode.READ_INPUT_REGISTERS, 3, 1))).isEqualTo(1);
        assertThat(exceptionCode(s.write(FunctionCode.WRITE_SINGLE_REGISTER, 7006, new int[] { 9 }))).isEqualTo(1);
        // §2 #11: 47007 → 7006, FC16
        join(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 47007 - 40001, new int[] { 7 }));
        assertThat(join(s.read(FunctionCode.READ_HOLDING_REGISTERS, 7006, 1))).containsExactly(7);
    }

    @Test
    void everyRegisterOfTheModelIsReadableOneValueAtATime() {
        List<String> read = SimulatorHarness.fullPoll(s, f1155.profile().layout(),
                FunctionCode.READ_HOLDING_REGISTERS, FunctionCode.READ_HOLDING_REGISTERS);
        long rows = NibeFSeriesSimulator.ROWS.stream().filter(r -> r.in("f1155_f1255")).count();
        assertThat(read).hasSize((int) rows).contains("Compressor Frequency, Actual", "compr. in power")
                .doesNotContain("Compr. energy total"); // F750 only
    }

    @Test
    void requestsOverTwoRegistersAreRejected() {
        assertThat(exceptionCode(s.read(FunctionCode.READ_HOLDING_REGISTERS, 11, 3))).isEqualTo(3);
        assertThat(join(s.read(FunctionCode.READ_HOLDING_REGISTERS, 11, 2))).hasSize(2);
        // writes: one value at a time
        assertThat(exceptionCode(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 7042, new int[] { 470, 450 })))
                .isEqualTo(3);
        DeviceException e = TestSupport.failure(s.read(FunctionCode.READ_HOLDING_REGISTERS, 11, 3));
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void logSetRegistersAllowTwentyAndAnswerFaster() {
        ModbusSimulatedDevice logged = new ModbusSimulatedDevice("sim-f1255", new NibeFSeriesSimulator("f1255",
                Duration.ofMillis(1000), Duration.ofMillis(1000), Set.of(11, 12, 13, 14, 15, 16, 17, 18), 3, 2), 1,
                h.simClock, 32);
        ModbusSession l = h.start(logged, 1);
        long t0 = System.nanoTime();
        assertThat(join(l.read(FunctionCode.READ_HOLDING_REGISTERS, 11, 8))).hasSize(8);
        long logSetMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        assertThat(join(l.read(FunctionCode.READ_HOLDING_REGISTERS, 3, 1))).hasSize(1);
        long otherMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(logSetMs).isBetween(450L, 900L);
        assertThat(otherMs).isGreaterThanOrEqualTo(1000L);
        assertThat(exceptionCode(l.read(FunctionCode.READ_HOLDING_REGISTERS, 3, 8))).isEqualTo(3);
    }

    @Test
    void replyDelayIsConfigurableUpToTwoPointOneSeconds() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NibeFSeriesSimulator("f1155", Duration.ZERO,
                Duration.ofMillis(2200), Set.of(), 3, 1)).isInstanceOf(IllegalArgumentException.class);
        NibeFSeriesSimulator slow = new NibeFSeriesSimulator("f1155", Duration.ofMillis(2000), Duration.ofMillis(2100),
                Set.of(), 3, 1);
        for (int i = 0; i < 20; i++) {
            assertThat(slow.replyDelayMillis(3, 3, 1)).isBetween(2000L, 2100L);
        }
    }

    @Test
    void wordSwapRegisterSetsTheOrderOf32BitValues() {
        int[] low = join(s.read(FunctionCode.READ_HOLDING_REGISTERS, 939, 2)); // DM 32 bit, -60.0
        assertThat(low).containsExactly(0xFDA8, 0xFFFF);
        join(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 48852 - 40001, new int[] { 0 }));
        assertThat(join(s.read(FunctionCode.READ_HOLDING_REGISTERS, 939, 2))).containsExactly(0xFFFF, 0xFDA8);
        int[] starts = join(s.read(FunctionCode.READ_HOLDING_REGISTERS, 3415, 2));
        assertThat(((long) starts[0] << 16) | starts[1]).isEqualTo(f1155.state().compressorStarts());
        // both degree-minute registers follow a write of either
        join(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 3004, new int[] { 0xFC18 })); // -100.0
        assertThat(join(s.read(FunctionCode.READ_HOLDING_REGISTERS, 939, 2))).containsExactly(0xFFFF, 0xFC18);
        assertThat(exceptionCode(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 3004, new int[] { 30010 })))
                .isEqualTo(3); // 3001.0 > 3000
    }

    @Test
    void otherUnitIdsGetNoAnswerFromTheGateway() {
        ModbusSession wrong = h.transport.open("hp-0f0f0f0f", "127.0.0.1",
                h.server.port(f1155), 1, org.heatpumpsuite.polling.transport.modbus.ModbusTransportConfig.defaults()
                        .withRequestTimeout(Duration.ofMillis(300)));
        assertThat(TestSupport.failure(wrong.read(FunctionCode.READ_HOLDING_REGISTERS, 3, 1)).kind())
                .isEqualTo(DeviceException.Kind.TIMEOUT);
    }
}
