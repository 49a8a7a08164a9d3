package org.heatpumpsuite.polling.simulator;

import java.time.Instant;

import org.heatpumpsuite.polling.simulator.RegisterLayout.Table;

/**
 * A simulated Modbus TCP device: a {@link ModbusDeviceProfile}, its {@link RegisterImage}, the physics behind it, and
 * the request handling of a Modbus server (PDUs decoded and encoded here, by hand, independently of the client's
 * j2mod-based codec).
 */
public final class ModbusSimulatedDevice extends SimulatedDevice {

    private final ModbusDeviceProfile profile;
    private final int unitId;
    private final RegisterImage image;
    private long renderedAtMillis = Long.MIN_VALUE;
    private PumpState lastState;

    public ModbusSimulatedDevice(String id, ModbusDeviceProfile profile, int unitId, SimulationClock clock, long seed) {
        super(id, profile.manufacturer(), profile.model(), clock, new PumpPhysics(seed, profile.airSource()));
        this.profile = profile;
        this.unitId = unitId;
        this.image = new RegisterImage(profile.layout());
        profile.initialise(image);
        refresh();
    }

    public ModbusDeviceProfile profile() {
        return profile;
    }

    public int unitId() {
        return unitId;
    }

    @Override
    public synchronized PumpState state() {
        refresh();
        return lastState;
    }

    /** Registers as stored now (simulator view, no device rules). */
    public synchronized int[] peek(Table table, int address, int count) {
        refresh();
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = image.get(table, address + i);
        }
        return out;
    }

    /** Overwrites registers (simulator side, e.g. to make a value "not available" in a test). */
    public synchronized void poke(Table table, int address, int... words) {
        image.set(table, address, words);
    }

    private void refresh() {
        Instant now = clock().now();
        long ms = now.toEpochMilli();
        if (lastState != null && renderedAtMillis != Long.MIN_VALUE && ms - renderedAtMillis < 1000
                && ms >= renderedAtMillis) {
            return;
        }
        profile.applySettings(image, physics());
        lastState = physics().advanceTo(now);
        profile.render(lastState, image);
        renderedAtMillis = ms;
    }

    /**
     * Handles one request PDU (function code first). Returns the response PDU, or null when the device does not
     * answer (a request for another unit id).
     */
    public synchronized byte[] handle(int requestUnitId, byte[] pdu) {
        requestReceived();
        if (requestUnitId != unitId) {
            return null;
        }
        if (pdu.length < 1) {
            return null;
        }
        int fc = pdu[0] & 0xFF;
        Table table = (fc == 3 || fc == 4 || fc == 6 || fc == 16) ? profile.table(fc) : null;
        if (table == null) {
            return exception(fc, RegisterImage.ILLEGAL_FUNCTION);
        }
        refresh();
        switch (fc) {
            case 3, 4 -> {
                if (pdu.length != 5) {
                    return exception(fc, RegisterImage.ILLEGAL_DATA_VALUE);
                }
                int address = u16(pdu, 1);
                int count = u16(pdu, 3);
                int q = profile.checkQuantity(fc, address, count);
                if (q != 0) {
                    return exception(fc, q);
                }
                if (address + count > 65536) {
                    return exception(fc, RegisterImage.ILLEGAL_DATA_ADDRESS);
                }
                int[] words = image.read(table, address, count);
                if (words == null) {
                    return exception(fc, RegisterImage.ILLEGAL_DATA_ADDRESS);
                }
                byte[] out = new byte[2 + 2 * count];
                out[0] = (byte) fc;
                out[1] = (byte) (2 * count);
                for (int i = 0; i < count; i++) {
                    out[2 + 2 * i] = (byte) (words[i] >>> 8);
                    out[3 + 2 * i] = (byte) words[i];
                }
                return out;
            }
            case 6 -> {
                if (pdu.length != 5) {
                    return exception(fc, RegisterImage.ILLEGAL_DATA_VALUE);
                }
                int address = u16(pdu, 1);
                int q = profile.checkQuantity(fc, address, 1);
                if (q != 0) {
                    return exception(fc, q);
                }
                int code = image.write(table, address, new int[] { u16(pdu, 3) });
                if (code != 0) {
                    return exception(fc, code);
                }
                profile.afterWrite(image, table, address, 1);
                renderedAtMillis = Long.MIN_VALUE;
                return pdu.clone(); // FC06 echoes the request
            }
            default -> { // 16
                if (pdu.length < 6) {
                    return exception(fc, RegisterImage.ILLEGAL_DATA_VALUE);
                }
                int address = u16(pdu, 1);
                int count = u16(pdu, 3);
                int byteCount = pdu[5] & 0xFF;
                if (count < 1 || byteCount != 2 * count || pdu.length != 6 + byteCount) {
                    return exception(fc, RegisterImage.ILLEGAL_DATA_VALUE);
                }
                int q = profile.checkQuantity(fc, address, count);
                if (q != 0) {
                    return exception(fc, q);
                }
                if (address + count > 65536) {
                    return exception(fc, RegisterImage.ILLEGAL_DATA_ADDRESS);
                }
                int[] words = new int[count];
                for (int i = 0; i < count; i++) {
                    words[i] = u16(pdu, 6 + 2 * i);
                }
                int code = image.write(table, address, words);
                if (code != 0) {
                    return exception(fc, code);
                }
                profile.afterWrite(image, table, address, count);
                renderedAtMillis = Long.MIN_VALUE;
                return new byte[] { (byte) fc, pdu[1], pdu[2], pdu[3], pdu[4] };
            }
        }
    }

    static byte[] exception(int fc, int code) {
        return new byte[] { (byte) (fc | 0x80), (byte) code };
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
