package org.heatpumpsuite.polling.vendor.idm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatpumpsuite.polling.vendor.ModbusFrames.hex;
import static org.heatpumpsuite.polling.vendor.VectorSupport.planFor;
import static org.heatpumpsuite.polling.vendor.VectorSupport.sensor;
import static org.heatpumpsuite.polling.vendor.VectorSupport.valueAt;

import java.util.List;

import org.heatpumpsuite.polling.transport.DeviceException;
import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.vendor.BadAddressMemory;
import org.heatpumpsuite.polling.vendor.BlockReader;
import org.heatpumpsuite.polling.vendor.Codecs;
import org.heatpumpsuite.polling.vendor.DataDrivenDriver;
import org.heatpumpsuite.polling.vendor.DeviceConfig;
import org.heatpumpsuite.polling.vendor.Drivers;
import org.heatpumpsuite.polling.vendor.FakeModbusSession;
import org.heatpumpsuite.polling.vendor.ModbusFrames;
import org.heatpumpsuite.polling.vendor.Persistence;
import org.heatpumpsuite.polling.vendor.RawData;
import org.heatpumpsuite.polling.vendor.ReadBlock;
import org.heatpumpsuite.polling.vendor.ReadPlan;
import org.heatpumpsuite.polling.vendor.Reading;
import org.heatpumpsuite.polling.vendor.Table;
import org.heatpumpsuite.polling.vendor.WordOrder;
import org.heatpumpsuite.polling.vendor.Write;
import org.junit.jupiter.api.Test;

/** reference/test-vectors.md section 1 (iDM Navigator 2.0), one test per vector. */
class IdmGoldenVectorsTest {

    private static final DataDrivenDriver IDM = (DataDrivenDriver) Drivers.forModel("idm", "navigator_2_0");
    private static final String M = "navigator_2_0";
    private static final DeviceConfig CFG = DeviceConfig.idm(List.of("A"), List.of());

    @Test
    void vector01_readOutdoorTemperatureAndAverage() {
        List<ReadBlock> blocks = planFor(IDM, M, CFG, "temp_outside", "temp_outside_avg");
        assertThat(blocks).hasSize(1);
        assertThat(ModbusFrames.readRequest(0x0001, 1, blocks.get(0))).isEqualTo(hex("0001 0000 0006 01 04 03E8 0004"));

        int[] regs = ModbusFrames.registers("0001 0000 000B 01 04 08 0000 C0B0 CCCD 4144");
        Reading r = IDM.decode(M, CFG, RawData.modbus().put(Table.INPUT, blocks.get(0).address(), regs));
        assertThat(r.values()).containsEntry("temp_outside", -5.5).containsEntry("temp_outside_avg", 12.3);
        assertThat(r.units()).containsEntry("temp_outside", "°C");
        assertThat(Codecs.idmFloat(0xCCCD, 0x4144)).isEqualTo(12.300000190734863f);
    }

    @Test
    void vector02_floatRegisterPairLowWordFirst() {
        assertThat(valueAt(IDM, M, CFG, "temp_outside_avg", 0xCCCD, 0x4144)).isEqualTo(12.3);
        float wrongOrder = Codecs.float32(0xCCCD, 0x4144, WordOrder.BIG);
        assertThat((double) wrongOrder).isBetween(-1.09e8, -1.07e8);
    }

    @Test
    void vector03_heatingCurveCircuitA() {
        assertThat(sensor(IDM, M, CFG, "circuit_a_heating_curve").register().address()).isEqualTo(1429);
        assertThat(valueAt(IDM, M, CFG, "circuit_a_heating_curve", 0x999A, 0x3F19)).isEqualTo(0.6);
    }

    @Test
    void vector04_writeRoomTargetHeatingNormalCircuitA() {
        Write w = IDM.encodeWrite(M, "circuit_a_room_target_heat_normal", 21.5, CFG);
        assertThat(w.functionCode()).isEqualTo(FunctionCode.WRITE_MULTIPLE_REGISTERS);
        assertThat(w.words()).containsExactly(0x0000, 0x41AC);
        assertThat(ModbusFrames.writeRequest(0x0002, 1, w)).isEqualTo(hex("0002 0000 000B 01 10 0579 0002 04 0000 41AC"));
        assertThat(w.writable().persistence()).isEqualTo(Persistence.EEPROM);
    }

