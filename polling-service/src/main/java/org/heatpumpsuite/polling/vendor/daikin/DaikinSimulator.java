package org.heatpumpsuite.polling.vendor.daikin;

import static org.heatpumpsuite.polling.simulator.RegisterLayout.Table.HOLDING;
import static org.heatpumpsuite.polling.simulator.RegisterLayout.Table.INPUT;

import org.heatpumpsuite.polling.simulator.ModbusDeviceProfile;
import org.heatpumpsuite.polling.simulator.PumpPhysics;
import org.heatpumpsuite.polling.simulator.PumpState;
import org.heatpumpsuite.polling.simulator.PumpState.Mode;
import org.heatpumpsuite.polling.simulator.RegisterImage;
import org.heatpumpsuite.polling.simulator.RegisterLayout;
import org.heatpumpsuite.polling.simulator.RegisterLayout.Access;
import org.heatpumpsuite.polling.simulator.RegisterLayout.Table;
import org.heatpumpsuite.polling.simulator.RegisterLayout.WriteDecision;

/**
 * Simulated Daikin Altherma 3 behind a HomeHub EKRHH (model {@code altherma_3}), from
 * {@code reference/daikin-altherma.yaml} and protocol-notes.md §1.4/§2.6, with its own encoding:
 * <ul>
 * <li>Daikin numbers registers from 1: register n is at PDU address n − 1.</li>
 * <li>Read values are input registers (FC04), settings holding registers (FC03, written with FC06; FC16 → exception
 * 01, as the reference documents only FC06 for writes).</li>
 * <li>Temp16 and Pow16: signed /100; flow /100 l/min; holding set points (1, 2, 6, 7, 10, 63, 64) whole °C
 * (Int16, no scaling); Text16: two ASCII characters, high byte first ("U8" = 0x5538).</li>
 * <li>32766 = not applicable: input 23 while there is no error; holding 3 on a heating-only unit.</li>
 * <li>Out-of-range writes: set points are clamped to the nearest limit, other registers keep their value and answer
 * normally (no exception).</li>
 * <li>Now and then the unit shows warning "U8" (the document's own example) in inputs 21..23.</li>
 * </ul>
 */
public final class DaikinSimulator implements ModbusDeviceProfile {

    public static final String MANUFACTURER = "daikin";
    public static final String MODEL = "altherma_3";
    public static final int NOT_APPLICABLE = 32766;

    // Field-setting ranges of the leaving-water set points reported in inputs 54..61 (gerione: 12..65 heating,
    // 5..30 cooling)
    static final int LWT_HEAT_MIN = 12;
    static final int LWT_HEAT_MAX = 65;
    static final int LWT_COOL_MIN = 5;
    static final int LWT_COOL_MAX = 30;

    private static final RegisterLayout LAYOUT = buildLayout(false);
    private static final RegisterLayout LAYOUT_HEATING_ONLY = buildLayout(true);

    private final boolean heatingOnly;

    public DaikinSimulator() {
        this(false);
    }

    /** @param heatingOnly a heating-only unit: holding 3 (operation mode) reads 32766 and ignores writes */
    public DaikinSimulator(boolean heatingOnly) {
        this.heatingOnly = heatingOnly;
    }

    /** Register n → PDU address n − 1. */
    static int pdu(int register) {
        return register - 1;
    }

    static int temp16(double celsius) {
        return (int) Math.round(celsius * 100) & 0xFFFF;
    }

    static int int16(int value) {
        return value & 0xFFFF;
    }

