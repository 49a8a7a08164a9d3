package org.heatpumpsuite.polling.vendor.nibe;

import static org.heatpumpsuite.polling.simulator.RegisterLayout.Table.HOLDING;
import static org.heatpumpsuite.polling.simulator.RegisterLayout.Table.INPUT;
import static org.heatpumpsuite.polling.vendor.nibe.NibeSimulatorRegisters.row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.heatpumpsuite.polling.simulator.ModbusDeviceProfile;
import org.heatpumpsuite.polling.simulator.PumpPhysics;
import org.heatpumpsuite.polling.simulator.PumpState;
import org.heatpumpsuite.polling.simulator.RegisterImage;
import org.heatpumpsuite.polling.simulator.RegisterLayout;
import org.heatpumpsuite.polling.simulator.RegisterLayout.Table;
import org.heatpumpsuite.polling.vendor.nibe.NibeSimulatorRegisters.HourLog;
import org.heatpumpsuite.polling.vendor.nibe.NibeSimulatorRegisters.Row;

/**
 * Simulated NIBE S-series pump with built-in Modbus TCP (models {@code s1155}, {@code s1255}: ground source;
 * {@code s2125}: air source), from {@code reference/nibe-s-series.csv} and protocol-notes.md §1.2/§2.3:
 * <ul>
 * <li>Input registers with FC04, holding registers with FC03, writes with FC16 (the function codes the reference
 * names; FC06 → exception 01). Wire address = the register number of NIBE's export.</li>
 * <li>32-bit values low word first (word swap on, as in the nibe tests); s8 sign-extended to 16 bits.</li>
 * <li>Sensors a typical installation lacks (EP21 second climate system, AZ30 exhaust air module, pool BT51, external
 * supply BT25) carry the type's "no value" marker, and so does the Modbus-written external BT1 until it is
 * written.</li>
 * <li>Every register the CSV lists for the model exists; undefined addresses → 02; writes to read-only registers →
 * 02; values outside the CSV's min/max or enum → 03 (simulator choice: the reference does not say).</li>
 * </ul>
 */
public final class NibeSSeriesSimulator implements ModbusDeviceProfile {

    public static final String MANUFACTURER = "nibe";

