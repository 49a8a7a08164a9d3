package org.heatpumpsuite.polling.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The pure codecs, including the documented not-available markers. */
class CodecsTest {

    @Test
    void sixteenBitTypes() {
        assertThat(Codecs.u16(0xFFF6)).isEqualTo(65526);
        assertThat(Codecs.s16(0xFFF6)).isEqualTo(-10);
        assertThat(Codecs.u8(0x00FF)).isEqualTo(255);
        assertThat(Codecs.s8(0xFFF6)).isEqualTo(-10);
        assertThat(Codecs.encodeInteger(DataType.S8, -10, WordOrder.LITTLE)).containsExactly(0xFFF6);
        assertThatThrownBy(() -> Codecs.encodeInteger(DataType.S8, 200, WordOrder.LITTLE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Codecs.encodeInteger(DataType.U16, -1, WordOrder.LITTLE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thirtyTwoBitWordOrders() {
        assertThat(Codecs.u32(0x86A0, 0x0001, WordOrder.LITTLE)).isEqualTo(100000);
        assertThat(Codecs.u32(0x0001, 0x86A0, WordOrder.BIG)).isEqualTo(100000);
        assertThat(Codecs.encodeInteger(DataType.S32, -10, WordOrder.LITTLE)).containsExactly(0xFFF6, 0xFFFF);
        assertThat(Codecs.encodeInteger(DataType.S32, -10, WordOrder.BIG)).containsExactly(0xFFFF, 0xFFF6);
        assertThat(Codecs.idmFloat(0x0000, 0xC0B0)).isEqualTo(-5.5f);
        assertThat(Codecs.floatToDecimal(Codecs.idmFloat(0xCCCD, 0x4144))).isEqualTo(12.3);
    }

    @Test
    void documentedMarkers() {
        assertThat(Codecs.nibeLimitMarker(DataType.S16)).isEqualTo(-32768L);
        assertThat(Codecs.nibeLimitMarker(DataType.U16)).isEqualTo(0xFFFFL);
        assertThat(Codecs.nibeLimitMarker(DataType.U8)).isEqualTo(0xFFL);
        assertThat(Codecs.nibeLimitMarker(DataType.S32)).isEqualTo((long) Integer.MIN_VALUE);
        assertThat(Codecs.nibeLimitMarker(DataType.U32)).isNull(); // 0x80000000 is a real u32 value (test-vectors 2 #4)
        assertThat(Codecs.s16(0x7FFE)).isEqualTo(Codecs.DAIKIN_NOT_APPLICABLE);
        // the NIBE data files use exactly these markers
        var nibe = org.heatpumpsuite.polling.vendor.data.DataFiles.classpath("vendor/nibe/s_series.yaml").typeMarkers();
        for (DataType t : new DataType[] { DataType.S16, DataType.U16, DataType.U8, DataType.S32 }) {
            assertThat(nibe.get(t.fileName())).containsExactly(Codecs.nibeLimitMarker(t).doubleValue());
        }
    }

    @Test
    void luxtronikTypes() {
        assertThat(Codecs.int32BigEndian(new byte[] { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xCE }, 0)).isEqualTo(-50);
        assertThat(Codecs.ipv4(0xC0A80001)).isEqualTo("192.168.0.1");
        assertThat(Codecs.chars(new int[] { 'V', '3', '.', '9', '2', '.', '0', 0, 0, 0 }, 0, 10)).isEqualTo("V3.92.0");
        assertThat(Codecs.decodeInteger(DataType.UINT32, new int[] { -1 }, 0, WordOrder.BIG)).isEqualTo(0xFFFFFFFFL);
        assertThat(Codecs.text16(0x5538)).isEqualTo("U8");
        assertThat(Codecs.encodeText16("U8")).isEqualTo(0x5538);
    }
}
