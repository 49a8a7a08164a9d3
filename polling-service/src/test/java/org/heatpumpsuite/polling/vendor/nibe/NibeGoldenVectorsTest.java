package org.heatpumpsuite.polling.vendor.nibe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatpumpsuite.polling.vendor.ModbusFrames.hex;
import static org.heatpumpsuite.polling.vendor.VectorSupport.decodeAt;
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
import org.heatpumpsuite.polling.vendor.RawData;
import org.heatpumpsuite.polling.vendor.ReadBlock;
import org.heatpumpsuite.polling.vendor.Reading;
import org.heatpumpsuite.polling.vendor.Table;
import org.heatpumpsuite.polling.vendor.WordOrder;
import org.heatpumpsuite.polling.vendor.Write;
import org.junit.jupiter.api.Test;

/** reference/test-vectors.md section 2 (NIBE), one test per vector. */
class NibeGoldenVectorsTest {

    private static final DataDrivenDriver NIBE = (DataDrivenDriver) Drivers.forManufacturer("nibe");
    private static final DeviceConfig CFG = DeviceConfig.empty();

    @Test
    void vector01_fSeriesOutdoorTemperatureRegister40004IsPdu3WithFc03() {
        List<ReadBlock> blocks = planFor(NIBE, "f1155", CFG, "temp_outside");
        assertThat(ModbusFrames.readRequest(0x0001, 1, blocks.get(0))).isEqualTo(hex("0001 0000 0006 01 03 0003 0001"));
        int[] regs = ModbusFrames.registers("0001 0000 0005 01 03 02 FFCE");
        Reading r = NIBE.decode("f1155", CFG, RawData.modbus().put(Table.HOLDING, 3, regs));
        assertThat(r.values()).containsEntry("temp_outside", -5.0);
    }

    @Test
    void vector02_sSeriesOutdoorTemperatureInput1WithFc04() {
        List<ReadBlock> blocks = planFor(NIBE, "s1255", CFG, "temp_outside");
        assertThat(ModbusFrames.readRequest(0x0001, 1, blocks.get(0))).endsWith(hex("01 04 0001 0001"));
        int[] regs = ModbusFrames.registers("04 02 00D2");
        Reading r = NIBE.decode("s1255", CFG, RawData.modbus().put(Table.INPUT, 1, regs));
        assertThat(r.values()).containsEntry("temp_outside", 21.0);
    }

    @Test
    void vector03_s16InputRegister() {
        assertThat(Codecs.s16(0xFFF6)).isEqualTo(-10);
        assertThat(valueAt(NIBE, "s1255", CFG, "temp_outside", 0xFFF6)).isEqualTo(-1.0);
    }

    @Test
    void vector04_u32WithWordSwapOn() {
        assertThat(Codecs.u32(1, 0, WordOrder.LITTLE)).isEqualTo(1L);
        assertThat(Codecs.u32(0, 32768, WordOrder.LITTLE)).isEqualTo(0x80000000L);
        assertThat(valueAt(NIBE, "s1255", CFG, "compressor_starts_total", 1, 0)).isEqualTo(1L);
        assertThat(valueAt(NIBE, "s1255", CFG, "compressor_starts_total", 0, 32768)).isEqualTo(0x80000000L);
    }

    @Test
    void vector05_s32WithWordSwapOn() {
        assertThat(Codecs.s32(0xFFF6, 0xFFFF, WordOrder.LITTLE)).isEqualTo(-10);
        assertThat(valueAt(NIBE, "s1255", CFG, "compressor_hours_total", 0xFFF6, 0xFFFF)).isEqualTo(-10L);
    }

    @Test
    void vector06_s32WithWordSwapOff() {
        assertThat(Codecs.s32(0xFFFF, 0xFFF6, WordOrder.BIG)).isEqualTo(-10);
        DeviceConfig big = CFG.withWordOrder(WordOrder.BIG);
        assertThat(valueAt(NIBE, "f1155", big, "compressor_hours_total", 0xFFFF, 0xFFF6)).isEqualTo(-10L);
        assertThat(NIBE.encode("f1155", "degree_minutes_32", -1.0, big)).containsExactly(0xFFFF, 0xFFF6);
    }

