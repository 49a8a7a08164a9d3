package org.heatpumpsuite.polling.transport.modbus;

/**
 * Splits a Modbus TCP byte stream into ADUs using the MBAP header (transaction id, protocol id 0, length, unit id).
 * The length counts the unit id plus the PDU; the Modbus spec limits the PDU to 253 bytes, so a length outside
 * 2..254 or a protocol id other than 0 means the stream is garbage and cannot be resynchronised: the decoder then
 * reports one error and ignores all further input (the session closes the connection).
 * <p>
 * Not thread-safe: one instance per connection, fed from its event loop.
 */
public final class MbapFrameDecoder {

    /** Transaction id (2), protocol id (2), length (2), unit id (1). */
    public static final int HEADER_LENGTH = 7;
    /** Unit id + the largest PDU (253 bytes). */
    public static final int MAX_LENGTH_FIELD = 254;

    /** One complete ADU. {@code pdu} starts with the function code. */
    public record Adu(int transactionId, int protocolId, int unitId, byte[] pdu) {
    }

    /** Receives decoded frames and the (at most one) framing error. */
    public interface Listener {
        void onFrame(Adu adu);

        /**
         * @param kind   "garbage" (protocol id not 0, or a length too small to hold a function code) or "oversized"
         * @param detail for the log
         */
        void onFramingError(String kind, String detail);
    }

    private final byte[] buffer = new byte[HEADER_LENGTH - 1 + MAX_LENGTH_FIELD];
    private int filled;
    private boolean failed;

    /** Feeds received bytes; calls the listener for every complete frame, or once for a framing error. */
    public void feed(byte[] data, int offset, int length, Listener listener) {
        int pos = offset;
        int end = offset + length;
        while (pos < end && !failed) {
            if (filled < HEADER_LENGTH) {
                int n = Math.min(HEADER_LENGTH - filled, end - pos);
                System.arraycopy(data, pos, buffer, filled, n);
                filled += n;
                pos += n;
                if (filled < HEADER_LENGTH) {
                    return;
                }
                int protocolId = u16(2);
                int lengthField = u16(4);
                if (protocolId != 0) {
                    fail(listener, "garbage", String.format("protocol id 0x%04X in the MBAP header (must be 0)",
                            protocolId));
                    return;
                }
                if (lengthField > MAX_LENGTH_FIELD) {
                    fail(listener, "oversized", "MBAP length " + lengthField + " exceeds " + MAX_LENGTH_FIELD);
                    return;
                }
                if (lengthField < 2) {
                    fail(listener, "garbage", "MBAP length " + lengthField + " leaves no room for a function code");
                    return;
                }
            }
            int total = HEADER_LENGTH - 1 + u16(4);
            int n = Math.min(total - filled, end - pos);
            System.arraycopy(data, pos, buffer, filled, n);
            filled += n;
            pos += n;
            if (filled == total) {
                byte[] pdu = new byte[total - HEADER_LENGTH];
                System.arraycopy(buffer, HEADER_LENGTH, pdu, 0, pdu.length);
                Adu adu = new Adu(u16(0), u16(2), buffer[6] & 0xFF, pdu);
                filled = 0;
                listener.onFrame(adu);
            }
        }
    }

    /** Bytes of an incomplete frame held back (a connection closing now truncated a frame). */
    public int pendingBytes() {
        return failed ? 0 : filled;
    }

    /** True after a framing error: the stream is out of step and the connection must be reset. */
    public boolean failed() {
        return failed;
    }

    private void fail(Listener listener, String kind, String detail) {
        failed = true;
        filled = 0;
        listener.onFramingError(kind, detail);
    }

    private int u16(int at) {
        return ((buffer[at] & 0xFF) << 8) | (buffer[at + 1] & 0xFF);
    }
}
