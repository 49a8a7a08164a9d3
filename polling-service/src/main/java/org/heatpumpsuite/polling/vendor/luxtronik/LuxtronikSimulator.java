package org.heatpumpsuite.polling.vendor.luxtronik;

import java.util.Set;

import org.heatpumpsuite.polling.simulator.LuxtronikDeviceProfile;
import org.heatpumpsuite.polling.simulator.PumpPhysics;
import org.heatpumpsuite.polling.simulator.PumpState;

/**
 * Simulated Luxtronik 2.1 controller (model {@code luxtronik_2_1}) from {@code reference/luxtronik-2.1.yaml} and
 * protocol-notes.md §1.3/§2.5, with its own encoding: temperatures signed int32 in 0.1 °C, hours in seconds, energy
 * in 0.1 kWh, the firmware string one character per int32 (81..90), the IP address as its four octets. Arrays are as
 * long as python-luxtronik knows them: calculations 0..268, parameters 0..1159, 380 visibilities; ids the reference
 * does not describe stay 0. Only the parameters the reference marks writable accept a 3002 write (enums within their
 * documented values); any other write is refused by closing the connection (the protocol has no error frame).
 */
public final class LuxtronikSimulator implements LuxtronikDeviceProfile {

    public static final String MODEL = "luxtronik_2_1";
    public static final int CALCULATIONS = 269;
    public static final int PARAMETERS = 1160;
    public static final int VISIBILITIES = 380;
    public static final String FIRMWARE = "V3.92.0";

    /** Parameters with writable: true in the reference. */
    static final Set<Integer> WRITABLE = Set.of(1, 2, 3, 4, 11, 12, 13, 47, 74, 105, 108, 110, 111, 119, 124, 132,
            1148);

    private final boolean airSource;

    public LuxtronikSimulator() {
        this(true);
    }

    public LuxtronikSimulator(boolean airSource) {
        this.airSource = airSource;
    }

    /** °C → int32 in 0.1 °C (signed). */
    static int celsius(double c) {
        return (int) Math.round(c * 10);
    }

    /** kWh → uint32 in 0.1 kWh. */
    static int energy(double kwh) {
        return (int) (long) Math.floor(kwh * 10);
    }

