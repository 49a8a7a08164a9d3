package org.heatpumpsuite.polling.vendor.nibe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatpumpsuite.polling.simulator.SimulatorHarness.exceptionCode;
import static org.heatpumpsuite.polling.simulator.TestSupport.join;

import java.time.Duration;
import java.util.List;

import org.heatpumpsuite.polling.simulator.ModbusSimulatedDevice;
import org.heatpumpsuite.polling.simulator.PumpState;
import org.heatpumpsuite.polling.simulator.SimulatorHarness;
import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.transport.modbus.ModbusSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated NIBE S1155 over a real socket, checked against nibe-s-series.csv and test-vectors.md §2. */
class NibeSSeriesSimulatorTest {

    private SimulatorHarness h;
    private ModbusSimulatedDevice s1155;
    private ModbusSession s;

    @BeforeEach
    void start() {
        h = new SimulatorHarness();
        s1155 = new ModbusSimulatedDevice("sim-s1155", new NibeSSeriesSimulator("s1155"), 1, h.simClock, 21);
        s = h.start(s1155, 1);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private int s16(FunctionCode fc, int address) {
        return (short) join(s.read(fc, address, 1))[0];
    }

    /** Test-side: 32-bit low word first (word swap on). */
    private long u32(FunctionCode fc, int address) {
        int[] w = join(s.read(fc, address, 2));
        return ((long) w[1] << 16) | w[0];
    }

    @Test
    void ownEncodingMatchesTheTestVectors() {
        NibeSimulatorRegisters.Row s32 = NibeSSeriesSimulator.rowAt(org.heatpumpsuite.polling.simulator.RegisterLayout
                .Table.HOLDING, 11);
        assertThat(NibeSimulatorRegisters.encode(s32, -60.0, true)).containsExactly(0xFDA8, 0xFFFF); // §2 #8
        assertThat(NibeSimulatorRegisters.encodeRaw(s32, -10, true)).containsExactly(0xFFF6, 0xFFFF); // §2 #5
        assertThat(NibeSimulatorRegisters.encodeRaw(s32, -10, false)).containsExactly(0xFFFF, 0xFFF6); // §2 #6
        NibeSimulatorRegisters.Row u32 = NibeSSeriesSimulator.rowAt(org.heatpumpsuite.polling.simulator.RegisterLayout
                .Table.INPUT, 1534);
        assertThat(NibeSimulatorRegisters.encodeRaw(u32, 100_000, true)).containsExactly(0x86A0, 0x0001); // §2 #7
        assertThat(NibeSimulatorRegisters.encodeRaw(u32, 1, true)).containsExactly(1, 0); // §2 #4
        NibeSimulatorRegisters.Row s8 = NibeSSeriesSimulator.rowAt(org.heatpumpsuite.polling.simulator.RegisterLayout
                .Table.HOLDING, 30);
        assertThat(NibeSimulatorRegisters.encodeRaw(s8, -10, true)).containsExactly(0xFFF6); // §2 #10
        NibeSimulatorRegisters.Row bt1 = NibeSSeriesSimulator.rowAt(org.heatpumpsuite.polling.simulator.RegisterLayout
                .Table.INPUT, 1);
        assertThat(NibeSimulatorRegisters.encode(bt1, 21.0, true)).containsExactly(0x00D2); // §2 #2
        assertThat(NibeSimulatorRegisters.noValue(bt1, true)).containsExactly(0x8000); // §2 #9
    }

    @Test
    void everyRegisterOfTheModelIsReadable() {
        List<String> read = SimulatorHarness.fullPoll(s, s1155.profile().layout(),
                FunctionCode.READ_HOLDING_REGISTERS, FunctionCode.READ_INPUT_REGISTERS);
        long rows = NibeSSeriesSimulator.ROWS.stream().filter(r -> r.in("s1155_s1255")).count();
        assertThat(read).hasSize((int) rows).contains("Current outdoor temperature (BT1)", "Degree minutes");
    }

    @Test
    void valuesFollowThePhysics() {
        PumpState st = s1155.state();
        assertThat(s16(FunctionCode.READ_INPUT_REGISTERS, 1)).isEqualTo((int) Math.round(st.outdoorTemp() * 10));
        assertThat(s16(FunctionCode.READ_INPUT_REGISTERS, 8)).isEqualTo((int) Math.round(st.dhwTopTemp() * 10));
        assertThat(u32(FunctionCode.READ_INPUT_REGISTERS, 1534)).isEqualTo(st.compressorStarts());
        assertThat(u32(FunctionCode.READ_INPUT_REGISTERS, 1087)).isEqualTo((long) (st.compressorSeconds() / 3600));
        long starts = u32(FunctionCode.READ_INPUT_REGISTERS, 1534);
        h.advance(Duration.ofHours(12));
        assertThat(u32(FunctionCode.READ_INPUT_REGISTERS, 1534)).isGreaterThan(starts);
        int priority = join(s.read(FunctionCode.READ_INPUT_REGISTERS, 1028, 1))[0];
        assertThat(priority).isIn(10, 20, 30);
        // energy log of the past hour is filled once an hour has passed
        assertThat(u32(FunctionCode.READ_INPUT_REGISTERS, 2291)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void missingAccessoriesShowTheNoValueMarker() {
        assertThat(join(s.read(FunctionCode.READ_INPUT_REGISTERS, 4, 1))).containsExactly(0x8000); // EP21-BT2
        assertThat(join(s.read(FunctionCode.READ_INPUT_REGISTERS, 27, 1))).containsExactly(0x8000); // pool BT51
        assertThat(join(s.read(FunctionCode.READ_HOLDING_REGISTERS, 5217, 1))).containsExactly(0x8000);
    }

    @Test
    void writesWithFc16AreHonouredAndCheckedAgainstTheCsv() {
        join(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 30, new int[] { 0xFFF6 })); // heating offset -10
        assertThat(s16(FunctionCode.READ_HOLDING_REGISTERS, 30)).isEqualTo(-10);
        join(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 11, new int[] { 0xFC18, 0xFFFF })); // DM -100.0
        assertThat(join(s.read(FunctionCode.READ_HOLDING_REGISTERS, 11, 2))).containsExactly(0xFC18, 0xFFFF);
        join(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 63, new int[] { 520 })); // HW stop normal 52.0 °C
        h.advance(Duration.ofSeconds(2));
        s1155.state();
        assertThat(s1155.physics().dhwTarget()).isEqualTo(52.0);

        assertThat(exceptionCode(s.write(FunctionCode.WRITE_SINGLE_REGISTER, 26, new int[] { 5 }))).isEqualTo(1);
        assertThat(exceptionCode(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 26, new int[] { 16 }))).isEqualTo(3);
        assertThat(exceptionCode(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 56, new int[] { 3 }))).isEqualTo(3);
        assertThat(exceptionCode(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 30, new int[] { 0x0100 })))
                .isEqualTo(3); // not an s8
        assertThat(exceptionCode(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 1, new int[] { 1 }))).isEqualTo(2);
        assertThat(exceptionCode(s.read(FunctionCode.READ_INPUT_REGISTERS, 18, 1))).isEqualTo(2); // holding 18 only
        assertThat(exceptionCode(s.read(FunctionCode.READ_INPUT_REGISTERS, 4, 3))).isEqualTo(2); // 6 undefined
    }

    @Test
    void s2125HasNoBrineSensors() {
        ModbusSimulatedDevice air = new ModbusSimulatedDevice("sim-s2125", new NibeSSeriesSimulator("s2125"), 1,
                h.simClock, 22);
        ModbusSession a = h.start(air, 1);
        assertThat(exceptionCode(a.read(FunctionCode.READ_INPUT_REGISTERS, 10, 1))).isEqualTo(2);
        assertThat(join(a.read(FunctionCode.READ_INPUT_REGISTERS, 1, 1))).hasSize(1);
        assertThat(air.profile().airSource()).isTrue();
    }
}
