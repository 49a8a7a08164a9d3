package org.heatpumpsuite.polling.transport.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.heatpumpsuite.polling.transport.modbus.MbapFrameDecoder.Adu;
import org.heatpumpsuite.polling.transport.modbus.ModbusPduCodec.Decoded;
import org.heatpumpsuite.polling.transport.modbus.ModbusPduCodec.Request;
import org.junit.jupiter.api.Test;

/** Request and reply frames against the golden bytes of reference/test-vectors.md (§1 iDM, §2 NIBE, §4 Daikin). */
class ModbusPduCodecTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    private static Adu frame(String s) {
        List<Adu> out = new ArrayList<>();
        byte[] b = hex(s);
        new MbapFrameDecoder().feed(b, 0, b.length, new MbapFrameDecoder.Listener() {
            @Override
            public void onFrame(Adu adu) {
                out.add(adu);
            }

            @Override
            public void onFramingError(String kind, String detail) {
                throw new AssertionError(kind + ": " + detail);
            }
        });
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    @Test
    void idmOutdoorTemperatureRead() {
        // §1 #1: FC04, start 1000, quantity 4
        Request r = Request.read(1, FunctionCode.READ_INPUT_REGISTERS, 1000, 4);
        assertThat(hex(ModbusPduCodec.encode(1, r))).isEqualTo("00010000000601" + "0403E80004");
        Decoded d = ModbusPduCodec.decode(frame("0001 0000 000B 01 04 08 0000 C0B0 CCCD 4144"), r);
        int[] w = ((Decoded.Registers) d).words();
        assertThat(w).containsExactly(0x0000, 0xC0B0, 0xCCCD, 0x4144);
        // FLOAT low word first (decoded here only to show the vector's values arrive intact)
        assertThat(Float.intBitsToFloat(w[1] << 16 | w[0])).isEqualTo(-5.5f);
        assertThat(Float.intBitsToFloat(w[3] << 16 | w[2])).isEqualTo(12.3f);
    }

    @Test
    void idmRoomTargetWriteWithFc16() {
        // §1 #4
        Request r = Request.write(1, FunctionCode.WRITE_MULTIPLE_REGISTERS, 1401, new int[] { 0x0000, 0x41AC });
        assertThat(hex(ModbusPduCodec.encode(2, r))).isEqualTo("0002 0000 000B 01 10 0579 0002 04 0000 41AC"
                .replace(" ", ""));
        assertThat(ModbusPduCodec.decode(frame("0002 0000 0006 01 10 0579 0002"), r)).isInstanceOf(Decoded.WriteAck.class);
    }

    @Test
    void idmIllegalAddressException() {
        // §1 #8: response PDU 84 02
        Request r = Request.read(1, FunctionCode.READ_INPUT_REGISTERS, 1748, 2);
        assertThat(ModbusPduCodec.decode(frame("0001 0000 0003 01 84 02"), r)).isEqualTo(new Decoded.Exception(2));
    }

    @Test
    void nibeFSeriesOutdoorReadAndCurveWrite() {
        // §2 #1: 40004 → PDU 3, FC03
        Request r = Request.read(1, FunctionCode.READ_HOLDING_REGISTERS, 3, 1);
        assertThat(hex(ModbusPduCodec.encode(1, r))).isEqualTo("000100000006010300030001");
        Decoded d = ModbusPduCodec.decode(frame("0001 0000 0005 01 03 02 FFCE"), r);
        assertThat(((Decoded.Registers) d).words()).containsExactly(0xFFCE);
        // §2 #11: 47007 → PDU 7006, FC16, value 9
        Request w = Request.write(1, FunctionCode.WRITE_MULTIPLE_REGISTERS, 7006, new int[] { 9 });
        assertThat(hex(ModbusPduCodec.encode(2, w))).isEqualTo("0002000000090110" + "1B5E0001020009");
    }

    @Test
    void nibeSSeriesFc04RejectedWithIllegalFunction() {
        // §2 #12: 84 01
        Request r = Request.read(1, FunctionCode.READ_INPUT_REGISTERS, 1, 1);
        assertThat(ModbusPduCodec.decode(frame("0001 0000 0003 01 84 01"), r)).isEqualTo(new Decoded.Exception(1));
    }

