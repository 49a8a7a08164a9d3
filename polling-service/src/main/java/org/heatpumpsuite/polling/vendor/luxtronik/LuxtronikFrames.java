package org.heatpumpsuite.polling.vendor.luxtronik;

import java.util.Arrays;

import org.heatpumpsuite.polling.transport.DeviceException;
import org.heatpumpsuite.polling.vendor.Codecs;

/**
 * Luxtronik binary protocol frames (port 8889), pure functions: requests to bytes, complete answers to values. Every
 * field is a big-endian int32, except the 3005 payload (one signed byte per visibility).
 * <ul>
 * <li>3003 parameters: request 3003, 0; answer 3003, N, N × int32</li>
 * <li>3004 calculations: request 3004, 0; answer 3004, status, N, N × int32 (only this answer has a status)</li>
 * <li>3005 visibilities: request 3005, 0; answer 3005, N, N × int8</li>
 * <li>3002 write: request 3002, id, value; answer 3002 + one int32</li>
 * </ul>
 * A malformed answer throws {@link DeviceException} of kind PROTOCOL; nothing else is thrown for any input.
 */
public final class LuxtronikFrames {

    public static final int WRITE_PARAMETER = 3002;
    public static final int READ_PARAMETERS = 3003;
    public static final int READ_CALCULATIONS = 3004;
    public static final int READ_VISIBILITIES = 3005;

    /** Largest array count accepted from a controller (python-luxtronik knows up to 1159 parameters). */
    public static final int MAX_COUNT = 10_000;

    /** A parsed 3004 answer. */
    public record Calculations(int status, int[] values) {
    }

    private LuxtronikFrames() {
    }

    /** A read request: command and 0 (8 bytes). */
    public static byte[] readRequest(int command) {
        return concat(Codecs.int32BigEndian(command), Codecs.int32BigEndian(0));
    }

    /** A parameter write: 3002, id, raw value (12 bytes). */
    public static byte[] writeRequest(int parameterId, int raw) {
        return concat(Codecs.int32BigEndian(WRITE_PARAMETER), concat(Codecs.int32BigEndian(parameterId), Codecs.int32BigEndian(raw)));
    }

    /** Bytes of a sequence of int32 (e.g. the words of a {@link org.heatpumpsuite.polling.vendor.Write}). */
    public static byte[] int32s(int... values) {
        byte[] out = new byte[values.length * 4];
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(Codecs.int32BigEndian(values[i]), 0, out, i * 4, 4);
        }
        return out;
    }

    /** Length in bytes of the answer to {@code command}, given its first {@link #headerLength} bytes. */
    public static int answerLength(int command, byte[] header) throws DeviceException {
        int h = headerLength(command);
        if (header == null || header.length < h) {
            throw protocol("answer header of " + command + " needs " + h + " bytes");
        }
        expectEcho(command, header);
        int count = Codecs.int32BigEndian(header, h - 4);
        checkCount(count);
        return h + count * (command == READ_VISIBILITIES ? 1 : 4);
    }

    /** Bytes before the values: command, [status,] count. */
    public static int headerLength(int command) {
        return switch (command) {
            case READ_CALCULATIONS -> 12;
            case READ_PARAMETERS, READ_VISIBILITIES -> 8;
            default -> throw new IllegalArgumentException("not a read command: " + command);
        };
    }

    public static Calculations parseCalculations(byte[] answer) throws DeviceException {
        int[] v = parseInts(READ_CALCULATIONS, answer);
        return new Calculations(Codecs.int32BigEndian(answer, 4), v);
    }

    public static int[] parseParameters(byte[] answer) throws DeviceException {
        return parseInts(READ_PARAMETERS, answer);
    }

    public static byte[] parseVisibilities(byte[] answer) throws DeviceException {
        int count = header(READ_VISIBILITIES, answer);
        if (answer.length != 8 + count) {
            throw protocol("3005 answer announces " + count + " visibilities but has " + (answer.length - 8) + " bytes of values");
        }
        return Arrays.copyOfRange(answer, 8, 8 + count);
    }

    /** The int32 after the echoed 3002 (firmware-dependent; the reference controller echoes the parameter id). */
    public static int parseWriteAnswer(byte[] answer) throws DeviceException {
        if (answer == null || answer.length != 8) {
            throw protocol("3002 answer must be 8 bytes, got " + (answer == null ? 0 : answer.length));
        }
        expectEcho(WRITE_PARAMETER, answer);
        return Codecs.int32BigEndian(answer, 4);
    }

    private static int[] parseInts(int command, byte[] answer) throws DeviceException {
        int count = header(command, answer);
        int h = headerLength(command);
        if (answer.length != h + 4L * count) {
            throw protocol(command + " answer announces " + count + " values but has " + (answer.length - h) + " bytes of values");
        }
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = Codecs.int32BigEndian(answer, h + 4 * i);
        }
        return values;
    }

    private static int header(int command, byte[] answer) throws DeviceException {
        int h = headerLength(command);
        if (answer == null || answer.length < h) {
            throw protocol(command + " answer shorter than its " + h + "-byte header");
        }
        expectEcho(command, answer);
        int count = Codecs.int32BigEndian(answer, h - 4);
        checkCount(count);
        return count;
    }

    private static void expectEcho(int command, byte[] answer) throws DeviceException {
        int echo = Codecs.int32BigEndian(answer, 0);
        if (echo != command) {
            throw protocol("expected echo of command " + command + ", got " + echo);
        }
    }

    private static void checkCount(int count) throws DeviceException {
        if (count < 0 || count > MAX_COUNT) {
            throw protocol("implausible value count " + count);
        }
    }

    private static DeviceException protocol(String message) {
        return new DeviceException(DeviceException.Kind.PROTOCOL, message, true, null);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
