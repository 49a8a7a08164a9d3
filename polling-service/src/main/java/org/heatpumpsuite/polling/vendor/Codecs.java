package org.heatpumpsuite.polling.vendor;

import java.nio.charset.StandardCharsets;

/**
 * Pure conversions between wire words/bytes and raw numbers, one function per data type and vendor order. Registers
 * are unsigned 16-bit words as {@code int} 0..65535 (as {@link org.heatpumpsuite.polling.transport.modbus.ModbusSession}
 * delivers them); Luxtronik values are big-endian int32.
 *
 * <p>Vendor orders (reference/protocol-notes.md, test-vectors.md):
 * <ul>
 * <li>iDM FLOAT: IEEE-754 float32, register N = low word (bits 15..0), N+1 = high word ({@link WordOrder#LITTLE}).</li>
 * <li>NIBE 32-bit: low word first with "word swap" on (default), high word first with it off; configurable.</li>
 * <li>Luxtronik: every field a signed big-endian int32; visibilities one signed byte each.</li>
 * <li>Daikin: Temp16/Pow16/flow are signed 16-bit /100; Int16 set points whole °C; 32766 = not applicable.</li>
 * </ul>
 * Not-available markers are data (per type in the model file, or per value); {@link #nibeLimitMarker} and
 * {@link #DAIKIN_NOT_APPLICABLE} name the documented ones.
 */
public final class Codecs {

    /** Daikin HomeHub "not applicable / no value". */
    public static final int DAIKIN_NOT_APPLICABLE = 32766;

    private Codecs() {
    }

    // ---------------------------------------------------------------- 16-bit

    public static int u16(int word) {
        return word & 0xFFFF;
    }

    public static int s16(int word) {
        return (short) word;
    }

    /** NIBE u8: the low byte of the register. */
    public static int u8(int word) {
        return word & 0xFF;
    }

    /** NIBE s8: the low byte of the register, signed (the device sign-extends it to 16 bits). */
    public static int s8(int word) {
        return (byte) word;
    }

    // ---------------------------------------------------------------- 32-bit

    private static long combine(int first, int second, WordOrder order) {
        int hi = order == WordOrder.BIG ? first : second;
        int lo = order == WordOrder.BIG ? second : first;
        return ((long) (hi & 0xFFFF) << 16) | (lo & 0xFFFF);
    }

    public static long u32(int first, int second, WordOrder order) {
        return combine(first, second, order);
    }

    public static int s32(int first, int second, WordOrder order) {
        return (int) combine(first, second, order);
    }

    public static float float32(int first, int second, WordOrder order) {
        return Float.intBitsToFloat((int) combine(first, second, order));
    }

    /** iDM FLOAT: register N is the low word, N+1 the high word. */
    public static float idmFloat(int regN, int regN1) {
        return float32(regN, regN1, WordOrder.LITTLE);
    }

