package org.heatpumpsuite.polling.vendor.idm;

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

/** The simulated iDM Navigator 2.0 over a real socket, checked against the reference facts. */
class IdmSimulatorTest {

    private SimulatorHarness h;
    private ModbusSimulatedDevice idm;
    private ModbusSession s;

    @BeforeEach
    void start() {
        h = new SimulatorHarness();
        idm = new ModbusSimulatedDevice("sim-idm", new IdmSimulator(), 1, h.simClock, 11);
        s = h.start(idm, 1);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /** Test-side decoding, written from the reference: FLOAT low word first. */
    private static float flt(int[] w) {
        return Float.intBitsToFloat(w[1] << 16 | w[0]);
    }

    private float readFloat(int address) {
        return flt(join(s.read(FunctionCode.READ_INPUT_REGISTERS, address, 2)));
    }

    @Test
    void ownFloatEncodingMatchesTheTestVectors() {
        assertThat(IdmSimulator.floatWords(-5.5)).containsExactly(0x0000, 0xC0B0); // §1 #1
        assertThat(IdmSimulator.floatWords(12.3)).containsExactly(0xCCCD, 0x4144); // §1 #1, #2
        assertThat(IdmSimulator.floatWords(0.6)).containsExactly(0x999A, 0x3F19); // §1 #3
        assertThat(IdmSimulator.floatWords(21.5)).containsExactly(0x0000, 0x41AC); // §1 #4
        assertThat(IdmSimulator.floatWords(-1.0)).containsExactly(0x0000, 0xBF80); // §1 #10
        assertThat(IdmSimulator.wordValue(-1)).isEqualTo(0xFFFF); // §1 #6
    }

    @Test
    void everyValueOfTheReferenceIsReadableWithFc03AndFc04() {
        List<String> fc04 = SimulatorHarness.fullPoll(s, idm.profile().layout(), FunctionCode.READ_INPUT_REGISTERS,
                FunctionCode.READ_INPUT_REGISTERS);
        List<String> fc03 = SimulatorHarness.fullPoll(s, idm.profile().layout(), FunctionCode.READ_HOLDING_REGISTERS,
                FunctionCode.READ_HOLDING_REGISTERS);
        // the reference lists 98 single values, 16 per heating circuit (A..G), 3 per zone module and 5 per room
        assertThat(fc04).hasSize(98 + 7 * 16 + 10 * (3 + 8 * 5)).isEqualTo(fc03);
        assertThat(fc04).contains("outdoor_temp", "dhw_temp_top", "heat_qty_total", "circuit_g_mode",
                "zone_10_room_8_relay", "zone_10_room_9_relay");
        // §1 #9: address formulas
        assertThat(idm.profile().layout().at(org.heatpumpsuite.polling.simulator.RegisterLayout.Table.HOLDING, 1354)
                .name()).isEqualTo("circuit_c_flow_temp");
        assertThat(idm.profile().layout().at(org.heatpumpsuite.polling.simulator.RegisterLayout.Table.HOLDING, 2083)
                .name()).isEqualTo("zone_2_room_3_target");
        assertThat(idm.profile().layout().at(org.heatpumpsuite.polling.simulator.RegisterLayout.Table.HOLDING, 2649)
                .name()).isEqualTo("zone_10_room_9_relay");
    }

    @Test
    void valuesFollowThePhysicsAndChangeOverTime() {
        PumpState st = idm.state();
        assertThat(readFloat(1000)).isEqualTo((float) st.outdoorTemp());
        assertThat(readFloat(1014)).isEqualTo((float) st.dhwTopTemp()); // 1014 = top (B48)
        assertThat(readFloat(1012)).isEqualTo((float) st.dhwBottomTemp()); // 1012 = bottom (B41)
        assertThat(readFloat(1050)).isEqualTo((float) st.flowTemp());
        assertThat(readFloat(1052)).isEqualTo((float) st.returnTemp());
        float energyBefore = readFloat(1750);
        float outdoorBefore = readFloat(1000);
        h.advance(Duration.ofHours(7));
        assertThat(readFloat(1000)).isNotEqualTo(outdoorBefore);
        assertThat(readFloat(1750)).isGreaterThan(energyBefore);
        // Over a day: heating with flow above return; hot water (bit 4) and defrost (bit 8) now and then
        boolean sawHeating = false;
        boolean sawDhw = false;
        boolean sawDefrost = false;
        for (int i = 0; i < 24 * 12; i++) {
            h.advance(Duration.ofMinutes(5));
            int mode = join(s.read(FunctionCode.READ_INPUT_REGISTERS, 1090, 1))[0];
            if (mode == 1) {
                sawHeating = true;
                assertThat(readFloat(1050)).isGreaterThan(readFloat(1052));
            }
            sawDhw |= mode == 4;
            sawDefrost |= mode == 8;
        }
        assertThat(sawHeating).isTrue();
        assertThat(sawDhw).isTrue();
        assertThat(sawDefrost).isTrue();
    }

    @Test
    void notAvailableMarkersAppear() {
        assertThat(join(s.read(FunctionCode.READ_INPUT_REGISTERS, 1101, 3))).containsExactly(0xFFFF, 0xFFFF, 0xFFFF);
        assertThat((short) join(s.read(FunctionCode.READ_INPUT_REGISTERS, 1105, 1))[0]).isEqualTo((short) -1);
        assertThat(readFloat(1716)).isEqualTo(-1.0f);
        assertThat((short) join(s.read(FunctionCode.READ_INPUT_REGISTERS, 86, 1))[0]).isEqualTo((short) -1);
    }

    @Test
    void writesAreHonouredWithFc16AndRejectedWhereTheDeviceWould() {
        join(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 1401, new int[] { 0x0000, 0x41AC })); // §1 #4
        assertThat(join(s.read(FunctionCode.READ_HOLDING_REGISTERS, 1401, 2))).containsExactly(0x0000, 0x41AC);
        join(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 1032, new int[] { 52 }));
        assertThat(join(s.read(FunctionCode.READ_HOLDING_REGISTERS, 1032, 1))).containsExactly(52);
        h.advance(Duration.ofHours(6));
        assertThat(idm.physics().dhwTarget()).isEqualTo(52.0); // the set point drives the tank charge

