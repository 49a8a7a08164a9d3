package org.heatpumpsuite.polling.vendor.luxtronik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.heatpumpsuite.polling.vendor.ModbusFrames.bytes;
import static org.heatpumpsuite.polling.vendor.ModbusFrames.hex;

import java.math.BigDecimal;
import java.util.List;

import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.vendor.ArrayRead;
import org.heatpumpsuite.polling.vendor.BadAddressMemory;
import org.heatpumpsuite.polling.vendor.Codecs;
import org.heatpumpsuite.polling.vendor.DataType;
import org.heatpumpsuite.polling.vendor.DeviceConfig;
import org.heatpumpsuite.polling.vendor.Drivers;
import org.heatpumpsuite.polling.vendor.HeatpumpDriver;
import org.heatpumpsuite.polling.vendor.ModbusFrames;
import org.heatpumpsuite.polling.vendor.RawData;
import org.heatpumpsuite.polling.vendor.ReadBlock;
import org.heatpumpsuite.polling.vendor.Reading;
import org.heatpumpsuite.polling.vendor.Table;
import org.heatpumpsuite.polling.vendor.WordOrder;
import org.heatpumpsuite.polling.vendor.Write;
import org.heatpumpsuite.polling.vendor.WriteRejectedException;
import org.junit.jupiter.api.Test;

/** reference/test-vectors.md section 3 (Luxtronik), one test per vector. */
class LuxtronikGoldenVectorsTest {

    private static final HeatpumpDriver LUX = Drivers.forModel("luxtronik", "luxtronik_2_1");
    private static final String M = "luxtronik_2_1";
    private static final DeviceConfig CFG = DeviceConfig.empty();

    /** A 3004 answer with {@code count} calculations, zero except the given index/value pairs. */
    private static byte[] calculationsAnswer(int count, int... indexValue) {
        int[] values = new int[count];
        for (int i = 0; i < indexValue.length; i += 2) {
            values[indexValue[i]] = indexValue[i + 1];
        }
        int[] frame = new int[3 + count];
        frame[0] = 3004;
        frame[1] = 0;
        frame[2] = count;
        System.arraycopy(values, 0, frame, 3, count);
        return LuxtronikFrames.int32s(frame);
    }

    private static Reading decodeCalculations(byte[] answer) throws Exception {
        int[] calcs = LuxtronikFrames.parseCalculations(answer).values();
        return LUX.decode(M, CFG, RawData.luxtronik(calcs, new int[0], new byte[0]));
    }

    @Test
    void vector01_readCalculationsRequest() {
        assertThat(hex(LuxtronikFrames.readRequest(3004))).isEqualTo(hex("00000BBC 00000000"));
        assertThat(LUX.readPlan(M, CFG, new BadAddressMemory()).requests()).containsExactly(new ArrayRead(3003, Table.PARAMETERS),
                new ArrayRead(3004, Table.CALCULATIONS), new ArrayRead(3005, Table.VISIBILITIES));
    }

    @Test
    void vector02_calculationsAnswerHeader() throws Exception {
        byte[] answer = calculationsAnswer(267, 10, 350, 266, 7);
        assertThat(hex(answer)).startsWith(hex("00000BBC 00000000 0000010B"));
        LuxtronikFrames.Calculations c = LuxtronikFrames.parseCalculations(answer);
        assertThat(c.status()).isZero();
        assertThat(c.values()).hasSize(267);
        assertThat(Codecs.int32BigEndian(answer, 12 + 4 * 10)).isEqualTo(350);
        assertThat(c.values()[266]).isEqualTo(7);
        assertThat(LuxtronikFrames.answerLength(3004, java.util.Arrays.copyOf(answer, 12))).isEqualTo(12 + 4 * 267);
    }

    @Test
    void vector03_calculation10FlowTemperature() throws Exception {
        assertThat(decodeCalculations(calculationsAnswer(267, 10, 0x0000015E)).values()).containsEntry("temp_flow", 35.0);
    }

    @Test
    void vector04_calculation15OutdoorTemperatureSigned() throws Exception {
        assertThat(decodeCalculations(calculationsAnswer(267, 15, 0xFFFFFFCE)).values()).containsEntry("temp_outside", -5.0);
    }

    @Test
    void vector05_calculation151HeatQuantityHeating() throws Exception {
        assertThat(decodeCalculations(calculationsAnswer(267, 151, 0x0001E240)).values()).containsEntry("heat_quantity_heating_total", 12345.6);
    }

    @Test
    void vector06_calculation56CompressorOperatingTimeInSeconds() throws Exception {
        assertThat(decodeCalculations(calculationsAnswer(267, 56, 0x00008CA0)).values()).containsEntry("compressor_hours_total", 10.0);
    }

    @Test
    void vector07_calculation91IpAddress() throws Exception {
        assertThat(Codecs.ipv4(-1062731775)).isEqualTo("192.168.0.1");
        assertThat(decodeCalculations(calculationsAnswer(267, 91, 0xC0A80001)).values()).containsEntry("ip_address", "192.168.0.1");
    }

