package org.heatpumpsuite.polling.vendor;

import java.util.Locale;

/**
 * How a value is encoded on the wire. Modbus types occupy {@link #words()} 16-bit registers; Luxtronik types occupy
 * one array entry (int32, or one byte for visibilities), except {@link #CHARS}, which spans {@code count} entries.
 */
public enum DataType {
    /** Unsigned 8-bit value in the low byte of one register (NIBE u8). */
    U8(1, false),
    /** Signed 8-bit value, sign-extended to 16 bits on the wire (NIBE s8). */
    S8(1, false),
    /** Unsigned 16-bit register (iDM UCHAR is read as the full unsigned register). */
    U16(1, false),
    /** Signed 16-bit register (two's complement). */
    S16(1, false),
    /** Unsigned 32-bit value in two registers, order per {@link WordOrder}. */
    U32(2, false),
    /** Signed 32-bit value in two registers, order per {@link WordOrder}. */
    S32(2, false),
    /** IEEE-754 float32 in two registers, order per {@link WordOrder} (iDM: low word first). */
    FLOAT32(2, false),
    /** Two ASCII characters in one register, high byte first (Daikin Text16: 0x5538 = "U8"). */
    TEXT16(1, false),
    /** Luxtronik signed big-endian int32 array entry. */
    INT32(1, true),
    /** Luxtronik int32 array entry read as unsigned (counters, seconds, energy). */
    UINT32(1, true),
    /** Luxtronik int32 whose four big-endian bytes are the IPv4 octets. */
    IPV4(1, true),
    /** Luxtronik run of int32 entries, one character each, 0 = empty (firmware version). */
    CHARS(1, true),
    /** Luxtronik visibility: one signed byte. */
    BYTE(1, true);

    private final int words;
    private final boolean luxtronik;

    DataType(int words, boolean luxtronik) {
        this.words = words;
        this.luxtronik = luxtronik;
    }

    /** Registers (Modbus) or array entries (Luxtronik, per character for {@link #CHARS}) one value occupies. */
    public int words() {
        return words;
    }

    public boolean isLuxtronik() {
        return luxtronik;
    }

    public boolean isInteger() {
        return this != FLOAT32 && this != TEXT16 && this != IPV4 && this != CHARS;
    }

    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DataType fromFile(String name) {
        for (DataType t : values()) {
            if (t.fileName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown type '" + name + "'");
    }
}