    @Test
    void vector07_sSeriesCompressorStartsInput1534() {
        assertThat(sensor(NIBE, "s1255", CFG, "compressor_starts_total").register().address()).isEqualTo(1534);
        assertThat(valueAt(NIBE, "s1255", CFG, "compressor_starts_total", 0x86A0, 0x0001)).isEqualTo(100000L);
    }

    @Test
    void vector08_sSeriesDegreeMinutesHolding11() {
        var s = sensor(NIBE, "s1255", CFG, "degree_minutes");
        assertThat(s.register().table()).isEqualTo(Table.HOLDING);
        assertThat(s.register().address()).isEqualTo(11);
        assertThat(valueAt(NIBE, "s1255", CFG, "degree_minutes", 0xFDA8, 0xFFFF)).isEqualTo(-60.0);
    }

    @Test
    void vector09_noValueMarkersDecodeToAbsent() {
        assertAbsent("s1255", "temp_outside", 0x8000); // s16
        assertAbsent("s1255", "compressor_frequency", 0xFFFF); // u16
        assertAbsent("s1255", "operating_mode_raw", 0x00FF); // u8
        assertAbsent("s1255", "compressor_hours_total", 0x0000, 0x8000); // s32 0x80000000, low word first
        assertThat(NIBE.decode("s1255", CFG, RawData.modbus().put(Table.INPUT, 1028, new int[] { 0x00FF })).values())
                .doesNotContainKeys("operating_mode_raw", "operating_mode");
    }

    private static void assertAbsent(String model, String id, int... words) {
        Reading r = decodeAt(NIBE, model, CFG, id, words);
        assertThat(r.values()).as(id).doesNotContainKey(id);
        assertThat(r.errors()).as(id).noneMatch(e -> e.sensor().equals(id));
    }

    @Test
    void vector10_writeS8AndS16MinusTen() {
        assertThat(NIBE.encode("s1255", "heat_offset", -10, CFG)).containsExactly(0xFFF6); // s8, sign-extended
        assertThat(NIBE.encode("s1255", "degree_minutes_limit", -1.0, CFG)).containsExactly(0xFFF6); // s16 /10
    }

    @Test
    void vector11_fSeriesWriteHeatCurve9ToRegister47007() {
        Write w = NIBE.encodeWrite("f1155", "heat_curve", 9, CFG);
        assertThat(w.address()).isEqualTo(7006);
        assertThat(ModbusFrames.writeRequest(0x0002, 1, w)).isEqualTo(hex("0002 0000 0009 01 10 1B5E 0001 02 0009"));
    }

    @Test
    void vector12_sSeriesIllegalFunctionOnFc04IsNotABadAddress() {
        DeviceException e = ModbusFrames.exception("84 01");
        assertThat(e.modbusExceptionCode()).isEqualTo(1);
        FakeModbusSession device = new FakeModbusSession().fill(NIBE.sensors("s1255", CFG), 0).failAll(FunctionCode.READ_INPUT_REGISTERS, e);
        BadAddressMemory memory = new BadAddressMemory();
        var plan = NIBE.readPlan("s1255", CFG, memory);
        Reading r = NIBE.decode("s1255", CFG, BlockReader.read(device, plan, memory).toCompletableFuture().join());
        assertThat(r.errors()).anySatisfy(err -> {
            assertThat(err.sensor()).isEqualTo("temp_outside");
            assertThat(err.kind()).isEqualTo("modbus_exception");
            assertThat(err.modbusExceptionCode()).isEqualTo(1);
        });
        assertThat(r.values()).containsKey("heat_curve"); // holding registers (FC03) still read
        assertThat(memory.badCount()).isZero(); // transient: the next poll asks again
        assertThat(NIBE.readPlan("s1255", CFG, memory).blocks()).isEqualTo(plan.blocks());
    }
}
