package org.heatpumpsuite.polling.transport.luxtronik;

/**
 * Incremental parser of one Luxtronik 2.x binary-protocol reply (port 8889; protocol-notes.md §2.5, test-vectors.md
 * §3.1). All fields are big-endian signed int32:
 * <ul>
 * <li>3003 read parameters: echo 3003, count N, N x int32</li>
 * <li>3004 read calculations: echo 3004, status, count N, N x int32</li>
 * <li>3005 read visibilities: echo 3005, count N, N x int8 (one signed byte each)</li>
 * <li>3002 write parameter: echo 3002, one int32 (python-luxtronik's test controller echoes the parameter id; the
 * library only logs it, so its value is returned, not checked)</li>
 * </ul>
 * Feed it the bytes as they arrive; it never throws. A wrong echo, a negative or too large count, or bytes after the
 * end of the reply make it {@link Status#ERROR}; a connection closing early is reported by {@link #endOfStream()}.
 */
public final class LuxtronikResponseParser {

    public static final int WRITE_PARAMETER = 3002;
    public static final int READ_PARAMETERS = 3003;
    public static final int READ_CALCULATIONS = 3004;
    public static final int READ_VISIBILITIES = 3005;

    public enum Status {
        NEED_MORE, COMPLETE, ERROR
    }

    private final int command;
    private final int maxCount;
    private final int headerInts;
    private final byte[] header = new byte[12];
    private int headerFilled;
    private int count = -1;
    private int status;
    private int[] ints;
    private byte[] bytes;
    private int valuesFilled; // bytes of payload received
    private byte[] partialInt = new byte[4];
    private int partialFilled;
    private int ack;
    private Status state = Status.NEED_MORE;
    private String errorKind;
    private String errorDetail;
    private long received;

    /**
     * @param command  the command sent (3002..3005)
     * @param maxCount largest count accepted (protects against garbage counts); python-luxtronik knows up to 1160
     *                 parameters
     */
    public LuxtronikResponseParser(int command, int maxCount) {
        if (command < WRITE_PARAMETER || command > READ_VISIBILITIES) {
            throw new IllegalArgumentException("unknown command " + command);
        }
        this.command = command;
        this.maxCount = maxCount;
        this.headerInts = switch (command) {
            case READ_CALCULATIONS -> 3;
            default -> 2; // 3003/3005: echo + count; 3002: echo + value
        };
    }

    public Status feed(byte[] data, int offset, int length) {
        int pos = offset;
        int end = offset + length;
        while (pos < end) {
            if (state != Status.NEED_MORE) {
                return fail("garbage", (end - pos) + " bytes after the end of the " + command + " reply");
            }
            received++;
            byte b = data[pos++];
            if (headerFilled < headerInts * 4) {
                header[headerFilled++] = b;
                if (headerFilled == 4 && int32(header, 0) != command) {
                    // a wrong echo is garbage at once: waiting for the rest of the header would only time out
                    return fail("garbage", "reply starts with " + int32(header, 0) + ", expected the echo of " + command);
                }
                if (headerFilled == headerInts * 4) {
                    onHeader();
                }
                continue;
            }
            if (bytes != null) {
                bytes[valuesFilled++] = b;
            } else {
                partialInt[partialFilled++] = b;
                if (partialFilled == 4) {
                    ints[valuesFilled / 4] = int32(partialInt, 0);
                    partialFilled = 0;
                }
                valuesFilled++;
            }
            if (valuesFilled == payloadLength()) {
                state = Status.COMPLETE;
            }
        }
        return state;
    }

    /** The connection closed: anything but a complete reply is an error. */
    public Status endOfStream() {
        if (state == Status.NEED_MORE) {
            long got = received;
            if (got == 0) {
                return fail("no_reply", "connection closed without a reply to " + command);
            }
            return fail("truncated", "connection closed after " + got + " bytes of the " + command + " reply");
        }
        return state;
    }

    private void onHeader() {
        int echo = int32(header, 0);
        if (echo != command) {
            fail("garbage", "reply starts with " + echo + ", expected the echo of " + command);
            return;
        }
        if (command == WRITE_PARAMETER) {
            ack = int32(header, 4);
            state = Status.COMPLETE;
            return;
        }
        if (command == READ_CALCULATIONS) {
            status = int32(header, 4);
            count = int32(header, 8);
        } else {
            count = int32(header, 4);
        }
        if (count < 0) {
            fail("garbage", "negative count " + count + " in the " + command + " reply");
            return;
        }
        if (count > maxCount) {
            fail("oversized", "count " + count + " in the " + command + " reply exceeds " + maxCount);
            return;
        }
        if (command == READ_VISIBILITIES) {
            bytes = new byte[count];
        } else {
            ints = new int[count];
        }
        if (count == 0) {
            state = Status.COMPLETE;
        }
    }

    private int payloadLength() {
        return bytes != null ? bytes.length : ints.length * 4;
    }

    private Status fail(String kind, String detail) {
        if (state != Status.ERROR) {
            state = Status.ERROR;
            errorKind = kind;
            errorDetail = detail;
        }
        return state;
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    public Status status() {
        return state;
    }

    public int command() {
        return command;
    }

    /** The int32 values of a complete 3003/3004 reply. */
    public int[] ints() {
        return ints;
    }

    /** The signed bytes of a complete 3005 reply. */
    public byte[] bytes() {
        return bytes;
    }

    /** The status field of a complete 3004 reply (the library's test controller sends 0; other values undocumented). */
    public int calculationStatus() {
        return status;
    }

    /** The int32 after the echo of a 3002 reply. */
    public int writeAck() {
        return ack;
    }

    /** "garbage", "oversized", "truncated" or "no_reply" after {@link Status#ERROR}. */
    public String errorKind() {
        return errorKind;
    }

    public String errorDetail() {
        return errorDetail;
    }
}
