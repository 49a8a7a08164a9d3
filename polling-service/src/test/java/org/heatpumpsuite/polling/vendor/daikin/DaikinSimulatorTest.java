package org.heatpumpsuite.polling.vendor.daikin;

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

/** The simulated Daikin Altherma 3 / HomeHub over a real socket, checked against daikin-altherma.yaml and §4. */
class DaikinSimulatorTest {

    private SimulatorHarness h;
    private ModbusSimulatedDevice daikin;
    private ModbusSession s;

    @BeforeEach
    void start() {
        h = new SimulatorHarness();
        daikin = new ModbusSimulatedDevice("sim-daikin", new DaikinSimulator(), 1, h.simClock, 41);
        s = h.start(daikin, 1);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /** Register n (Daikin numbering) of the input table, as signed int16. */
    private int input(int register) {
        return (short) join(s.read(FunctionCode.READ_INPUT_REGISTERS, register - 1, 1))[0];
    }

    private int holding(int register) {
        return (short) join(s.read(FunctionCode.READ_HOLDING_REGISTERS, register - 1, 1))[0];
    }

    private void write(int register, int value) {
        join(s.write(FunctionCode.WRITE_SINGLE_REGISTER, register - 1, new int[] { value & 0xFFFF }));
    }

    @Test
    void ownEncodingMatchesTheTestVectors() {
        assertThat(DaikinSimulator.temp16(-5.0)).isEqualTo(0xFE0C); // §4 #1
        assertThat(DaikinSimulator.temp16(45.0)).isEqualTo(0x1194); // §4 #2
        assertThat(DaikinSimulator.text16("U8")).isEqualTo(0x5538); // §4 #3
        assertThat(DaikinSimulator.NOT_APPLICABLE).isEqualTo(0x7FFE); // §4 #4
        assertThat(DaikinSimulator.pdu(44)).isEqualTo(0x2B);
    }

    @Test
    void everyAltherma3RegisterIsReadableAtRegisterMinusOne() {
        List<String> read = SimulatorHarness.fullPoll(s, daikin.profile().layout(),
                FunctionCode.READ_HOLDING_REGISTERS, FunctionCode.READ_INPUT_REGISTERS);
        assertThat(read).hasSize(23 + 30).contains("outdoor_air_temp", "smart_grid_mode");
        // §4 #10: gerione's block read FC04 PDU 20 x 41 fails here, since 24..29, 34, 39, 46..48 are not in the map
        assertThat(exceptionCode(s.read(FunctionCode.READ_INPUT_REGISTERS, 20, 41))).isEqualTo(2);
        assertThat(join(s.read(FunctionCode.READ_INPUT_REGISTERS, 39, 6))).hasSize(6); // registers 40..45
    }

    @Test
    void valuesFollowThePhysics() {
        PumpState st = daikin.state();
        assertThat(input(44)).isEqualTo((int) Math.round(st.outdoorTemp() * 100)); // Temp16 /100
        assertThat(input(41)).isEqualTo((int) Math.round(st.flowTemp() * 100));
        assertThat(input(42)).isEqualTo((int) Math.round(st.returnTemp() * 100));
        assertThat(input(43)).isEqualTo((int) Math.round(st.dhwTopTemp() * 100));
        assertThat(input(51)).isEqualTo((int) Math.round(st.electricPowerKw() * 100)); // Pow16
        assertThat(input(31)).isEqualTo(st.compressorOn() ? 1 : 0);
        assertThat(input(54)).isEqualTo(1200); // LWT heating set point min 12.00 °C
        boolean sawWarning = false;
        boolean sawNoError = false;
        for (int i = 0; i < 4 * 24 * 2; i++) { // four days in 30-minute steps
            h.advance(Duration.ofMinutes(30));
            if (input(21) == 2) {
                sawWarning = true;
                assertThat(join(s.read(FunctionCode.READ_INPUT_REGISTERS, 21, 1))).containsExactly(0x5538); // "U8"
            } else {
                sawNoError = true;
                assertThat(input(23)).isEqualTo(32766);
            }
        }
        assertThat(sawWarning).isTrue();
        assertThat(sawNoError).isTrue();
    }

    @Test
    void writesWithFc06ClampSetPointsAndIgnoreOtherOutOfRangeValues() {
        write(1, 40); // §4 #9: whole °C
        assertThat(holding(1)).isEqualTo(40);
        write(1, 70);
        assertThat(holding(1)).isEqualTo(65); // clamped to the nearest limit
        write(10, 20);
        assertThat(holding(10)).isEqualTo(30);
        write(56, 1); // §4 #7 smart grid forced off
        assertThat(holding(56)).isEqualTo(1);
        write(56, 7);
        assertThat(holding(56)).isEqualTo(1); // ignored, no exception
        write(58, 0x015E); // §4 #8 3.5 kW
        assertThat(holding(58)).isEqualTo(350);
        write(10, 55);
        h.advance(Duration.ofSeconds(2));
        daikin.state();
        assertThat(daikin.physics().dhwTarget()).isEqualTo(55.0);

        assertThat(exceptionCode(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 0, new int[] { 35 }))).isEqualTo(1);
        assertThat(exceptionCode(s.write(FunctionCode.WRITE_SINGLE_REGISTER, 43, new int[] { 1 }))).isEqualTo(2);
        assertThat(exceptionCode(s.read(FunctionCode.READ_HOLDING_REGISTERS, 4, 1))).isEqualTo(2); // register 5
    }

    @Test
    void heatingOnlyUnitReportsNotApplicableOperationMode() {
        ModbusSimulatedDevice heatingOnly = new ModbusSimulatedDevice("sim-daikin-ho", new DaikinSimulator(true), 1,
                h.simClock, 42);
        ModbusSession ho = h.start(heatingOnly, 1);
        assertThat(join(ho.read(FunctionCode.READ_HOLDING_REGISTERS, 2, 1))).containsExactly(32766);
        join(ho.write(FunctionCode.WRITE_SINGLE_REGISTER, 2, new int[] { 1 }));
        assertThat(join(ho.read(FunctionCode.READ_HOLDING_REGISTERS, 2, 1))).containsExactly(32766);
    }
}
