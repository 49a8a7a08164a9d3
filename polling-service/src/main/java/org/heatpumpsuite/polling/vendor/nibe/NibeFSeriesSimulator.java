package org.heatpumpsuite.polling.vendor.nibe;

import static org.heatpumpsuite.polling.simulator.RegisterLayout.Table.HOLDING;
import static org.heatpumpsuite.polling.vendor.nibe.NibeSimulatorRegisters.row;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.heatpumpsuite.polling.simulator.ModbusDeviceProfile;
import org.heatpumpsuite.polling.simulator.PumpPhysics;
import org.heatpumpsuite.polling.simulator.PumpState;
import org.heatpumpsuite.polling.simulator.RegisterImage;
import org.heatpumpsuite.polling.simulator.RegisterLayout;
import org.heatpumpsuite.polling.simulator.RegisterLayout.Table;
import org.heatpumpsuite.polling.vendor.nibe.NibeSimulatorRegisters.Row;

/**
 * Simulated NIBE F-series pump behind a MODBUS 40 accessory and an RTU-to-TCP gateway (models {@code f1145},
 * {@code f1245}, {@code f1155}, {@code f1255}: ground source; {@code f730}, {@code f750}: exhaust air), from
 * {@code reference/nibe-f-series.csv}, protocol-notes.md §1.2/§2.4 and the MODBUS 40 manual p. 15:
 * <ul>
 * <li>Only FC03 (all reads, sensors included) and FC16 (writes); FC04 and FC06 → exception 01. FC43 is not
 * simulated.</li>
 * <li>PDU address = register − 40001 (40004 → 3, 47007 → 7006): the rows carry the wire address.</li>
 * <li>1–2 registers per request (1–20 for registers in LOG.SET, empty by default); writes one value (1–2 registers)
 * at a time. Larger requests are refused with {@link #quantityExceptionCode()} — the reference gives the limits but
 * not the exception the accessory answers with; the default is 03 ILLEGAL DATA VALUE (the Modbus rule for a
 * quantity out of range).</li>
 * <li>Replies take a configurable time, up to 2.1 s (LOG.SET registers: up to 0.5 s).</li>
 * <li>32-bit order follows register 48852 "Modbus40 Word Swap" (default 1 = low word first; 0 = high word
 * first).</li>
 * <li>The unit id is the MODBUS 40 slave address; requests for other unit ids go unanswered.</li>
 * </ul>
 */
public final class NibeFSeriesSimulator implements ModbusDeviceProfile {

    public static final String MANUFACTURER = "nibe";
    public static final long MAX_REPLY_DELAY_MILLIS = 2100;
    public static final long LOG_SET_MAX_REPLY_DELAY_MILLIS = 500;
    public static final int WORD_SWAP_ADDRESS = 8851; // 48852