    @Test
    void daikinOutdoorReadAndSmartGridWrite() {
        // §4 #1: input register 44 → PDU 43, FC04
        Request r = Request.read(1, FunctionCode.READ_INPUT_REGISTERS, 43, 1);
        assertThat(hex(ModbusPduCodec.encode(1, r))).isEqualTo("00010000000601" + "04002B0001");
        assertThat(((Decoded.Registers) ModbusPduCodec.decode(frame("0001 0000 0005 01 04 02 FE0C"), r)).words())
                .containsExactly(0xFE0C);
        // §4 #7: FC06 at PDU 55 = 1, the response echoes the request
        Request w = Request.write(1, FunctionCode.WRITE_SINGLE_REGISTER, 55, new int[] { 1 });
        assertThat(hex(ModbusPduCodec.encode(2, w))).isEqualTo("000200000006010600370001");
        assertThat(ModbusPduCodec.decode(frame("0002 0000 0006 01 06 0037 0001"), w)).isInstanceOf(Decoded.WriteAck.class);
    }

    @Test
    void repliesThatDoNotMatchTheRequestAreInvalid() {
        Request r = Request.read(1, FunctionCode.READ_HOLDING_REGISTERS, 3, 2);
        assertThat(ModbusPduCodec.decode(frame("0001 0000 0005 01 03 02 FFCE"), r)).isInstanceOf(Decoded.Invalid.class);
        assertThat(ModbusPduCodec.decode(frame("0001 0000 0007 01 04 04 FFCE 0000"), r))
                .isInstanceOf(Decoded.Invalid.class);
        assertThat(ModbusPduCodec.decode(frame("0001 0000 0007 02 03 04 FFCE 0000"), r))
                .isInstanceOf(Decoded.Invalid.class);
        assertThat(ModbusPduCodec.decode(frame("0001 0000 0004 01 83 02 00"), r)).isInstanceOf(Decoded.Invalid.class);
        Request w = Request.write(1, FunctionCode.WRITE_SINGLE_REGISTER, 55, new int[] { 1 });
        assertThat(ModbusPduCodec.decode(frame("0002 0000 0006 01 06 0037 0002"), w)).isInstanceOf(Decoded.Invalid.class);
    }

    @Test
    void frameDecoderSplitsAndJoinsChunks() {
        byte[] two = hex("0001 0000 0005 01 03 02 FFCE" + "0002 0000 0005 01 03 02 0001");
        List<Adu> out = new ArrayList<>();
        MbapFrameDecoder dec = new MbapFrameDecoder();
        MbapFrameDecoder.Listener l = new MbapFrameDecoder.Listener() {
            @Override
            public void onFrame(Adu adu) {
                out.add(adu);
            }

            @Override
            public void onFramingError(String kind, String detail) {
                throw new AssertionError(kind);
            }
        };
        for (int i = 0; i < two.length; i++) {
            dec.feed(two, i, 1, l); // one byte at a time
        }
        assertThat(out).extracting(Adu::transactionId).containsExactly(1, 2);
        assertThat(dec.pendingBytes()).isZero();
        dec.feed(two, 0, 5, l);
        assertThat(dec.pendingBytes()).isEqualTo(5);
    }

    @Test
    void frameDecoderRejectsGarbageAndOversizedHeaders() {
        assertThat(framingError("0001 0001 0005 01 03 02 FFCE")).isEqualTo("garbage");
        assertThat(framingError("0001 0000 0001 01")).isEqualTo("garbage");
        assertThat(framingError("0001 0000 00FF 01 03")).isEqualTo("oversized");
        assertThat(framingError("0001 0000 FFFF 01 03")).isEqualTo("oversized");
    }

    private static String framingError(String s) {
        String[] kind = new String[1];
        byte[] b = hex(s);
        MbapFrameDecoder dec = new MbapFrameDecoder();
        dec.feed(b, 0, b.length, new MbapFrameDecoder.Listener() {
            @Override
            public void onFrame(Adu adu) {
                throw new AssertionError("no frame expected");
            }

            @Override
            public void onFramingError(String k, String detail) {
                kind[0] = k;
            }
        });
        assertThat(dec.failed()).isTrue();
        return kind[0];
    }
}