    @Test
    void vector08_calculation80OperatingMode() throws Exception {
        Reading r = decodeCalculations(calculationsAnswer(267, 80, 1));
        assertThat(r.values()).containsEntry("operating_mode", "hot_water").containsEntry("operating_mode_raw", 1L);
        assertThat(decodeCalculations(calculationsAnswer(267, 80, 0)).values()).containsEntry("operating_mode", "heating");
        assertThat(decodeCalculations(calculationsAnswer(267, 80, 5)).values()).containsEntry("operating_mode", "standby");
        assertThat(decodeCalculations(calculationsAnswer(267, 80, 7)).values()).containsEntry("operating_mode", "cooling");
    }

    @Test
    void vector09_calculations81To90FirmwareVersion() throws Exception {
        byte[] answer = calculationsAnswer(267, 81, 0x56, 82, 0x33, 83, 0x2E, 84, '9', 85, '2', 86, '.', 87, '0');
        assertThat(decodeCalculations(answer).values()).containsEntry("firmware_version", "V3.92.0");
    }

    @Test
    void vector10_writeParameter105HotWaterSetPoint() throws Exception {
        DeviceConfig cfg = CFG.withWriteRange("hot_water_setpoint", new DeviceConfig.WriteRange(new BigDecimal("30"), new BigDecimal("60"), null));
        Write w = LUX.encodeWrite(M, "hot_water_setpoint", 47.0, cfg);
        assertThat(w.words()).containsExactly(3002, 105, 470);
        assertThat(hex(LuxtronikFrames.int32s(w.words()))).isEqualTo(hex("00000BBA 00000069 000001D6"));
        assertThat(hex(LuxtronikFrames.writeRequest(105, 470))).isEqualTo(hex("00000BBA 00000069 000001D6"));
        assertThat(LuxtronikFrames.parseWriteAnswer(bytes("00000BBA 00000069"))).isEqualTo(105);
        // no documented range: without the installer's range the write is refused
        assertThatThrownBy(() -> LUX.encodeWrite(M, "hot_water_setpoint", 47.0, CFG)).isInstanceOf(WriteRejectedException.class)
                .hasMessageContaining("write_ranges.hot_water_setpoint");
    }

    @Test
    void vector11_readParametersHasNoStatusField() throws Exception {
        assertThat(hex(LuxtronikFrames.readRequest(3003))).isEqualTo(hex("00000BBB 00000000"));
        byte[] answer = LuxtronikFrames.int32s(3003, 3, 11, 22, 470);
        assertThat(LuxtronikFrames.parseParameters(answer)).containsExactly(11, 22, 470);
    }

    @Test
    void vector12_readVisibilitiesOneByteEach() throws Exception {
        assertThat(hex(LuxtronikFrames.readRequest(3005))).isEqualTo(hex("00000BBD 00000000"));
        byte[] v = LuxtronikFrames.parseVisibilities(bytes("00000BBD 00000003 01 00 FF"));
        assertThat(v).containsExactly(1, 0, -1);
    }

    @Test
    void vector13_celsiusToRawForWriting() {
        DeviceConfig cfg = CFG.withWriteRange("heating_correction", new DeviceConfig.WriteRange(new BigDecimal("-5"), new BigDecimal("5"), null));
        Write w = LUX.encodeWrite(M, "heating_correction", -1.1, cfg);
        assertThat(w.words()).containsExactly(3002, 1, -11);
        assertThat(hex(Codecs.int32BigEndian(w.words()[2]))).isEqualTo("FFFFFFF5");
    }

    // Section 3.2: the smart-home interface (Modbus, firmware >= 3.90) is not a transport of this model; its vectors
    // check the generic codecs it would use (u16 /10, int32 high word first, FC16 writes).

    @Test
    void vector14_shiReturnTemperatureInput10100() {
        ReadBlock b = new ReadBlock(Table.INPUT, FunctionCode.READ_INPUT_REGISTERS, 10100, 1, List.of(new ReadBlock.Span(10100, 1)));
        assertThat(ModbusFrames.readRequest(0x0001, 1, b)).isEqualTo(hex("0001 0000 0006 01 04 2774 0001"));
        int[] regs = ModbusFrames.registers("04 02 012C");
        assertThat(Codecs.u16(regs[0]) / 10.0).isEqualTo(30.0);
    }

    @Test
    void vector15_shiElectricalEnergyInt32HighWordFirst() {
        assertThat(Codecs.s32(0x0001, 0x86A0, WordOrder.BIG)).isEqualTo(100000);
        assertThat(Codecs.s32(0x0001, 0x86A0, WordOrder.BIG) / 10.0).isEqualTo(10000.0);
    }

    @Test
    void vector16_shiHotWaterBoostWrites() {
        Write mode = new Write("hot_water_mode", Table.HOLDING, FunctionCode.WRITE_MULTIPLE_REGISTERS, 10005,
                Codecs.encodeInteger(DataType.U16, 2, WordOrder.BIG), null);
        Write offset = new Write("hot_water_offset", Table.HOLDING, FunctionCode.WRITE_MULTIPLE_REGISTERS, 10007,
                Codecs.encodeInteger(DataType.S16, new BigDecimal("8.5").multiply(BigDecimal.TEN).longValueExact(), WordOrder.BIG), null);
        assertThat(mode.words()).containsExactly(0x0002);
        assertThat(offset.words()).containsExactly(0x0055);
        assertThat(ModbusFrames.writeRequest(1, 1, offset)).endsWith(hex("10 2717 0001 02 0055"));
    }
}