    @Test
    void vector05_hotWaterTargetUchar() {
        assertThat(sensor(IDM, M, CFG, "dhw_target").register().address()).isEqualTo(1032);
        assertThat(valueAt(IDM, M, CFG, "dhw_target", 0x0030)).isEqualTo(48L);
        assertThat(IDM.encode(M, "dhw_target", 48, CFG)).containsExactly(0x0030);
    }

    @Test
    void vector06_chargePumpWordMinusOneIsOff() {
        assertThat(sensor(IDM, M, CFG, "charge_pump").register().address()).isEqualTo(1104);
        assertThat(valueAt(IDM, M, CFG, "charge_pump", 0xFFFF)).isEqualTo(-1L);
    }

    @Test
    void vector07_compressor2StatusNotAvailableOnSingleStageUnit() {
        Reading r = org.heatpumpsuite.polling.vendor.VectorSupport.decodeAt(IDM, M, CFG, "compressor_2_running", 0xFFFF);
        assertThat(sensor(IDM, M, CFG, "compressor_2_running").register().address()).isEqualTo(1101);
        assertThat(r.values()).doesNotContainKey("compressor_2_running");
        assertThat(r.errors()).noneMatch(e -> e.sensor().equals("compressor_2_running"));
        assertThat(valueAt(IDM, M, CFG, "compressor_2_running", 0x0001)).isEqualTo(true);
    }

    @Test
    void vector08_illegalDataAddressFallsBackToSingleReads() {
        DeviceException e = ModbusFrames.exception("84 02");
        assertThat(e.modbusExceptionCode()).isEqualTo(2);
        assertThat(e.retryable()).isFalse();

        // A Navigator 1.7-like device: the heat-quantity group 1748.. answers exception 02, everything else is there.
        FakeModbusSession device = new FakeModbusSession().fill(IDM.sensors(M, CFG), 0);
        for (int a = 1748; a <= 1763; a++) {
            device.remove(FunctionCode.READ_INPUT_REGISTERS, a);
        }
        device.set(FunctionCode.READ_INPUT_REGISTERS, 1752, 0, 0); // one register of the group does exist
        BadAddressMemory memory = new BadAddressMemory();
        ReadPlan plan = IDM.readPlan(M, CFG, memory);
        RawData raw = BlockReader.read(device, plan, memory).toCompletableFuture().join();
        Reading r = IDM.decode(M, CFG, raw);
        assertThat(r.values()).containsEntry("heat_quantity_cooling", 0.0).containsKey("temp_outside");
        assertThat(r.errors()).anySatisfy(err -> {
            assertThat(err.sensor()).isEqualTo("heat_quantity_heating");
            assertThat(err.kind()).isEqualTo("modbus_exception");
            assertThat(err.modbusExceptionCode()).isEqualTo(2);
        });
        assertThat(memory.isBad(Table.INPUT, 1748)).isTrue();
        assertThat(memory.isBad(Table.INPUT, 1752)).isFalse();
    }

    @Test
    void vector09_addressFormulas() {
        DeviceConfig cfg = DeviceConfig.idm(List.of("C", "G"),
                List.of(new DeviceConfig.ZoneModule(2, 3), new DeviceConfig.ZoneModule(10, 1)));
        assertThat(sensor(IDM, M, cfg, "circuit_c_temp_flow").register().address()).isEqualTo(1354);
        assertThat(sensor(IDM, M, cfg, "circuit_g_mode").register().address()).isEqualTo(1399);
        assertThat(sensor(IDM, M, cfg, "zone_2_room_3_target").register().address()).isEqualTo(2083);
        assertThat(sensor(IDM, M, cfg, "zone_10_room_9_relay").register().address()).isEqualTo(2649);
    }

    @Test
    void vector10_negativeFloatSetpointMinusOne() {
        assertThat(Codecs.idmFloat(0x0000, 0xBF80)).isEqualTo(-1.0f);
        assertThat(Codecs.encodeFloat32(-1.0f, WordOrder.LITTLE)).containsExactly(0x0000, 0xBF80);
        // 1716 (GLT heat storage temperature) has no documented range: writable only within an installer range.
        DeviceConfig cfg = CFG.withWriteRange("bms_heat_storage_temp", new DeviceConfig.WriteRange(new java.math.BigDecimal("-1"),
                new java.math.BigDecimal("90"), null));
        Write w = IDM.encodeWrite(M, "bms_heat_storage_temp", -1.0, cfg);
        assertThat(w.address()).isEqualTo(1716);
        assertThat(w.words()).containsExactly(0x0000, 0xBF80);
    }
}
