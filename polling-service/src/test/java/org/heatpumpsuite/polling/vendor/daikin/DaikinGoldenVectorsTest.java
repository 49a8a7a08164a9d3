package org.heatpumpsuite.polling.vendor.daikin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.heatpumpsuite.polling.vendor.ModbusFrames.hex;
import static org.heatpumpsuite.polling.vendor.VectorSupport.decodeAt;
import static org.heatpumpsuite.polling.vendor.VectorSupport.planFor;
import static org.heatpumpsuite.polling.vendor.VectorSupport.valueAt;

import java.math.BigDecimal;
import java.util.List;

import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.vendor.BadAddressMemory;
import org.heatpumpsuite.polling.vendor.Codecs;
import org.heatpumpsuite.polling.vendor.DataDrivenDriver;
import org.heatpumpsuite.polling.vendor.DeviceConfig;
import org.heatpumpsuite.polling.vendor.Drivers;
import org.heatpumpsuite.polling.vendor.ModbusFrames;
import org.heatpumpsuite.polling.vendor.RawData;
import org.heatpumpsuite.polling.vendor.ReadBlock;
import org.heatpumpsuite.polling.vendor.Reading;
import org.heatpumpsuite.polling.vendor.Table;
import org.heatpumpsuite.polling.vendor.Write;
import org.heatpumpsuite.polling.vendor.WriteRejectedException;
import org.junit.jupiter.api.Test;

/** reference/test-vectors.md section 4 (Daikin Altherma 3 through HomeHub EKRHH), one test per vector. */
class DaikinGoldenVectorsTest {

    private static final DataDrivenDriver DAIKIN = (DataDrivenDriver) Drivers.forModel("daikin", "altherma_3");
    private static final String M = "altherma_3";
    private static final DeviceConfig CFG = DeviceConfig.empty();

    @Test
    void vector01_outdoorAirTemperatureInput44IsPdu43() {
        List<ReadBlock> blocks = planFor(DAIKIN, M, CFG, "temp_outside");
        assertThat(ModbusFrames.readRequest(0x0001, 1, blocks.get(0))).isEqualTo(hex("0001 0000 0006 01 04 002B 0001"));
        int[] regs = ModbusFrames.registers("0001 0000 0005 01 04 02 FE0C");
        assertThat(DAIKIN.decode(M, CFG, RawData.modbus().put(Table.INPUT, 43, regs)).values()).containsEntry("temp_outside", -5.0);
    }

    @Test
    void vector02_hotWaterTemperatureInput43() {
        assertThat(valueAt(DAIKIN, M, CFG, "temp_hot_water", 0x1194)).isEqualTo(45.0);
    }

    @Test
    void vector03_unitErrorCodeText16() {
        assertThat(Codecs.text16(0x5538)).isEqualTo("U8");
        assertThat(valueAt(DAIKIN, M, CFG, "error_code", 0x5538)).isEqualTo("U8");
    }

    @Test
    void vector04_unitErrorSubCode32766MeansNoError() {
        Reading r = decodeAt(DAIKIN, M, CFG, "unit_error_subcode", 0x7FFE);
        assertThat(r.values()).doesNotContainKey("unit_error_subcode");
        assertThat(r.errors()).noneMatch(e -> e.sensor().equals("unit_error_subcode"));
        assertThat(valueAt(DAIKIN, M, CFG, "unit_error_subcode", 5)).isEqualTo(5L);
    }

    @Test
    void vector05_heatPumpPowerConsumptionPow16() {
        assertThat(valueAt(DAIKIN, M, CFG, "power_electric", 0x00FA)).isEqualTo(2.5);
    }

    @Test
    void vector06_flowRateInput49() {
        Reading r = decodeAt(DAIKIN, M, CFG, "flow_rate", 0x07D0);
        assertThat(r.values()).containsEntry("flow_rate", 20.0);
        assertThat(r.units()).containsEntry("flow_rate", "l/min");
    }

    @Test
    void vector07_smartGridModeForcedOffWithFc06() {
        Write w = DAIKIN.encodeWrite(M, "smart_grid_mode", 1, CFG);
        assertThat(w.functionCode()).isEqualTo(FunctionCode.WRITE_SINGLE_REGISTER);
        assertThat(ModbusFrames.writeRequest(0x0002, 1, w)).isEqualTo(hex("0002 0000 0006 01 06 0037 0001"));
        assertThat(DAIKIN.encodeWrite(M, "smart_grid_mode", "forced_off", CFG).words()).containsExactly(1);
    }

    @Test
    void vector08_generalPowerLimit3point5kW() {
        Write w = DAIKIN.encodeWrite(M, "general_power_limit", 3.5, CFG);
        assertThat(w.address()).isEqualTo(57);
        assertThat(w.words()).containsExactly(0x015E);
    }

    @Test
    void vector09_mainHeatingLeavingWaterSetPointWholeDegrees() {
        assertThatThrownBy(() -> DAIKIN.encodeWrite(M, "lwt_main_heating_setpoint", 35, CFG)).isInstanceOf(WriteRejectedException.class);
        DeviceConfig cfg = CFG.withWriteRange("lwt_main_heating_setpoint", new DeviceConfig.WriteRange(new BigDecimal("25"), new BigDecimal("55"), null));
        Write w = DAIKIN.encodeWrite(M, "lwt_main_heating_setpoint", 35, cfg);
        assertThat(w.address()).isZero();
        assertThat(w.words()).containsExactly(0x0023);
        assertThat(valueAt(DAIKIN, M, CFG, "lwt_main_heating_setpoint", 0x0023)).isEqualTo(35L);
    }

    @Test
    void vector10_blockReadOfInputRegisters21To61() {
        List<ReadBlock> inputs = DAIKIN.readPlan(M, CFG, new BadAddressMemory()).blocks().stream()
                .filter(b -> b.table() == Table.INPUT).toList();
        assertThat(inputs).hasSize(1);
        assertThat(ModbusFrames.readPdu(inputs.get(0))).isEqualTo(hex("04 0014 0029"));
        int[] regs = new int[41];
        regs[44 - 21] = 0xFE0C;
        regs[43 - 21] = 0x1194;
        Reading r = DAIKIN.decode(M, CFG, RawData.modbus().put(Table.INPUT, 20, regs));
        assertThat(r.values()).containsEntry("temp_outside", -5.0).containsEntry("temp_hot_water", 45.0);
    }
}