        assertThat(exceptionCode(s.write(FunctionCode.WRITE_SINGLE_REGISTER, 1032, new int[] { 50 }))).isEqualTo(1);
        assertThat(exceptionCode(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 1000, IdmSimulator.floatWords(3))))
                .isEqualTo(2); // read-only
        assertThat(exceptionCode(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 1401, new int[] { 0 })))
                .isEqualTo(2); // half a FLOAT
        assertThat(exceptionCode(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 1032, new int[] { 96 })))
                .isEqualTo(3); // max 95
        assertThat(exceptionCode(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 1429, IdmSimulator.floatWords(4.0))))
                .isEqualTo(3); // curve 0.1..3.5
        int roomTarget = IdmSimulator.roomBase(1, 2) + 2; // 2083
        assertThat(exceptionCode(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, roomTarget,
                IdmSimulator.floatWords(21.3)))).isEqualTo(3); // only 0.5 K steps
        join(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, roomTarget, IdmSimulator.floatWords(22.5)));
        assertThat(flt(join(s.read(FunctionCode.READ_HOLDING_REGISTERS, roomTarget, 2)))).isEqualTo(22.5f);
        // §1 #8 behaviour: a block touching an undefined address → 02
        assertThat(exceptionCode(s.read(FunctionCode.READ_INPUT_REGISTERS, 1004, 6))).isEqualTo(2);
        assertThat(exceptionCode(s.read(FunctionCode.READ_INPUT_REGISTERS, 4124, 2))).isEqualTo(2); // undocumented
    }

    @Test
    void oneTimeHotWaterRequestResetsItselfAfterTheCharge() {
        join(s.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 1713, new int[] { 1 }));
        assertThat(join(s.read(FunctionCode.READ_HOLDING_REGISTERS, 1713, 1))).containsExactly(1);
        for (int i = 0; i < 7 * 12 && join(s.read(FunctionCode.READ_HOLDING_REGISTERS, 1713, 1))[0] == 1; i++) {
            h.advance(Duration.ofMinutes(5));
        }
        assertThat(join(s.read(FunctionCode.READ_HOLDING_REGISTERS, 1713, 1))).containsExactly(0);
    }

    @Test
    void overlappingFloatsOfTheReferenceAreOneWord() {
        // 1392 (humidity FLOAT) and 1393 (circuit A mode) overlap in the reference: the mode keeps 1393
        int[] w = join(s.read(FunctionCode.READ_INPUT_REGISTERS, 1392, 2));
        assertThat(w[1]).isEqualTo(1); // circuit A mode "timer program"
        assertThat(IdmSimulator.OVERLAPPED_HIGH_WORDS).containsExactlyInAnyOrder(1393, 1442, 1484);
    }
}
