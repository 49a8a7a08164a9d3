package org.heatpumpsuite.polling.vendor.idm;

import org.heatpumpsuite.polling.simulator.ModbusDeviceProfile;
import org.heatpumpsuite.polling.simulator.PumpPhysics;
import org.heatpumpsuite.polling.simulator.PumpState;
import org.heatpumpsuite.polling.simulator.PumpState.Mode;
import org.heatpumpsuite.polling.simulator.RegisterImage;
import org.heatpumpsuite.polling.simulator.RegisterLayout;
import org.heatpumpsuite.polling.simulator.RegisterLayout.Access;
import org.heatpumpsuite.polling.simulator.RegisterLayout.Table;
import org.heatpumpsuite.polling.simulator.RegisterLayout.WriteDecision;
import org.heatpumpsuite.polling.simulator.RegisterLayout.WriteValidator;

/**
 * Simulated iDM Navigator 2.0 (model {@code navigator_2_0}), an air-source pump with one compressor stage, from
 * {@code reference/idm-navigator-2.0.yaml} and protocol-notes.md §1.1/§2.2, encoded with this class's own helpers
 * (never the driver's codecs):
 * <ul>
 * <li>One register table read by FC03 and FC04 alike; addresses as in the iDM table (no offset); writes only with
 * FC16 (FC06 → exception 01).</li>
 * <li>FLOAT = IEEE-754 float32, low word (bits 15..0) first, high byte first in each word; UCHAR/BOOL unsigned in
 * one word; WORD signed int16.</li>
 * <li>A block touching an undefined address → exception 02; writes to read-only values → 02; values outside the
 * table's min/max → 03 (the reference does not say what the Navigator answers: simulator choice).</li>
 * <li>"Not available" markers appear: 0xFFFF in compressor 2..4 state (single-stage unit), -1 in the pump words
 * while a pump is off, -1.0 in the GLT FLOATs 1716..1722 (their default).</li>
 * <li>Every readable value of the reference has a register, including heating circuits A..G and zone modules 1..10
 * with rooms 1..8. Write-only values (W) read back their last written value (undocumented on the device).</li>
 * <li>Three FLOATs of the reference overlap the next value (see {@link #OVERLAPPED_HIGH_WORDS}): they are one word
 * here.</li>
 * </ul>
 */
public final class IdmSimulator implements ModbusDeviceProfile {

    public static final String MANUFACTURER = "idm";
    public static final String MODEL = "navigator_2_0";

    static final int UCHAR_NOT_AVAILABLE = 0xFFFF;

    /**
     * Reference gaps: the iDM table (and kodebach) give FLOATs whose second register is another documented value:
     * 1392 humidity vs 1393 circuit A mode, 1441 circuit G heating curve vs 1442 circuit A heating limit, 1483
     * circuit G cooling eco target vs 1484 circuit A cooling limit. A register holds one word: the one-register value
     * keeps it, and the FLOAT is reduced to its low word, so a FLOAT read there returns [low word, other value].
     */
    static final java.util.Set<Integer> OVERLAPPED_HIGH_WORDS = java.util.Set.of(1393, 1442, 1484);
    private static final RegisterLayout LAYOUT = buildLayout();

    private boolean onceChargeRequested;
    private boolean onceChargeRunning;