    static final List<Row> ROWS = List.of(
            row(INPUT, 1, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Current outdoor temperature (BT1)"),
            row(INPUT, 37, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Average temperature (BT1)"),
            row(INPUT, 5, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 vvms320_vvms325",
                    "Supply line (BT2)"),
            row(INPUT, 4, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Supply line (EP21-BT2)"),
            row(INPUT, 7, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 vvms320_vvms325",
                    "Return line (BT3)"),
            row(INPUT, 8, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Hot water top (BT7)"),
            row(INPUT, 9, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Hot water charging (BT6)"),
            row(INPUT, 10, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256",
                    "Brine in (BT10)"),
            row(INPUT, 11, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256",
                    "Brine out (BT11)"),
            row(INPUT, 12, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s735",
                    "Condenser (BT12)"),
            row(INPUT, 13, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s735",
                    "Discharge (BT14)"),
            row(INPUT, 14, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s735",
                    "Liquid line (BT15)"),
            row(INPUT, 16, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s735",
                    "Suction gas (BT17)"),
            row(INPUT, 19, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s320_s325 s735 smos40",
                    "Exh. air (AZ30-BT20)"),
            row(INPUT, 20, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s320_s325 s735 smos40",
                    "Extr. air (AZ30-BT21)"),
            row(INPUT, 26, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 smos40 vvms320_vvms325",
                    "Roomsensor 1-1"),
            row(INPUT, 27, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s320_s325",
                    "Pool (BT51)"),
            row(INPUT, 39, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 smos40 vvms320_vvms325",
                    "External supply line (BT25)"),
            row(INPUT, 40, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Flow sensor (BF1)"),
            row(INPUT, 116, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Room average temp. clim. system 1 (BT50)"),
            row(INPUT, 1017, 1, "s16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Calculated supply climate system 1"),
            row(INPUT, 1019, 1, "u8", 1, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 smos40 vvms320_vvms325",
                    "Cooling status"),
            row(INPUT, 1025, 2, "s32", 10, "R", 0, 100000, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Total run time additional heat"),
            row(INPUT, 1027, 1, "s16", 100, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 vvms320_vvms325",
                    "Power internal additional heat"),
            row(INPUT, 1028, 1, "u8", 1, "R", null, null, "10=Off;20=Hot Water;30=Heat;40=Pool;60=Cooling",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Priority"),
            row(INPUT, 1038, 1, "s8", 1, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Current hot water mode"),
            row(INPUT, 1046, 1, "u16", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s735",
                    "Compressor frequency, current"),
            row(INPUT, 1065, 1, "u16", 1, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s735",
                    "Compressor frequency"),
            row(INPUT, 1075, 1, "s16", 1, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s735",
                    "Compressor power input, average"),
            row(INPUT, 1087, 2, "s32", 1, "R", -2147483648, 2147483647, "",
                    "s1155_s1255 s1156_s1256 s735",
                    "Total run time compressor"),
            row(INPUT, 1091, 2, "s32", 1, "R", -2147483648, 2147483647, "",
                    "s1155_s1255 s1156_s1256 s735",
                    "Total run time compressor hot water"),
            row(INPUT, 1100, 1, "u8", 1, "R", null, null, "0=Off;1=On",
                    "s1155_s1255 s1156_s1256 s735",
                    "Compressor status"),
            row(INPUT, 1102, 1, "u8", 1, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s735 vvms320_vvms325",
                    "Heating medium pump speed (GP1)"),
            row(INPUT, 1534, 2, "u32", 1, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s735 smos40",
                    "Compressor, number of starts (EB100-EP14)"),
            row(INPUT, 1583, 2, "u32", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Hot water, compressor only"),
            row(INPUT, 1585, 2, "u32", 10, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Heating, compressor only"),
            row(INPUT, 1975, 1, "s16", 1, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Alarm number"),
            row(INPUT, 2166, 2, "u32", 1, "R", 0, 9999999, "",
                    "s1155_s1255 s1156_s1256 s735",
                    "Instantaneous used power"),
            row(INPUT, 2305, 2, "u32", 100, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Energy log - Current power consumption"),
            row(INPUT, 2727, 2, "u32", 100, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Current power"),
            row(INPUT, 2283, 2, "u32", 100, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Energy log - Produced energy for heating over the past hour"),
            row(INPUT, 2285, 2, "u32", 100, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Energy log - Produced energy for hot water over the past hour"),
            row(INPUT, 2291, 2, "u32", 100, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Energy log - Used energy for heating over the past hour"),
            row(INPUT, 2293, 2, "u32", 100, "R", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Energy log - Used energy for hot water over the past hour"),
            row(INPUT, 398, 2, "u32", 100, "R", 0, 21474836.47, "",
                    "s1155_s1255",
                    "Pulse energy meter (BE6)"),
            row(HOLDING, 11, 2, "s32", 10, "RW", -3000, 3000, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Degree minutes"),
            row(HOLDING, 18, 1, "s16", 10, "RW", -3000, 3000, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Limit DM"),
            row(HOLDING, 19, 1, "s8", 1, "RW", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Holiday function status"),
            row(HOLDING, 22, 1, "u8", 1, "RW", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Reset alarm"),
            row(HOLDING, 26, 1, "s8", 1, "RW", 0, 15, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Heating curve climate system 1"),
            row(HOLDING, 30, 1, "s8", 1, "RW", -10, 10, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40",
                    "Heating offset climate system 1"),
            row(HOLDING, 34, 1, "s16", 10, "RW", 5, 80, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Min supply climate system 1"),
            row(HOLDING, 38, 1, "s16", 10, "RW", 5, 80, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Max supply climate system 1"),
            row(HOLDING, 56, 1, "s8", 1, "RW", 0, 4, "0=Small;1=Medium;2=Large;4=Smart Control",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Hot water demand mode"),
            row(HOLDING, 58, 1, "s16", 10, "RW", 5, 70, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Start temperature HW high temperature"),
            row(HOLDING, 59, 1, "s16", 10, "RW", 5, 60, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Start temperature HW normal temperature"),
            row(HOLDING, 60, 1, "s16", 10, "RW", 5, 55, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Start temperature HW low temperature"),
            row(HOLDING, 61, 1, "s16", 10, "RW", 55, 70, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s735 smos40 vvms320_vvms325",
                    "Stop temperature HW periodic increase"),
            row(HOLDING, 62, 1, "s16", 10, "RW", 5, 70, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Stop temperature HW high temperature"),
            row(HOLDING, 63, 1, "s16", 10, "RW", 5, 65, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Stop temperature HW normal temperature"),
            row(HOLDING, 64, 1, "s16", 10, "RW", 5, 60, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Stop temperature HW low temperature"),
            row(HOLDING, 206, 1, "s16", 10, "RW", 5, 30, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Room sensor set point value climate system 1"),
            row(HOLDING, 697, 1, "s8", 1, "RW", null, null, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "More hot water"),
            row(HOLDING, 2743, 1, "u8", 1, "RW", 0, 2, "",
                    "s1155_s1255 s1156_s1256 s2125 s320_s325 s330_s332 s735 smos40 vvms320_vvms325",
                    "Operating mode"),
            row(HOLDING, 5008, 1, "u8", 1, "RW", 0, 1, "",
                    "s1155_s1255 s1156_s1256 s2125 s330_s332 s735 smos40 vvms320_vvms325",
                    "Modbus external control"),
            row(HOLDING, 5217, 1, "s16", 10, "RW", null, null, "",
                    "s1155_s1255 s1156_s1256 smos40",
                    "External sensor, Outdoor Temperature (BT1)"));

    private static final Map<String, RegisterLayout> LAYOUTS = new HashMap<>();

    private final String model;
    private final String token;
    private final RegisterLayout layout;
    private final HourLog hourLog = new HourLog(4);

    /** @param model {@code s1155}, {@code s1255} or {@code s2125} */
    public NibeSSeriesSimulator(String model) {
        this.model = model;
        this.token = switch (model) {
            case "s1155", "s1255" -> "s1155_s1255";
            case "s2125" -> "s2125";
            default -> throw new IllegalArgumentException("unknown NIBE S-series model " + model);
        };
        synchronized (LAYOUTS) {
            this.layout = LAYOUTS.computeIfAbsent(token, t -> NibeSimulatorRegisters.layout(ROWS, t, () -> true));
        }
    }

    @Override
    public String manufacturer() {
        return MANUFACTURER;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public boolean airSource() {
        return model.equals("s2125");
    }

    @Override
    public RegisterLayout layout() {
        return layout;
    }

    @Override
    public Table table(int functionCode) {
        return switch (functionCode) {
            case 4 -> INPUT;
            case 3, 16 -> HOLDING;
            default -> null;
        };
    }

    static Row rowAt(Table table, int address) {
        for (Row r : ROWS) {
            if (r.table() == table && r.address() == address) {
                return r;
            }
        }
        throw new IllegalArgumentException(table + " " + address);
    }

    private static void put(RegisterImage im, Table t, int address, double value) {
        NibeSimulatorRegisters.put(im, rowAt(t, address), value, true);
    }

    private static void none(RegisterImage im, Table t, int address) {
        NibeSimulatorRegisters.putNoValue(im, rowAt(t, address), true);
    }

    @Override
    public void initialise(RegisterImage im) {
        put(im, HOLDING, 11, -60.0); // degree minutes (test vector: [0xFDA8, 0xFFFF] = -60.0)
        put(im, HOLDING, 18, -60.0);
        put(im, HOLDING, 19, 0);
        put(im, HOLDING, 22, 0);
        put(im, HOLDING, 26, 7);
        put(im, HOLDING, 30, 0);
        put(im, HOLDING, 34, 20.0);
        put(im, HOLDING, 38, 60.0);
        put(im, HOLDING, 56, 1); // medium
        put(im, HOLDING, 58, 48.0);
        put(im, HOLDING, 59, 45.0);
        put(im, HOLDING, 60, 40.0);
        put(im, HOLDING, 61, 55.0);
        put(im, HOLDING, 62, 56.0);
        put(im, HOLDING, 63, 50.0);
        put(im, HOLDING, 64, 46.0);
        put(im, HOLDING, 206, 20.0);
        put(im, HOLDING, 697, 0);
        put(im, HOLDING, 2743, 0);
        put(im, HOLDING, 5008, 0);
        none(im, HOLDING, 5217);
        // Accessories not installed: no value
        none(im, INPUT, 4);
        none(im, INPUT, 19);
        none(im, INPUT, 20);
        none(im, INPUT, 27);
        none(im, INPUT, 39);
        put(im, INPUT, 1019, 0);
        put(im, INPUT, 1025, 12.5);
        put(im, INPUT, 1027, 0);
        put(im, INPUT, 1975, 0);
    }

    @Override
    public void applySettings(RegisterImage im, PumpPhysics physics) {
        // Hot water is charged to the "normal" stop temperature (holding 63, s16 /10)
        physics.setDhwTarget((short) im.get(HOLDING, 63) / 10.0);
    }

    @Override
    public void render(PumpState s, RegisterImage im) {
        put(im, INPUT, 1, s.outdoorTemp());
        put(im, INPUT, 37, s.outdoorAvgTemp());
        put(im, INPUT, 5, s.flowTemp());
        put(im, INPUT, 7, s.returnTemp());
        put(im, INPUT, 8, s.dhwTopTemp());
        put(im, INPUT, 9, s.dhwBottomTemp());
        put(im, INPUT, 10, s.sourceInTemp());
        put(im, INPUT, 11, s.sourceOutTemp());
        put(im, INPUT, 12, s.flowTemp() + 0.5);
        put(im, INPUT, 13, s.hotGasTemp());
        put(im, INPUT, 14, s.liquidLineTemp());
        put(im, INPUT, 16, s.suctionTemp());
        put(im, INPUT, 26, s.roomTemp());
        put(im, INPUT, 40, s.flowRateLpm());
        put(im, INPUT, 116, s.roomTemp());
        put(im, INPUT, 1017, s.flowTargetTemp());
        put(im, INPUT, 1028, switch (s.mode()) {
            case HOT_WATER -> 20;
            case HEATING, DEFROST -> 30;
            default -> 10;
        });
        put(im, INPUT, 1038, (short) im.get(HOLDING, 56));
        put(im, INPUT, 1046, s.compressorFrequencyHz());
        put(im, INPUT, 1065, Math.round(s.compressorFrequencyHz()));
        put(im, INPUT, 1075, Math.round(s.electricPowerKw() * 1000));
        put(im, INPUT, 1087, Math.floor(s.compressorSeconds() / 3600));
        put(im, INPUT, 1091, Math.floor(s.compressorDhwSeconds() / 3600));
        put(im, INPUT, 1100, s.compressorOn() ? 1 : 0);
        put(im, INPUT, 1102, s.pumpSpeedPercent());
        put(im, INPUT, 1534, s.compressorStarts());
        put(im, INPUT, 1583, Math.floor(s.heatEnergyDhwKwh() * 10) / 10);
        put(im, INPUT, 1585, Math.floor(s.heatEnergyHeatingKwh() * 10) / 10);
        put(im, INPUT, 2166, Math.round(s.electricPowerKw() * 1000));
        put(im, INPUT, 2305, s.electricPowerKw());
        put(im, INPUT, 2727, s.electricPowerKw());
        put(im, INPUT, 398, Math.floor(s.electricEnergyTotalKwh() * 100) / 100);
        hourLog.update(s.time().getEpochSecond(), s.heatEnergyHeatingKwh(), s.heatEnergyDhwKwh(),
                s.electricEnergyHeatingKwh(), s.electricEnergyDhwKwh());
        put(im, INPUT, 2283, hourLog.lastHour(0));
        put(im, INPUT, 2285, hourLog.lastHour(1));
        put(im, INPUT, 2291, hourLog.lastHour(2));
        put(im, INPUT, 2293, hourLog.lastHour(3));
    }
}
