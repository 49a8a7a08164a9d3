package org.heatpumpsuite.polling.simulator;

import org.heatpumpsuite.polling.simulator.RegisterLayout.Table;

/**
 * What makes a simulated Modbus device a particular model: its register layout and the rules of its Modbus
 * interface, written by each maker's {@code *Simulator} from the reference facts with its own encoding code (never
 * through the driver's codecs, so a symmetric mistake cannot pass unnoticed).
 */
public interface ModbusDeviceProfile {

    String manufacturer();

    String model();

    /** Whether the pump takes its heat from the air (defrost happens) or the ground. */
    boolean airSource();

    RegisterLayout layout();

    /**
     * The table a function code works on (FC03/FC04 reads, FC06/FC16 writes), or null when the device does not
     * support it (exception 01 ILLEGAL FUNCTION).
     */
    Table table(int functionCode);

    /**
     * The exception code for a request of {@code count} registers at {@code address}, or 0 when the size is fine.
     * Default: the Modbus limits (125 registers per read, 123 per FC16 write) with 03 ILLEGAL DATA VALUE.
     */
    default int checkQuantity(int functionCode, int address, int count) {
        int max = functionCode == 16 ? 123 : functionCode == 6 ? 1 : 125;
        return count < 1 || count > max ? RegisterImage.ILLEGAL_DATA_VALUE : 0;
    }

    /** Writes the device's initial settings (set points, modes) and constant values. */
    void initialise(RegisterImage image);

    /** Feeds written settings that change the physics (e.g. the hot-water set point) into the model. */
    default void applySettings(RegisterImage image, PumpPhysics physics) {
    }

    /** Writes the current physical state into the read-only registers. Never overwrites settings. */
    void render(PumpState state, RegisterImage image);

    /** Reacts to an accepted client write (e.g. registers that mirror each other). */
    default void afterWrite(RegisterImage image, Table table, int address, int count) {
    }

    /**
     * How long the device takes to answer this request, in ms (e.g. a MODBUS 40 gateway: up to 2.1 s). Arguments
     * are -1 when the request PDU is too short to carry them.
     */
    default long replyDelayMillis(int functionCode, int address, int count) {
        return 0;
    }
}