    /**
     * The shortest decimal that reads back as the same float32, as a double: 12.3f becomes 12.3, not
     * 12.300000190734863. Readings carry what the device meant, not float noise.
     */
    public static double floatToDecimal(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return f;
        }
        return Double.parseDouble(Float.toString(f));
    }

    // ---------------------------------------------------------------- text

    /** Daikin Text16: two ASCII characters, high byte first; NUL bytes and surrounding blanks are dropped. */
    public static String text16(int word) {
        byte[] b = { (byte) ((word >> 8) & 0xFF), (byte) (word & 0xFF) };
        StringBuilder sb = new StringBuilder(2);
        for (byte c : b) {
            if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            }
        }
        return sb.toString().strip();
    }

    public static int encodeText16(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        if (b.length > 2) {
            throw new IllegalArgumentException("Text16 holds at most 2 characters: '" + s + "'");
        }
        int hi = b.length > 0 ? b[0] & 0xFF : 0;
        int lo = b.length > 1 ? b[1] & 0xFF : 0;
        return (hi << 8) | lo;
    }

    // ---------------------------------------------------------------- Luxtronik

    /** Signed big-endian int32 at {@code offset}. */
    public static int int32BigEndian(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8) | (b[offset + 3] & 0xFF);
    }

    public static byte[] int32BigEndian(int v) {
        return new byte[] { (byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v };
    }

    /** Luxtronik IPv4 address: the four big-endian bytes of the int32 are the octets. */
    public static String ipv4(int v) {
        return ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
    }

    /** Luxtronik character run (firmware version): one character per int32, 0 = empty. Non-printable entries are skipped. */
    public static String chars(int[] values, int from, int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = from; i < from + count && i < values.length; i++) {
            int c = values[i];
            if (c >= 0x20 && c < 0x7F) {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- generic decode / encode

    /**
     * Decodes an integer data type from registers (Modbus) or array entries (Luxtronik) starting at {@code offset}.
     *
     * @throws IllegalArgumentException if the type is not an integer type or there are too few words
     */
    public static long decodeInteger(DataType type, int[] words, int offset, WordOrder order) {
        if (offset < 0 || offset + type.words() > words.length) {
            throw new IllegalArgumentException(type + " needs " + type.words() + " words at " + offset + ", have " + words.length);
        }
        int w0 = words[offset];
        return switch (type) {
            case U8 -> u8(w0);
            case S8 -> s8(w0);
            case U16 -> u16(w0);
            case S16 -> s16(w0);
            case U32 -> u32(w0, words[offset + 1], order);
            case S32 -> s32(w0, words[offset + 1], order);
            case INT32 -> w0;
            case UINT32 -> Integer.toUnsignedLong(w0);
            case BYTE -> (byte) w0;
            default -> throw new IllegalArgumentException(type + " is not an integer type");
        };
    }

    /** Lowest raw value the type can carry. */
    public static long minRaw(DataType type) {
        return switch (type) {
            case U8, U16, U32, UINT32 -> 0;
            case S8, BYTE -> Byte.MIN_VALUE;
            case S16 -> Short.MIN_VALUE;
            case S32, INT32 -> Integer.MIN_VALUE;
            default -> throw new IllegalArgumentException(type + " is not an integer type");
        };
    }

    /** Highest raw value the type can carry. */
    public static long maxRaw(DataType type) {
        return switch (type) {
            case U8 -> 0xFF;
            case U16 -> 0xFFFF;
            case U32, UINT32 -> 0xFFFFFFFFL;
            case S8, BYTE -> Byte.MAX_VALUE;
            case S16 -> Short.MAX_VALUE;
            case S32, INT32 -> Integer.MAX_VALUE;
            default -> throw new IllegalArgumentException(type + " is not an integer type");
        };
    }

    /**
     * Encodes a raw integer into registers (Modbus types; s8 is sign-extended to 16 bits, NIBE) or one int32 entry
     * (Luxtronik INT32/UINT32).
     *
     * @throws IllegalArgumentException if the value does not fit the type
     */
    public static int[] encodeInteger(DataType type, long raw, WordOrder order) {
        if (raw < minRaw(type) || raw > maxRaw(type)) {
            throw new IllegalArgumentException("raw value " + raw + " does not fit " + type.fileName() + " (" + minRaw(type) + ".." + maxRaw(type) + ")");
        }
        return switch (type) {
            case U8, U16, S8, S16 -> new int[] { (int) (raw & 0xFFFF) };
            case U32, S32 -> split32((int) raw, order);
            case INT32, UINT32 -> new int[] { (int) raw };
            default -> throw new IllegalArgumentException(type + " cannot be written");
        };
    }

    public static int[] encodeFloat32(float value, WordOrder order) {
        return split32(Float.floatToIntBits(value), order);
    }

    private static int[] split32(int bits, WordOrder order) {
        int hi = (bits >>> 16) & 0xFFFF;
        int lo = bits & 0xFFFF;
        return order == WordOrder.BIG ? new int[] { hi, lo } : new int[] { lo, hi };
    }

    // ---------------------------------------------------------------- documented markers

    /**
     * NIBE "no value": a raw value at the type's integer limit (yozik04/nibe is_hitting_integer_limit, as listed in
     * protocol-notes.md 2.3): s16 0x8000, u16 0xFFFF, u8 0xFF, s32 0x80000000. Returns null for types without a documented marker.
     */
    public static Long nibeLimitMarker(DataType type) {
        return switch (type) {
            case S16 -> (long) Short.MIN_VALUE;
            case U16 -> 0xFFFFL;
            case U8 -> 0xFFL;
            case S32 -> (long) Integer.MIN_VALUE;
            default -> null;
        };
    }
}
