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

    /**
     * How the device treats a request for another unit id. The reference (shared/reference) does not say how iDM,
     * NIBE or Daikin devices behave, so it is configurable: {@link UnitIdBehaviour#SILENT} (default) stays silent,
     * {@link UnitIdBehaviour#GATEWAY_TARGET_FAILED} answers like a Modbus TCP gateway whose target is missing
     * (exception 0x0B), {@link UnitIdBehaviour#ANSWER_ANY} ignores the unit id.
     */
    public enum UnitIdBehaviour {
        SILENT, GATEWAY_TARGET_FAILED, ANSWER_ANY
    }

    /** Modbus exception 0x0B: gateway target device failed to respond. */
    static final int GATEWAY_TARGET_FAILED_TO_RESPOND = 0x0B;

    private volatile UnitIdBehaviour unitIdBehaviour = UnitIdBehaviour.SILENT;

    public UnitIdBehaviour unitIdBehaviour() {
        return unitIdBehaviour;
    }

    /** Switches the answer to requests for other unit ids (thread-safe, at runtime). */
    public void setUnitIdBehaviour(UnitIdBehaviour behaviour) {
        this.unitIdBehaviour = java.util.Objects.requireNonNull(behaviour);
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
            switch (unitIdBehaviour) {
                case SILENT -> {
                    return null;
                }
                case GATEWAY_TARGET_FAILED -> {
                    return exception(pdu.length > 0 ? pdu[0] & 0x7F : 0, GATEWAY_TARGET_FAILED_TO_RESPOND);
                }
                default -> {
                    // ANSWER_ANY: the device ignores the unit id and answers as if asked for its own
                }
            }
        }
        if (pdu.length < 1) {
            return null;
        }
        int fc = pdu[0] & 0xFF;
        if (fc == 6 || fc == 16) {
            writeReceived();
        }
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
