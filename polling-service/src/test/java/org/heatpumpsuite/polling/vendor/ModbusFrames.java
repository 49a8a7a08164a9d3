package org.heatpumpsuite.polling.vendor;

import java.util.Locale;

import org.heatpumpsuite.polling.transport.DeviceException;

/**
 * Test helper: Modbus TCP frames as hex, to compare our planned reads and encoded writes with the golden bytes of
 * reference/test-vectors.md and to turn golden answers into the registers a ModbusSession would deliver.
 */
public final class ModbusFrames {

    private ModbusFrames() {
    }

    /** Removes blanks and ellipses, upper case. */
    public static String hex(String s) {
        return s.replace("…", "").replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    public static byte[] bytes(String hexText) {
        String h = hex(hexText);
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    public static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X", x & 0xFF));
        }
        return sb.toString();
    }

    private static String mbap(int txId, int unit, int pduLength) {
        return String.format("%04X0000%04X%02X", txId, pduLength + 1, unit);
    }

    /** The request frame that executes a planned block. */
    public static String readRequest(int txId, int unit, ReadBlock b) {
        return mbap(txId, unit, 5) + String.format("%02X%04X%04X", b.functionCode().code(), b.address(), b.count());
    }

    /** The request PDU of a planned block (function code, address, count). */
    public static String readPdu(ReadBlock b) {
        return String.format("%02X%04X%04X", b.functionCode().code(), b.address(), b.count());
    }

    /** The request frame of an encoded write (FC06 single register or FC16 multiple registers). */
    public static String writeRequest(int txId, int unit, Write w) {
        int fc = w.functionCode().code();
        if (fc == 6) {
            return mbap(txId, unit, 5) + String.format("06%04X%04X", w.address(), w.words()[0]);
        }
        StringBuilder data = new StringBuilder();
        for (int word : w.words()) {
            data.append(String.format("%04X", word));
        }
        int n = w.words().length;
        return mbap(txId, unit, 6 + 2 * n) + String.format("10%04X%04X%02X", w.address(), n, 2 * n) + data;
    }

    /** Registers of a read answer: full frame (MBAP + PDU) or PDU only (fc, byte count, data). */
    public static int[] registers(String answer) {
        String h = hex(answer);
        int pdu = h.length() >= 18 && h.substring(4, 8).equals("0000") ? 14 : 0;
        int byteCount = Integer.parseInt(h.substring(pdu + 2, pdu + 4), 16);
        int[] words = new int[byteCount / 2];
        for (int i = 0; i < words.length; i++) {
            int at = pdu + 4 + 4 * i;
            words[i] = Integer.parseInt(h.substring(at, at + 4), 16);
        }
        return words;
    }

    /** Registers given as hex words, e.g. "CCCD 4144". */
    public static int[] words(String hexWords) {
        String[] parts = hexWords.trim().split("[\\s,]+");
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            w[i] = Integer.parseInt(parts[i].replace("0x", ""), 16);
        }
        return w;
    }

    /** An exception answer PDU (e.g. "84 02") as the transport reports it. */
    public static DeviceException exception(String pdu) {
        String h = hex(pdu);
        int fc = Integer.parseInt(h.substring(0, 2), 16);
        int code = Integer.parseInt(h.substring(2, 4), 16);
        if ((fc & 0x80) == 0) {
            throw new IllegalArgumentException("not an exception answer: " + pdu);
        }
        return DeviceException.modbus(code, "function 0x" + Integer.toHexString(fc) + " exception " + code);
    }
}
