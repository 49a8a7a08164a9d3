package org.heatpumpsuite.polling.transport.luxtronik;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikResponseParser.Status;
import org.junit.jupiter.api.Test;

/** The reply parser against reference/test-vectors.md §3.1. */
class LuxtronikResponseParserTest {

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static LuxtronikResponseParser parse(int command, String hex) {
        LuxtronikResponseParser p = new LuxtronikResponseParser(command, 10_000);
        byte[] b = hex(hex);
        p.feed(b, 0, b.length);
        return p;
    }

    @Test
    void calculationsHeaderHasEchoStatusAndCount() {
        // #2: 00000BBC 00000000 0000010B followed by 267 int32; #3, #4: calculation 10 = 0x15E, 15 = 0xFFFFFFCE
        StringBuilder s = new StringBuilder("00000BBC 00000000 0000010B");
        for (int i = 0; i < 267; i++) {
            s.append(i == 10 ? "0000015E" : i == 15 ? "FFFFFFCE" : String.format("%08X", i));
        }
        LuxtronikResponseParser p = parse(3004, s.toString());
        assertThat(p.status()).isEqualTo(Status.COMPLETE);
        assertThat(p.calculationStatus()).isZero();
        assertThat(p.ints()).hasSize(267);
        assertThat(p.ints()[10]).isEqualTo(350);
        assertThat(p.ints()[15]).isEqualTo(-50); // signed
        assertThat(p.ints()[266]).isEqualTo(266);
    }

    @Test
    void parametersHaveNoStatusField() {
        // #11: 00000BBB <N> N×int32
        LuxtronikResponseParser p = parse(3003, "00000BBB 00000002 000001D6 FFFFFFF5");
        assertThat(p.status()).isEqualTo(Status.COMPLETE);
        assertThat(p.ints()).containsExactly(470, -11);
    }

    @Test
    void visibilitiesAreOneSignedByteEach() {
        // #12: 00000BBD <N> N×int8
        LuxtronikResponseParser p = parse(3005, "00000BBD 00000004 01 00 FF 01");
        assertThat(p.status()).isEqualTo(Status.COMPLETE);
        assertThat(p.bytes()).containsExactly(1, 0, -1, 1);
    }

    @Test
    void writeAcknowledgementIsTheEchoPlusOneInt() {
        // #10: response 00000BBA 00000069 (the fake controller echoes the parameter id)
        LuxtronikResponseParser p = parse(3002, "00000BBA 00000069");
        assertThat(p.status()).isEqualTo(Status.COMPLETE);
        assertThat(p.writeAck()).isEqualTo(105);
    }

    @Test
    void byteByByteDeliveryGivesTheSameResult() {
        byte[] b = hex("00000BBC 00000000 00000002 0000015E FFFFFFCE");
        LuxtronikResponseParser p = new LuxtronikResponseParser(3004, 100);
        for (int i = 0; i < b.length; i++) {
            assertThat(p.feed(b, i, 1)).isEqualTo(i == b.length - 1 ? Status.COMPLETE : Status.NEED_MORE);
        }
        assertThat(p.ints()).containsExactly(350, -50);
    }

    @Test
    void errorsAreReportedNotThrown() {
        assertThat(parse(3004, "00000BBB 00000000 00000000").errorKind()).isEqualTo("garbage"); // wrong echo
        assertThat(parse(3003, "00000BBB FFFFFFFF").errorKind()).isEqualTo("garbage"); // negative count
        assertThat(parse(3003, "00000BBB 7FFFFFFF").errorKind()).isEqualTo("oversized");
        assertThat(parse(3003, "00000BBB 00000001 00000001 00").errorKind()).isEqualTo("garbage"); // trailing byte
        LuxtronikResponseParser truncated = parse(3003, "00000BBB 00000002 00000001 0000");
        assertThat(truncated.status()).isEqualTo(Status.NEED_MORE);
        assertThat(truncated.endOfStream()).isEqualTo(Status.ERROR);
        assertThat(truncated.errorKind()).isEqualTo("truncated");
        LuxtronikResponseParser none = new LuxtronikResponseParser(3005, 10);
        assertThat(none.endOfStream()).isEqualTo(Status.ERROR);
        assertThat(none.errorKind()).isEqualTo("no_reply");
    }
}