    @Override
    public String manufacturer() {
        return MANUFACTURER;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public boolean airSource() {
        return true;
    }

    @Override
    public RegisterLayout layout() {
        return LAYOUT;
    }

    @Override
    public Table table(int functionCode) {
        return switch (functionCode) {
            case 3, 4, 16 -> Table.HOLDING; // FC03 and FC04 read the same addresses; writes use FC16
            default -> null;
        };
    }

    // ---- own encoding helpers (reference: FLOAT low word first) ----

    /** float32 as [Reg_L, Reg_H]: bits 15..0 first, then bits 31..16. */
    static int[] floatWords(double value) {
        int bits = Float.floatToIntBits((float) value);
        return new int[] { bits & 0xFFFF, (bits >>> 16) & 0xFFFF };
    }

    static float wordsFloat(int[] words) {
        return Float.intBitsToFloat((words[1] << 16) | (words[0] & 0xFFFF));
    }

    /** WORD: signed int16 in one register. */
    static int wordValue(int value) {
        return value & 0xFFFF;
    }

    static int signed(int word) {
        return (short) word;
    }

    // ---- layout from the reference ----

    private static final class B {
        final RegisterLayout.Builder b = RegisterLayout.builder();

        void flt(int address, Access access, String name, Number min, Number max) {
            if (OVERLAPPED_HIGH_WORDS.contains(address + 1)) {
                // Reference gap: the FLOAT's high word is another value's register; keep that value, one word here
                b.value(Table.HOLDING, address, 1, access, name + "_low_word", null);
                return;
            }
            b.value(Table.HOLDING, address, 2, access, name, access.writable() ? w -> {
                float v = wordsFloat(w);
                if (Float.isNaN(v) || Float.isInfinite(v)) {
                    return WriteDecision.reject(RegisterImage.ILLEGAL_DATA_VALUE);
                }
                return inRange(v, min, max);
            } : null);
        }

        void uchar(int address, Access access, String name, Number min, Number max) {
            b.value(Table.HOLDING, address, 1, access, name, access.writable() ? w -> inRange(w[0], min, max) : null);
        }

        void word(int address, Access access, String name, Number min, Number max) {
            b.value(Table.HOLDING, address, 1, access, name,
                    access.writable() ? w -> inRange(signed(w[0]), min, max) : null);
        }

        void bool(int address, Access access, String name) {
            uchar(address, access, name, 0, 1);
        }

        void custom(int address, int size, Access access, String name, WriteValidator validator) {
            b.value(Table.HOLDING, address, size, access, name, validator);
        }
    }

    private static WriteDecision inRange(double v, Number min, Number max) {
        if ((min != null && v < min.doubleValue() - 1e-6) || (max != null && v > max.doubleValue() + 1e-6)) {
            return WriteDecision.reject(RegisterImage.ILLEGAL_DATA_VALUE);
        }
        return WriteDecision.ACCEPT;
    }

    private static RegisterLayout buildLayout() {
        B b = new B();
        b.flt(74, Access.RW, "pv_surplus", null, null);
        b.flt(76, Access.RW, "e_heater_power", null, null);
        b.flt(78, Access.RW, "pv_production", null, null);
        b.flt(82, Access.RW, "house_consumption", null, null);
        b.flt(84, Access.RW, "battery_discharge", null, null);
        b.word(86, Access.RW, "battery_soc", -1, 100); // 0..100, default -1 = not used
        b.flt(1000, Access.R, "outdoor_temp", null, null);
        b.flt(1002, Access.R, "outdoor_temp_avg", null, null);
        b.uchar(1004, Access.R, "message_number", null, null);
        b.uchar(1005, Access.RW, "system_mode", 0, 5);
        b.uchar(1006, Access.R, "smart_grid_status", 0, 4);
        b.flt(1008, Access.R, "heat_storage_temp", null, null);
        b.flt(1010, Access.R, "cold_storage_temp", null, null);
        b.flt(1012, Access.R, "dhw_temp_bottom", null, null);
        b.flt(1014, Access.R, "dhw_temp_top", null, null);
        b.flt(1030, Access.R, "dhw_tap_temp", null, null);
        b.uchar(1032, Access.RW, "dhw_target", 35, 95);
        b.uchar(1033, Access.RW, "dhw_charge_on_temp", 30, 50);
        b.uchar(1034, Access.RW, "dhw_charge_off_temp", 46, 53);
        b.flt(1048, Access.R, "electricity_price", null, null);
        b.flt(1050, Access.R, "hp_flow_temp", null, null);
        b.flt(1052, Access.R, "hp_return_temp", null, null);
        b.flt(1054, Access.R, "hgl_flow_temp", null, null);
        b.flt(1056, Access.R, "source_in_temp", null, null);
        b.flt(1058, Access.R, "source_out_temp", null, null);
        b.flt(1060, Access.R, "air_intake_temp", null, null);
        b.flt(1062, Access.R, "air_hx_temp", null, null);
        b.flt(1064, Access.R, "air_intake_temp_2", null, null);
        b.flt(1066, Access.R, "charge_sensor_temp", null, null);
        b.uchar(1090, Access.R, "hp_operating_mode", 0, 8);
        b.uchar(1091, Access.R, "heating_request", 0, 1);
        b.uchar(1092, Access.R, "cooling_request", 0, 1);
        b.uchar(1093, Access.R, "dhw_request", 0, 1);
        b.uchar(1098, Access.R, "evu_lock_contact", 0, 1);
        b.uchar(1099, Access.R, "sum_fault", 0, 1);
        b.uchar(1100, Access.R, "compressor_1_state", 0, 1);
        b.uchar(1101, Access.R, "compressor_2_state", 0, 1);
        b.uchar(1102, Access.R, "compressor_3_state", 0, 1);
        b.uchar(1103, Access.R, "compressor_4_state", 0, 1);
        b.word(1104, Access.R, "charge_pump", -1, 100);
        b.word(1105, Access.R, "brine_pump", -1, 100);
        b.word(1106, Access.R, "groundwater_pump", -1, 100);
        b.word(1108, Access.R, "isc_cold_storage_pump", -1, 100);
        b.word(1109, Access.R, "isc_recooling_pump", -1, 100);
        b.word(1110, Access.R, "valve_circuit_heat_cool", 0, 1);
        b.word(1111, Access.R, "valve_storage_heat_cool", 0, 1);
        b.word(1112, Access.R, "valve_heat_dhw", 0, 1);
        b.word(1113, Access.R, "valve_source_heat_cool", 0, 1);
        b.word(1114, Access.R, "valve_solar_heat_dhw", 0, 1);
        b.word(1115, Access.R, "valve_solar_storage_source", 0, 1);
        b.word(1116, Access.R, "valve_isc_source_cold", 0, 1);
        b.word(1117, Access.R, "valve_isc_storage_bypass", 0, 1);
        b.word(1118, Access.R, "circulation_pump", 0, 1);
        b.word(1120, Access.RW, "bivalence_2nd_gen_point_1", null, null);
        b.word(1121, Access.RW, "bivalence_2nd_gen_point_2", null, null);
        b.word(1122, Access.RW, "bivalence_3rd_gen_point_1", null, null);
        b.word(1123, Access.RW, "bivalence_3rd_gen_point_2", null, null);
        b.uchar(1124, Access.R, "bivalence_state", 0, 3);
        b.uchar(1150, Access.R, "cascade_running_stages_heating", 0, 20);
        b.uchar(1151, Access.R, "cascade_running_stages_cooling", 0, 20);
        b.uchar(1152, Access.R, "cascade_running_stages_dhw", 0, 20);
        b.flt(1392, Access.R, "humidity", 0, 100);
        b.flt(1690, Access.W, "ext_outdoor_temp", null, null);
        b.flt(1692, Access.W, "ext_humidity", 0, 100);
        b.uchar(1694, Access.RW, "ext_request_temp_heating", 20, 65);
        b.uchar(1695, Access.RW, "ext_request_temp_cooling", 10, 25);
        b.flt(1696, Access.W, "bms_temp_request_heating", null, null);
        b.flt(1698, Access.W, "bms_temp_request_cooling", null, null);
        b.bool(1710, Access.RW, "request_heating");
        b.bool(1711, Access.RW, "request_cooling");
        b.bool(1712, Access.RW, "request_dhw");
        b.bool(1713, Access.RW, "request_dhw_once");
        b.flt(1716, Access.W, "bms_heat_storage_temp", null, null);
        b.flt(1718, Access.W, "bms_cold_storage_temp", null, null);
        b.flt(1720, Access.W, "bms_dhw_temp_bottom", null, null);
        b.flt(1722, Access.W, "bms_dhw_temp_top", null, null);
        b.flt(1748, Access.R, "heat_qty_heating", null, null);
        b.flt(1750, Access.R, "heat_qty_total", null, null);
        b.flt(1752, Access.R, "heat_qty_cooling", null, null);
        b.flt(1754, Access.R, "heat_qty_dhw", null, null);
        b.flt(1756, Access.R, "heat_qty_defrost", null, null);
        b.flt(1758, Access.R, "heat_qty_passive_cooling", null, null);
        b.flt(1760, Access.R, "heat_qty_solar", null, null);
        b.flt(1762, Access.R, "heat_qty_e_heater", null, null);
        b.flt(1790, Access.R, "thermal_power", null, null);
        b.flt(1792, Access.R, "thermal_power_solar", null, null);
        b.flt(1850, Access.R, "solar_collector_temp", null, null);
        b.flt(1852, Access.R, "solar_collector_return_temp", null, null);
        b.flt(1854, Access.R, "solar_charge_temp", null, null);
        b.uchar(1856, Access.RW, "solar_mode", 0, 4);
        b.flt(1857, Access.R, "solar_reference_temp", null, null);
        b.flt(1870, Access.R, "isc_charge_temp_cooling", null, null);
        b.flt(1872, Access.R, "isc_recooling_temp", null, null);
        b.uchar(1874, Access.R, "isc_mode", 0, 8);
        b.uchar(1999, Access.W, "ack_faults", null, null);
        b.flt(4122, Access.R, "electric_power", null, null);
        b.flt(4126, Access.R, "thermal_power_flow_sensor", null, null);
        b.flt(4128, Access.R, "heat_qty_total_2", null, null);

        // Heating circuits A..G (n = 0..6)
        for (int n = 0; n < 7; n++) {
            char c = (char) ('a' + n);
            b.flt(1350 + 2 * n, Access.R, "circuit_" + c + "_flow_temp", null, null);
            b.flt(1364 + 2 * n, Access.R, "circuit_" + c + "_room_temp", null, null);
            b.flt(1378 + 2 * n, Access.R, "circuit_" + c + "_flow_target", null, null);
            b.uchar(1393 + n, Access.RW, "circuit_" + c + "_mode", 0, 5);
            b.flt(1401 + 2 * n, Access.RW, "circuit_" + c + "_room_target_heat_normal", 15, 30);
            b.flt(1415 + 2 * n, Access.RW, "circuit_" + c + "_room_target_heat_eco", 10, 25);
            b.flt(1429 + 2 * n, Access.RW, "circuit_" + c + "_heating_curve", 0.1, 3.5);
            b.uchar(1442 + n, Access.RW, "circuit_" + c + "_heating_limit", 0, 50);
            b.uchar(1449 + n, Access.RW, "circuit_" + c + "_constant_flow_target", 20, 90);
            b.flt(1457 + 2 * n, Access.RW, "circuit_" + c + "_room_target_cool_normal", 15, 30);
            b.flt(1471 + 2 * n, Access.RW, "circuit_" + c + "_room_target_cool_eco", 15, 30);
            b.uchar(1484 + n, Access.RW, "circuit_" + c + "_cooling_limit", 0, 36);
            b.uchar(1491 + n, Access.RW, "circuit_" + c + "_cool_flow_target", 8, 30);
            b.uchar(1498 + n, Access.R, "circuit_" + c + "_active_mode", 0, 2);
            b.uchar(1505 + n, Access.RW, "circuit_" + c + "_parallel_shift", 0, 30);
            b.flt(1650 + 2 * n, Access.W, "circuit_" + c + "_ext_room_temp", 15, 30);
        }
        // Zone modules 1..10 (z = 0..9), rooms 1..8 (r = 0..7); iDM room sensors: temperature and humidity read-only
        for (int z = 0; z < 10; z++) {
            int zb = zoneBase(z);
            String zn = "zone_" + (z + 1);
            b.uchar(zb, Access.R, zn + "_mode", 0, 1);
            b.uchar(zb + 1, Access.R, zn + "_dehumidifier_output", 0, 1);
            b.uchar(zb + 64, Access.R, zn + "_room_9_relay", 0, 1);
            for (int r = 0; r < 8; r++) {
                int rb = roomBase(z, r);
                String rn = zn + "_room_" + (r + 1);
                b.flt(rb, Access.R, rn + "_temp", null, null);
                b.custom(rb + 2, 2, Access.RW, rn + "_target", w -> {
                    float v = wordsFloat(w);
                    // "only 0.5 K steps"
                    if (Float.isNaN(v) || Float.isInfinite(v) || Math.abs(v * 2 - Math.rint(v * 2)) > 1e-4) {
                        return WriteDecision.reject(RegisterImage.ILLEGAL_DATA_VALUE);
                    }
                    return WriteDecision.ACCEPT;
                });
                b.uchar(rb + 4, Access.R, rn + "_humidity", 0, 100);
                b.uchar(rb + 5, Access.RW, rn + "_mode", 0, 4);
                b.uchar(rb + 6, Access.R, rn + "_relay", 0, 1);
            }
        }
        return b.b.build();
    }

    static int zoneBase(int z) {
        return 2000 + 65 * z;
    }

    static int roomBase(int z, int r) {
        return zoneBase(z) + 2 + 7 * r;
    }

    // ---- values ----

    private static void f(RegisterImage image, int address, double value) {
        int[] w = floatWords(value);
        if (OVERLAPPED_HIGH_WORDS.contains(address + 1)) {
            image.set(Table.HOLDING, address, w[0]);
        } else {
            image.set(Table.HOLDING, address, w);
        }
    }

    private static void u(RegisterImage image, int address, int value) {
        image.set(Table.HOLDING, address, value & 0xFFFF);
    }

    @Override
    public void initialise(RegisterImage im) {
        for (int a : new int[] { 74, 76, 78, 82, 84 }) {
            f(im, a, 0.0);
        }
        u(im, 86, wordValue(-1)); // battery state of charge: -1 = not used
        u(im, 1005, 1); // automatic
        u(im, 1032, 46); // FW030 default
        u(im, 1033, 46); // FW027 default
        u(im, 1034, 50); // FW028 default
        u(im, 1120, wordValue(-5));
        u(im, 1121, wordValue(-10));
        u(im, 1122, wordValue(-12));
        u(im, 1123, wordValue(-15));
        f(im, 1690, 0.0);
        f(im, 1692, 0.0);
        u(im, 1694, 45);
        u(im, 1695, 18);
        f(im, 1696, 0.0); // default 0
        f(im, 1698, 100.0); // default 100
        for (int a = 1710; a <= 1713; a++) {
            u(im, a, 0);
        }
        for (int a = 1716; a <= 1722; a += 2) {
            f(im, a, -1.0); // GLT default -1 = not used
        }
        u(im, 1856, 0);
        u(im, 1999, 0);
        for (int n = 0; n < 7; n++) {
            u(im, 1393 + n, n == 0 ? 1 : 0); // circuit A timer program, others off
            f(im, 1401 + 2 * n, 21.0);
            f(im, 1415 + 2 * n, 19.0);
            f(im, 1429 + 2 * n, 0.6);
            u(im, 1442 + n, 16);
            u(im, 1449 + n, 35);
            f(im, 1457 + 2 * n, 25.0);
            f(im, 1471 + 2 * n, 27.0);
            u(im, 1484 + n, 24);
            u(im, 1491 + n, 18);
            u(im, 1505 + n, 0);
            f(im, 1650 + 2 * n, 21.0);
        }
        for (int z = 0; z < 10; z++) {
            for (int r = 0; r < 8; r++) {
                f(im, roomBase(z, r) + 2, 21.0);
                u(im, roomBase(z, r) + 5, 1); // automatic
            }
        }
        // Constant read-only values
        u(im, 1004, 0);
        u(im, 1006, 1); // EVU on, no cheap power
        f(im, 1010, 20.0);
        f(im, 1048, 300.0); // kodebach: x0.001 → 0.30 EUR/kWh
        u(im, 1092, 0);
        u(im, 1098, 1); // not locked
        u(im, 1099, 0);
        for (int a = 1101; a <= 1103; a++) {
            u(im, a, UCHAR_NOT_AVAILABLE); // single-stage unit: stages 2..4 do not exist
        }
        u(im, 1105, wordValue(-1)); // air-source: no brine pump running
        u(im, 1106, wordValue(-1));
        u(im, 1108, wordValue(-1));
        u(im, 1109, wordValue(-1));
        for (int a = 1110; a <= 1117; a++) {
            u(im, a, 0);
        }
        u(im, 1124, 0);
        u(im, 1151, 0);
        f(im, 1752, 0.0);
        f(im, 1758, 0.0);
        f(im, 1760, 0.0);
        f(im, 1762, 0.0);
        f(im, 1792, 0.0);
        f(im, 1870, 18.0);
        f(im, 1872, 22.0);
        u(im, 1874, 0);
    }

    @Override
    public void applySettings(RegisterImage image, PumpPhysics physics) {
        physics.setDhwTarget(image.get(Table.HOLDING, 1032));
    }

    @Override
    public void afterWrite(RegisterImage image, Table table, int address, int count) {
        if (address <= 1713 && 1713 < address + count && image.get(Table.HOLDING, 1713) == 1) {
            onceChargeRequested = true;
        }
    }

    @Override
    public void render(PumpState s, RegisterImage im) {
        boolean heating = s.mode() == Mode.HEATING;
        boolean dhw = s.mode() == Mode.HOT_WATER;
        f(im, 1000, s.outdoorTemp());
        f(im, 1002, s.outdoorAvgTemp());
        f(im, 1008, (s.flowTemp() + s.returnTemp()) / 2);
        f(im, 1012, s.dhwBottomTemp());
        f(im, 1014, s.dhwTopTemp());
        f(im, 1030, s.dhwTopTemp() - 2.0);
        f(im, 1050, s.flowTemp());
        f(im, 1052, s.returnTemp());
        f(im, 1054, s.compressorOn() ? s.hotGasTemp() - 25.0 : s.returnTemp());
        f(im, 1056, s.sourceInTemp());
        f(im, 1058, s.sourceOutTemp());
        f(im, 1060, s.outdoorTemp());
        f(im, 1062, s.sourceOutTemp() - 1.0);
        f(im, 1064, s.outdoorTemp() + 0.3);
        f(im, 1066, s.flowTemp() - 0.5);
        int modeBits = switch (s.mode()) {
            case HEATING -> 1;
            case HOT_WATER -> 4;
            case DEFROST -> 8;
            default -> 0;
        };
        u(im, 1090, modeBits);
        u(im, 1091, s.circulationPumpOn() && !dhw ? 1 : 0);
        u(im, 1093, dhw ? 1 : 0);
        u(im, 1100, s.compressorOn() ? 1 : 0);
        u(im, 1104, wordValue(s.pumpSpeedPercent() > 0 ? s.pumpSpeedPercent() : -1));
        u(im, 1112, dhw ? 1 : 0);
        u(im, 1118, dhw ? 1 : 0);
        u(im, 1150, heating ? 1 : 0);
        u(im, 1152, dhw ? 1 : 0);
        f(im, 1392, 45.0 + 5.0 * Math.sin(s.time().getEpochSecond() / 7200.0));
        f(im, 1748, s.heatEnergyHeatingKwh());
        f(im, 1750, s.heatEnergyTotalKwh());
        f(im, 1754, s.heatEnergyDhwKwh());
        f(im, 1756, s.defrostSeconds() * 1.2 / 3600.0);
        f(im, 1790, s.thermalPowerKw());
        double sun = Math.max(0, Math.sin(2 * Math.PI * (Math.floorMod(s.time().getEpochSecond(), 86400) / 86400.0
                - 0.25)));
        f(im, 1850, s.outdoorTemp() + 30.0 * sun);
        f(im, 1852, s.outdoorTemp() + 20.0 * sun);
        f(im, 1854, s.dhwBottomTemp());
        f(im, 1857, s.dhwBottomTemp() - 3.0);
        f(im, 4122, s.electricPowerKw());
        f(im, 4126, s.thermalPowerKw());
        f(im, 4128, s.heatEnergyTotalKwh());
        for (int n = 0; n < 7; n++) {
            boolean active = n == 0;
            f(im, 1350 + 2 * n, active ? s.flowTemp() : s.roomTemp() + 1.0);
            f(im, 1364 + 2 * n, s.roomTemp() - 0.1 * n);
            f(im, 1378 + 2 * n, active ? s.flowTargetTemp() : 0.0);
            u(im, 1498 + n, active && heating ? 1 : 0);
        }
        for (int z = 0; z < 10; z++) {
            u(im, zoneBase(z), 1); // heating
            u(im, zoneBase(z) + 1, 0);
            u(im, zoneBase(z) + 64, 0);
            for (int r = 0; r < 8; r++) {
                int rb = roomBase(z, r);
                double temp = s.roomTemp() + 0.1 * r - 0.05 * z;
                f(im, rb, temp);
                u(im, rb + 4, 40 + r);
                float target = wordsFloat(new int[] { im.get(Table.HOLDING, rb + 2), im.get(Table.HOLDING, rb + 3) });
                u(im, rb + 6, temp < target ? 1 : 0);
            }
        }
        // 1713 "one-time DHW charge" resets itself to 0 after the charge (kodebach #269)
        if (onceChargeRequested && dhw) {
            onceChargeRunning = true;
        } else if (onceChargeRunning && !dhw) {
            u(im, 1713, 0);
            onceChargeRequested = false;
            onceChargeRunning = false;
        }
    }
}