    static final List<Row> ROWS = List.of(
            row(HOLDING, 3, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "BT1 Outdoor Temperature"), // 40004
            row(HOLDING, 66, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "BT1 Average"), // 40067
            row(HOLDING, 7, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1355 f730 f750 f370_f470 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "BT2 Supply temp S1"), // 40008
            row(HOLDING, 11, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "EB100-EP14-BT3 Return temp"), // 40012
            row(HOLDING, 12, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "BT7 HW Top"), // 40013
            row(HOLDING, 13, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "BT6 HW Load"), // 40014
            row(HOLDING, 14, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355",
                    "EB100-EP14-BT10 Brine In Temp"), // 40015
            row(HOLDING, 15, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355",
                    "EB100-EP14-BT11 Brine Out Temp"), // 40016
            row(HOLDING, 16, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750",
                    "EB100-EP14-BT12 Condensor Out"), // 40017
            row(HOLDING, 17, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750",
                    "EB100-EP14-BT14 Hot Gas Temp"), // 40018
            row(HOLDING, 18, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750",
                    "EB100-EP14-BT15 Liquid Line"), // 40019
            row(HOLDING, 21, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470",
                    "EB100-EP14-BT17 Suction"), // 40022
            row(HOLDING, 24, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "BT20 Exhaust air temp. 1"), // 40025
            row(HOLDING, 25, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "BT21 Vented air temp. 1"), // 40026
            row(HOLDING, 32, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "BT50 Room Temp S1"), // 40033
            row(HOLDING, 70, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325",
                    "BT25 Ext. Supply"), // 40071
            row(HOLDING, 71, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "BF1 EP14 Flow"), // 40072
            row(HOLDING, 3004, 1, "s16", 10, "RW", -3000, 3000, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Degree Minutes (16 bit)"), // 43005
            row(HOLDING, 939, 2, "s32", 10, "RW", -3000, 3000, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Degree Minutes (32 bit)"), // 40940
            row(HOLDING, 3008, 1, "s16", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Calc. Supply S1"), // 43009
            row(HOLDING, 3080, 2, "s32", 10, "R", 0, 100000, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Tot. op.time add."), // 43081
            row(HOLDING, 3083, 1, "s16", 100, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Int. el.add. Power"), // 43084
            row(HOLDING, 3085, 1, "u8", 1, "R", null, null, "10=Off;20=Hot Water;30=Heat;40=Pool;41=Pool 2;50=Transfer;60=Cooling",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Prio"), // 43086
            row(HOLDING, 3135, 1, "u16", 10, "R", null, null, "",
                    "f1155_f1255 f1355 f730 f750",
                    "Compressor Frequency, Actual"), // 43136
            row(HOLDING, 3140, 1, "u16", 100, "R", null, null, "",
                    "f1155_f1255 f1355 f730 f750",
                    "compr. in power"), // 43141
            row(HOLDING, 3374, 1, "s16", 100, "R", null, null, "",
                    "f1155_f1255 f1355 f730 f750",
                    "compr. in power mean"), // 43375
            row(HOLDING, 3143, 2, "u32", 100, "R", 0, 99999.99, "",
                    "f750",
                    "Compr. energy total"), // 43144
            row(HOLDING, 3415, 2, "s32", 1, "R", 0, 9999999, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470",
                    "Compressor starts EB100-EP14"), // 43416
            row(HOLDING, 3419, 2, "s32", 1, "R", 0, 9999999, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470",
                    "Tot. op.time compr. EB100-EP14"), // 43420
            row(HOLDING, 3423, 2, "s32", 1, "R", 0, 9999999, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470",
                    "Tot. HW op.time compr. EB100-EP14"), // 43424
            row(HOLDING, 3436, 1, "u8", 1, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Supply Pump Speed EP14"), // 43437
            row(HOLDING, 3438, 1, "u8", 1, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355",
                    "EP14-GP2 Brine Pump Status EP14"), // 43439
            row(HOLDING, 4297, 2, "u32", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Heat Meter - HW Cpr and Add EP14"), // 44298
            row(HOLDING, 4299, 2, "u32", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Heat Meter - Heat Cpr and Add EP14"), // 44300
            row(HOLDING, 4305, 2, "u32", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Heat Meter - HW Cpr EP14"), // 44306
            row(HOLDING, 4307, 2, "u32", 10, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Heat Meter - Heat Cpr EP14"), // 44308
            row(HOLDING, 5000, 1, "s16", 1, "R", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Alarm"), // 45001
            row(HOLDING, 7006, 1, "s8", 1, "RW", 0, 15, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Heat Curve S1"), // 47007
            row(HOLDING, 7010, 1, "s8", 1, "RW", -10, 10, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Heat Offset S1"), // 47011
            row(HOLDING, 7040, 1, "s8", 1, "RW", 0, 4, "0=Economy;1=Normal;2=Luxury;4=Smart Control",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Hot water comfort mode"), // 47041
            row(HOLDING, 7042, 1, "s16", 10, "RW", 5, 70, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Start temperature HW Luxury"), // 47043
            row(HOLDING, 7043, 1, "s16", 10, "RW", 5, 70, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Start temperature HW Normal"), // 47044
            row(HOLDING, 7044, 1, "s16", 10, "RW", 5, 70, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Start temperature HW Economy"), // 47045
            row(HOLDING, 7045, 1, "s16", 10, "RW", 55, 70, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Stop temperature Periodic HW"), // 47046
            row(HOLDING, 7046, 1, "s16", 10, "RW", 5, 70, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Stop temperature HW Luxury"), // 47047
            row(HOLDING, 7047, 1, "s16", 10, "RW", 5, 70, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Stop temperature HW Normal"), // 47048
            row(HOLDING, 7048, 1, "s16", 10, "RW", 5, 70, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Stop temperature HW Economy"), // 47049
            row(HOLDING, 7136, 1, "u8", 1, "RW", 0, 2, "0=Auto;1=Manual;2=Add. heat only",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Operational mode"), // 47137
            row(HOLDING, 7137, 1, "u8", 1, "RW", 10, 40, "10=Intermittent;20=Continous;30=Economy;40=Auto",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Operational mode heat medium pump"), // 47138
            row(HOLDING, 7369, 1, "u8", 1, "RW", 0, 1, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Allow Additive Heating"), // 47370
            row(HOLDING, 7386, 1, "u8", 1, "RW", 0, 1, "0=Off;1=On",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "HW production"), // 47387
            row(HOLDING, 7397, 1, "s16", 10, "RW", 5, 30, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Room sensor setpoint S1"), // 47398
            row(HOLDING, 8131, 1, "s8", 1, "RW", null, null, "0=Off;1=3h;2=6h;3=12h;4=One time increase",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Temporary Lux"), // 48132
            row(HOLDING, 5170, 1, "u8", 1, "RW", null, null, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Alarm Reset"), // 45171
            row(HOLDING, 8851, 1, "u8", 1, "RW", 0, 1, "",
                    "f1145_f1245 f1155_f1255 f1345 f1355 f730 f750 f370_f470 smo20 smo40 vvm225_vvm320_vvm325 vvm310_vvm500",
                    "Modbus40 Word Swap")); // 48852

    private final String model;
    private final String token;
    private final RegisterLayout layout;
    private final long minDelay;
    private final long maxDelay;
    private final Set<Integer> logSet;
    private final int quantityExceptionCode;
    private final SplittableRandom random;
    private volatile boolean lowWordFirst = true;

    /** Defaults: replies after 50–300 ms, empty LOG.SET, exception 03 for requests over the limit. */
    public NibeFSeriesSimulator(String model) {
        this(model, Duration.ofMillis(50), Duration.ofMillis(300), Set.of(), 3, model.hashCode());
    }

    /**
     * @param minReplyDelay         shortest reply time
     * @param maxReplyDelay         longest reply time, at most 2.1 s
     * @param logSet                wire addresses configured in LOG.SET (read 1..20 at a time, faster replies)
     * @param quantityExceptionCode exception for requests over the register limit
     */
    public NibeFSeriesSimulator(String model, Duration minReplyDelay, Duration maxReplyDelay, Set<Integer> logSet,
            int quantityExceptionCode, long seed) {
        this.model = model;
        this.token = switch (model) {
            case "f1145", "f1245" -> "f1145_f1245";
            case "f1155", "f1255" -> "f1155_f1255";
            case "f730" -> "f730";
            case "f750" -> "f750";
            default -> throw new IllegalArgumentException("unknown NIBE F-series model " + model);
        };
        if (maxReplyDelay.toMillis() > MAX_REPLY_DELAY_MILLIS || minReplyDelay.compareTo(maxReplyDelay) > 0
                || minReplyDelay.isNegative()) {
            throw new IllegalArgumentException("reply delay must be 0 <= min <= max <= 2.1 s");
        }
        this.minDelay = minReplyDelay.toMillis();
        this.maxDelay = maxReplyDelay.toMillis();
        this.logSet = Set.copyOf(logSet);
        this.quantityExceptionCode = quantityExceptionCode;
        this.random = new SplittableRandom(seed);
        // Per device: the 32-bit validators depend on this device's word-swap setting.
        this.layout = NibeSimulatorRegisters.layout(ROWS, token, () -> lowWordFirst);
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
        return model.equals("f730") || model.equals("f750");
    }

    @Override
    public RegisterLayout layout() {
        return layout;
    }

    public int quantityExceptionCode() {
        return quantityExceptionCode;
    }

    @Override
    public Table table(int functionCode) {
        return functionCode == 3 || functionCode == 16 ? HOLDING : null;
    }

    @Override
    public int checkQuantity(int functionCode, int address, int count) {
        int max = allInLogSet(address, count) && functionCode == 3 ? 20 : 2;
        if (count < 1 || count > max) {
            return quantityExceptionCode;
        }
        if (functionCode == 16) {
            // one value at a time: the write must be exactly one value
            RegisterLayout.Value v = layout.at(HOLDING, address);
            if (v != null && v.size() != count) {
                return quantityExceptionCode;
            }
        }
        return 0;
    }

    private boolean allInLogSet(int address, int count) {
        if (logSet.isEmpty()) {
            return false;
        }
        for (int a = address; a < address + count; a++) {
            if (!logSet.contains(a)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long replyDelayMillis(int functionCode, int address, int count) {
        long d;
        synchronized (random) {
            d = minDelay == maxDelay ? minDelay : minDelay + random.nextLong(maxDelay - minDelay + 1);
        }
        if (functionCode == 3 && address >= 0 && count > 0 && allInLogSet(address, count)) {
            d = Math.min(d, LOG_SET_MAX_REPLY_DELAY_MILLIS);
        }
        return d;
    }

    static Row rowAt(int address) {
        for (Row r : ROWS) {
            if (r.address() == address) {
                return r;
            }
        }
        throw new IllegalArgumentException("register " + address);
    }

    private void put(RegisterImage im, int address, double value) {
        NibeSimulatorRegisters.put(im, rowAt(address), value, lowWordFirst);
    }

    private void none(RegisterImage im, int address) {
        NibeSimulatorRegisters.putNoValue(im, rowAt(address), lowWordFirst);
    }

    @Override
    public void initialise(RegisterImage im) {
        put(im, 3004, -60.0);
        put(im, 939, -60.0);
        put(im, 7006, 9);
        put(im, 7010, 0);
        put(im, 7040, 1); // normal
        put(im, 7042, 47.0);
        put(im, 7043, 45.0);
        put(im, 7044, 38.0);
        put(im, 7045, 55.0);
        put(im, 7046, 52.0);
        put(im, 7047, 50.0);
        put(im, 7048, 43.0);
        put(im, 7136, 0);
        put(im, 7137, 40);
        put(im, 7369, 1);
        put(im, 7386, 1);
        put(im, 7397, 20.0);
        put(im, 8131, 0);
        put(im, 5170, 0);
        put(im, WORD_SWAP_ADDRESS, 1);
        put(im, 3080, 12.5);
        put(im, 3083, 0);
        put(im, 5000, 0);
        none(im, 70); // BT25 external supply not fitted
        if (!airSource()) {
            none(im, 24); // no exhaust-air module on ground-source pumps
            none(im, 25);
        }
    }

    @Override
    public void applySettings(RegisterImage im, PumpPhysics physics) {
        physics.setDhwTarget((short) im.get(HOLDING, 7047) / 10.0); // stop temperature HW normal
    }

    @Override
    public void afterWrite(RegisterImage im, Table table, int address, int count) {
        if (address == WORD_SWAP_ADDRESS) {
            boolean wasLowFirst = lowWordFirst;
            lowWordFirst = im.get(HOLDING, WORD_SWAP_ADDRESS) == 1;
            if (wasLowFirst != lowWordFirst) {
                // re-encode the stored 32-bit settings in the new order
                int[] w = { im.get(HOLDING, 939), im.get(HOLDING, 940) };
                im.set(HOLDING, 939, w[1], w[0]);
            }
        } else if (address == 939) {
            // both degree-minute registers show the same value
            Long raw = NibeSimulatorRegisters.decodeRaw(rowAt(939),
                    new int[] { im.get(HOLDING, 939), im.get(HOLDING, 940) }, lowWordFirst);
            put(im, 3004, raw / 10.0);
        } else if (address == 3004) {
            put(im, 939, (short) im.get(HOLDING, 3004) / 10.0);
        }
    }

    @Override
    public void render(PumpState s, RegisterImage im) {
        put(im, 3, s.outdoorTemp());
        put(im, 66, s.outdoorAvgTemp());
        put(im, 7, s.flowTemp());
        put(im, 11, s.returnTemp());
        put(im, 12, s.dhwTopTemp());
        put(im, 13, s.dhwBottomTemp());
        put(im, 14, s.sourceInTemp());
        put(im, 15, s.sourceOutTemp());
        put(im, 16, s.flowTemp() + 0.5);
        put(im, 17, s.hotGasTemp());
        put(im, 18, s.liquidLineTemp());
        put(im, 21, s.suctionTemp());
        if (airSource()) {
            put(im, 24, 21.0); // exhaust air from the house
            put(im, 25, s.compressorOn() ? 2.0 : 18.0);
        }
        put(im, 32, s.roomTemp());
        put(im, 71, s.flowRateLpm());
        put(im, 3008, s.flowTargetTemp());
        put(im, 3085, switch (s.mode()) {
            case HOT_WATER -> 20;
            case HEATING, DEFROST -> 30;
            default -> 10;
        });
        put(im, 3135, s.compressorFrequencyHz());
        put(im, 3140, s.compressorOn() ? s.electricPowerKw() : 0);
        put(im, 3374, s.compressorOn() ? s.electricPowerKw() : 0);
        put(im, 3143, Math.floor(s.electricEnergyTotalKwh() * 100) / 100);
        put(im, 3415, s.compressorStarts());
        put(im, 3419, Math.floor(s.compressorSeconds() / 3600));
        put(im, 3423, Math.floor(s.compressorDhwSeconds() / 3600));
        put(im, 3436, s.pumpSpeedPercent());
        put(im, 3438, s.compressorOn() ? 60 : 0);
        put(im, 4297, Math.floor(s.heatEnergyDhwKwh() * 10) / 10);
        put(im, 4299, Math.floor(s.heatEnergyHeatingKwh() * 10) / 10);
        put(im, 4305, Math.floor(s.heatEnergyDhwKwh() * 10) / 10);
        put(im, 4307, Math.floor(s.heatEnergyHeatingKwh() * 10) / 10);
    }
}