    static int text16(String twoChars) {
        return (twoChars.charAt(0) << 8) | twoChars.charAt(1);
    }

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
        return heatingOnly ? LAYOUT_HEATING_ONLY : LAYOUT;
    }

    @Override
    public Table table(int functionCode) {
        return switch (functionCode) {
            case 3, 6 -> HOLDING;
            case 4 -> INPUT;
            default -> null;
        };
    }

    private static RegisterLayout buildLayout(boolean heatingOnly) {
        RegisterLayout.Builder b = RegisterLayout.builder();
        // Set points: clamped to the nearest limit
        setpoint(b, 1, "lwt_main_heating_setpoint", LWT_HEAT_MIN, LWT_HEAT_MAX);
        setpoint(b, 2, "lwt_main_cooling_setpoint", LWT_COOL_MIN, LWT_COOL_MAX);
        if (heatingOnly) {
            b.value(HOLDING, pdu(3), 1, Access.RW, "operation_mode", w -> WriteDecision.IGNORE);
        } else {
            other(b, 3, "operation_mode", 0, 2);
        }
        other(b, 4, "space_heating_cooling_on_off", 0, 1);
        setpoint(b, 6, "room_thermostat_heating_setpoint", 12, 30);
        setpoint(b, 7, "room_thermostat_cooling_setpoint", 15, 35);
        other(b, 9, "quiet_mode", 0, 1);
        setpoint(b, 10, "dhw_setpoint", 30, 60);
        other(b, 12, "dhw_reheat_on_off", 0, 1);
        other(b, 13, "dhw_booster_on_off", 0, 1);
        other(b, 53, "weather_dependent_mode_main", 0, 3);
        other(b, 54, "wd_main_heating_setpoint_offset", -10, 10);
        other(b, 55, "wd_main_cooling_setpoint_offset", -10, 10);
        other(b, 56, "smart_grid_mode", 0, 3);
        other(b, 57, "power_limit_recommended_on_buffering", 0, 20 * 100); // Pow16: kW * 100
        other(b, 58, "general_power_limit", 0, 20 * 100);
        other(b, 59, "thermostat_main_input_a", 0, 1);
        other(b, 61, "thermostat_add_input_a", 0, 1);
        setpoint(b, 63, "lwt_add_heating_setpoint", LWT_HEAT_MIN, LWT_HEAT_MAX);
        setpoint(b, 64, "lwt_add_cooling_setpoint", LWT_COOL_MIN, LWT_COOL_MAX);
        other(b, 65, "weather_dependent_mode_add", 0, 3);
        other(b, 66, "wd_add_heating_setpoint_offset", -10, 10);
        other(b, 67, "wd_add_cooling_setpoint_offset", -10, 10);

        String[] inputs = { "21 unit_error", "22 unit_error_code", "23 unit_error_subcode", "30 circulation_pump_running",
                "31 compressor_running", "32 booster_heater_running", "33 disinfection_operation",
                "35 defrost_startup", "36 hot_start", "37 three_way_valve", "38 operation_mode_actual",
                "40 leaving_water_temp_phe", "41 leaving_water_temp_buh", "42 return_water_temp", "43 dhw_temp",
                "44 outdoor_air_temp", "45 liquid_refrigerant_temp", "49 flow_rate", "50 remote_controller_room_temp",
                "51 heat_pump_power_consumption", "52 dhw_normal_operation", "53 space_heating_cooling_normal_operation",
                "54 lwt_main_heating_setpoint_min", "55 lwt_main_heating_setpoint_max",
                "56 lwt_main_cooling_setpoint_min", "57 lwt_main_cooling_setpoint_max",
                "58 lwt_add_heating_setpoint_min", "59 lwt_add_heating_setpoint_max",
                "60 lwt_add_cooling_setpoint_min", "61 lwt_add_cooling_setpoint_max" };
        for (String in : inputs) {
            int register = Integer.parseInt(in.substring(0, in.indexOf(' ')));
            b.readOnly(INPUT, pdu(register), 1, in.substring(in.indexOf(' ') + 1));
        }
        return b.build();
    }

    private static void setpoint(RegisterLayout.Builder b, int register, String name, int min, int max) {
        b.value(HOLDING, pdu(register), 1, Access.RW, name, w -> {
            int v = (short) w[0];
            if (v < min) {
                return new WriteDecision.Store(new int[] { int16(min) });
            }
            if (v > max) {
                return new WriteDecision.Store(new int[] { int16(max) });
            }
            return WriteDecision.ACCEPT;
        });
    }

    private static void other(RegisterLayout.Builder b, int register, String name, int min, int max) {
        b.value(HOLDING, pdu(register), 1, Access.RW, name, w -> {
            int v = (short) w[0];
            return v < min || v > max ? WriteDecision.IGNORE : WriteDecision.ACCEPT;
        });
    }

    private static void h(RegisterImage im, int register, int word) {
        im.set(HOLDING, pdu(register), word);
    }

    private static void in(RegisterImage im, int register, int word) {
        im.set(INPUT, pdu(register), word);
    }

    @Override
    public void initialise(RegisterImage im) {
        h(im, 1, int16(35));
        h(im, 2, int16(18));
        h(im, 3, heatingOnly ? NOT_APPLICABLE : int16(1)); // heating
        h(im, 4, int16(1));
        h(im, 6, int16(21));
        h(im, 7, int16(25));
        h(im, 9, int16(0));
        h(im, 10, int16(48));
        h(im, 12, int16(1));
        h(im, 13, int16(0));
        h(im, 53, int16(1)); // weather dependent
        h(im, 54, int16(0));
        h(im, 55, int16(0));
        h(im, 56, int16(0)); // free
        h(im, 57, int16(0));
        h(im, 58, int16(0));
        h(im, 59, int16(0));
        h(im, 61, int16(0));
        h(im, 63, int16(35));
        h(im, 64, int16(18));
        h(im, 65, int16(1));
        h(im, 66, int16(0));
        h(im, 67, int16(0));
        in(im, 32, 0);
        in(im, 33, 0);
        in(im, 36, 0);
        in(im, 54, temp16(LWT_HEAT_MIN));
        in(im, 55, temp16(LWT_HEAT_MAX));
        in(im, 56, temp16(LWT_COOL_MIN));
        in(im, 57, temp16(LWT_COOL_MAX));
        in(im, 58, temp16(LWT_HEAT_MIN));
        in(im, 59, temp16(LWT_HEAT_MAX));
        in(im, 60, temp16(LWT_COOL_MIN));
        in(im, 61, temp16(LWT_COOL_MAX));
    }

    @Override
    public void applySettings(RegisterImage im, PumpPhysics physics) {
        physics.setDhwTarget((short) im.get(HOLDING, pdu(10)));
    }

    @Override
    public void render(PumpState s, RegisterImage im) {
        in(im, 21, s.alarmActive() ? 2 : 0); // warning
        in(im, 22, s.alarmActive() ? text16("U8") : 0);
        in(im, 23, s.alarmActive() ? 1 : NOT_APPLICABLE);
        in(im, 30, s.circulationPumpOn() ? 1 : 0);
        in(im, 31, s.compressorOn() ? 1 : 0);
        in(im, 35, s.mode() == Mode.DEFROST ? 1 : 0);
        in(im, 37, s.mode() == Mode.HOT_WATER ? 1 : 0);
        in(im, 38, 1); // heating
        in(im, 40, temp16(s.flowTemp() - 0.3));
        in(im, 41, temp16(s.flowTemp()));
        in(im, 42, temp16(s.returnTemp()));
        in(im, 43, temp16(s.dhwTopTemp()));
        in(im, 44, temp16(s.outdoorTemp()));
        in(im, 45, temp16(s.liquidLineTemp()));
        in(im, 49, (int) Math.round(s.flowRateLpm() * 100) & 0xFFFF);
        in(im, 50, temp16(s.roomTemp()));
        in(im, 51, (int) Math.round(s.electricPowerKw() * 100) & 0xFFFF);
        in(im, 52, s.mode() == Mode.HOT_WATER ? 1 : 0);
        in(im, 53, s.mode() == Mode.HEATING ? 1 : 0);
    }
}