    /** IPv4 octets as a big-endian int32. */
    static int ipv4(int a, int b, int c, int d) {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public boolean airSource() {
        return airSource;
    }

    @Override
    public int calculationCount() {
        return CALCULATIONS;
    }

    @Override
    public int parameterCount() {
        return PARAMETERS;
    }

    @Override
    public int visibilityCount() {
        return VISIBILITIES;
    }

    @Override
    public void initialise(int[] p, byte[] visibilities) {
        p[1] = celsius(0.0); // heating correction
        p[2] = celsius(50.0); // DHW set point (older id)
        p[3] = 0; // heating mode Automatic
        p[4] = 0; // hot water mode Automatic
        p[11] = celsius(35.0); // heating curve end point
        p[12] = celsius(28.0); // parallel shift
        p[13] = celsius(0.0); // night setback
        p[47] = celsius(0.0);
        p[74] = celsius(2.0); // DHW hysteresis, K/10
        p[105] = celsius(50.0); // DHW set point
        p[108] = 0; // cooling off
        p[110] = celsius(27.0);
        p[111] = celsius(18.0);
        p[119] = 0;
        p[124] = celsius(65.0);
        p[132] = celsius(20.0);
        p[699] = 1;
        p[700] = celsius(16.0); // heating limit temperature
        p[1087] = 0;
        p[1148] = celsius(21.0);
        for (int i = 0; i < visibilities.length; i++) {
            visibilities[i] = 1;
        }
    }

    @Override
    public boolean acceptWrite(int id, int raw) {
        if (!WRITABLE.contains(id)) {
            return false;
        }
        return switch (id) {
            case 3, 4 -> raw >= 0 && raw <= 4; // Automatic, Second heatsource, Party, Holidays, Off
            case 108 -> raw == 0 || raw == 1; // Off, Automatic
            default -> true;
        };
    }

    @Override
    public void applySettings(int[] p, PumpPhysics physics) {
        physics.setDhwTarget(p[105] / 10.0);
    }

    @Override
    public void render(PumpState s, int[] c, int[] p) {
        boolean on = s.compressorOn();
        c[10] = celsius(s.flowTemp());
        c[11] = celsius(s.returnTemp());
        c[12] = celsius(s.flowTargetTemp() - 5.0);
        c[13] = celsius(s.returnTemp() - 0.2);
        c[14] = celsius(s.hotGasTemp());
        c[15] = celsius(s.outdoorTemp());
        c[16] = celsius(s.outdoorAvgTemp());
        c[17] = celsius(s.dhwTopTemp());
        c[18] = p[105];
        c[19] = celsius(s.sourceInTemp());
        c[20] = celsius(s.sourceOutTemp());
        c[21] = celsius(s.flowTemp() - 2.0);
        c[22] = celsius(s.flowTargetTemp() - 2.0);
        c[23] = celsius(s.roomTemp());
        c[24] = celsius(s.flowTemp() - 3.0);
        c[25] = celsius(s.flowTargetTemp() - 3.0);
        c[29] = 1;
        c[31] = 1;
        c[37] = s.mode() == PumpState.Mode.DEFROST ? 1 : 0;
        c[38] = s.mode() == PumpState.Mode.HOT_WATER ? 1 : 0;
        c[39] = s.circulationPumpOn() ? 1 : 0;
        c[43] = on ? 1 : 0;
        c[44] = on ? 1 : 0; // compressor 1 output
        c[45] = 0;
        c[46] = s.mode() == PumpState.Mode.HOT_WATER ? 1 : 0;
        c[48] = 0;
        c[56] = (int) (long) s.compressorSeconds();
        c[57] = (int) s.compressorStarts();
        c[58] = 0;
        c[59] = 0;
        c[60] = 4 * 3600;
        c[61] = 0;
        c[63] = (int) (long) s.operatingSeconds();
        c[64] = (int) (long) s.heatingSeconds();
        c[65] = (int) (long) s.dhwSeconds();
        c[66] = 0;
        c[67] = on ? (int) Math.floorMod(s.time().getEpochSecond(), 2400L) : 0;
        c[79] = 1;
        c[80] = switch (s.mode()) {
            case HEATING -> 0;
            case HOT_WATER -> 1;
            case DEFROST -> 4;
            default -> 5; // no request
        };
        for (int i = 0; i < 10; i++) {
            c[81 + i] = i < FIRMWARE.length() ? FIRMWARE.charAt(i) : 0;
        }
        c[91] = ipv4(127, 0, 0, 1);
        c[117] = s.mode() == PumpState.Mode.DEFROST ? 4 : on ? 0 : 1; // running / idle / defrost
        c[119] = switch (s.mode()) {
            case HEATING -> 0;
            case HOT_WATER -> 5;
            case DEFROST -> 7;
            default -> 1; // no request
        };
        c[120] = on ? (int) Math.floorMod(s.time().getEpochSecond(), 2400L) : 0;
        c[122] = celsius(s.flowTargetTemp() - 5.0);
        c[134] = (int) s.time().getEpochSecond();
        c[151] = energy(s.heatEnergyHeatingKwh());
        c[152] = energy(s.heatEnergyDhwKwh());
        c[153] = 0;
        c[154] = energy(s.heatEnergyTotalKwh());
        c[155] = (int) Math.round(s.flowRateLpm() * 60);
        c[173] = on ? 1800 : 0;
        c[175] = celsius(s.suctionTemp());
        c[176] = celsius(s.suctionTemp() + 2.0);
        c[177] = celsius(s.hotGasTemp() - 10.0);
        c[178] = celsius(on ? 5.0 : 0.0); // superheat, K/10
        c[179] = celsius(5.0);
        c[180] = on ? 2500 : 1200; // high pressure, bar/100
        c[181] = on ? 800 : 1000; // low pressure, bar/100
        c[183] = s.pumpSpeedPercent();
        c[184] = on && airSource ? 500 : 0;
        c[189] = celsius(s.flowTargetTemp());
        c[227] = celsius(s.roomTemp());
        c[228] = p[1148];
        c[229] = celsius(s.dhwTopTemp());
        c[231] = (int) Math.round(s.compressorFrequencyHz());
        c[236] = (int) Math.round(s.compressorFrequencyHz());
        c[237] = 20;
        c[238] = 100;
        c[241] = s.pumpSpeedPercent();
        c[254] = (int) Math.round(s.flowRateLpm() * 60);
        c[257] = (int) Math.round(Math.max(0, s.thermalPowerKw()) * 1000);
        c[268] = (int) Math.round(s.electricPowerKw() * 1000);
        p[1136] = energy(s.electricEnergyHeatingKwh());
        p[1137] = energy(s.electricEnergyDhwKwh());
    }
}
