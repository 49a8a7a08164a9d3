package org.heatpumpsuite.polling.transport.modbus;

import java.util.concurrent.CompletionStage;

/**
 * One persistent, serialised Modbus TCP session with one device (one request in flight). Registers are unsigned
 * 16-bit words as {@code int} 0..65535, at PDU addresses (vendor offsets already applied by the caller). Failures
 * complete the stage exceptionally with {@link org.heatpumpsuite.polling.transport.DeviceException}.
 */
public interface ModbusSession extends AutoCloseable {

    /** Reads {@code count} registers with FC03 or FC04. */
    CompletionStage<int[]> read(FunctionCode fc, int address, int count);

    /** Writes registers: FC06 for one word, FC16 for more (or always FC16 when the device requires it). */
    CompletionStage<Void> write(FunctionCode fc, int address, int[] words);

    @Override
    void close();
}
