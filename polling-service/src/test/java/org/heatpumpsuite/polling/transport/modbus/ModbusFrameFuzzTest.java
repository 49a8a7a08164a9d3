package org.heatpumpsuite.polling.transport.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.heatpumpsuite.polling.transport.modbus.MbapFrameDecoder.Adu;
import org.heatpumpsuite.polling.transport.modbus.ModbusPduCodec.Decoded;
import org.heatpumpsuite.polling.transport.modbus.ModbusPduCodec.Request;
import org.junit.jupiter.api.Test;

/**
 * Feeds random frames into the Modbus TCP response decoders (MBAP framing and the j2mod-based PDU parser): every
 * frame must end as a frame, a framing error, or a decoded/invalid reply, never as an uncaught exception.
 */
class ModbusFrameFuzzTest {

    private static final long SEED = 0x5EED_F00DL;
    private static final int FRAMES = 100_000;

    @Test
    void randomFramesNeverEscapeTheDecoders() {
        Random rnd = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < FRAMES; i++) {
            Request request = randomRequest(rnd);
            byte[] frame = randomFrame(rnd, request);
            if (frame.length == 0) {
                outcomes.merge("empty", 1, Integer::sum);
            }
            MbapFrameDecoder decoder = new MbapFrameDecoder();
            MbapFrameDecoder.Listener listener = new MbapFrameDecoder.Listener() {
                @Override
                public void onFrame(Adu adu) {
                    Decoded d = ModbusPduCodec.decode(adu, request);
                    String k = d instanceof Decoded.Invalid inv ? "invalid:" + inv.kind() : d.getClass().getSimpleName();
                    outcomes.merge(k, 1, Integer::sum);
                }

                @Override
                public void onFramingError(String kind, String detail) {
                    outcomes.merge("framing:" + kind, 1, Integer::sum);
                }
            };
            // random chunking, as TCP may deliver it
            int pos = 0;
            while (pos < frame.length) {
                int n = 1 + rnd.nextInt(frame.length - pos);
                decoder.feed(frame, pos, n, listener);
                pos += n;
            }
            if (decoder.pendingBytes() > 0) {
                outcomes.merge("incomplete", 1, Integer::sum);
            }
        }
        System.out.println("Modbus fuzz outcomes over " + FRAMES + " frames (seed " + SEED + "): " + outcomes);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(FRAMES);
        assertThat(outcomes).containsKeys("Registers", "Exception", "framing:garbage", "framing:oversized",
                "invalid:invalid_pdu");
    }

    @Test
    void randomPdusNeverEscapeThePduParser() {
        Random rnd = new Random(SEED + 1);
        Map<FunctionCode, Integer> decoded = new EnumMap<>(FunctionCode.class);
        for (int i = 0; i < FRAMES; i++) {
            Request request = randomRequest(rnd);
            byte[] pdu = new byte[rnd.nextInt(260)];
            rnd.nextBytes(pdu);
            if (pdu.length > 0 && rnd.nextBoolean()) {
                pdu[0] = (byte) (request.fc().code() | (rnd.nextInt(4) == 0 ? 0x80 : 0));
            }
            if (pdu.length > 1 && rnd.nextBoolean()) {
                pdu[1] = (byte) (2 * request.count());
            }
            Decoded d = ModbusPduCodec.decode(new Adu(rnd.nextInt(65536), 0, request.unitId(), pdu), request);
            assertThat(d).isNotNull();
            if (!(d instanceof Decoded.Invalid)) {
                decoded.merge(request.fc(), 1, Integer::sum);
            }
        }
        System.out.println("Modbus PDU fuzz: " + FRAMES + " random PDUs, accepted per function code: " + decoded);
    }

    /** A mix of pure noise, well-framed random PDUs and near-valid replies. */
    private static byte[] randomFrame(Random rnd, Request request) {
        switch (rnd.nextInt(4)) {
            case 0 -> {
                byte[] b = new byte[rnd.nextInt(300)];
                rnd.nextBytes(b);
                return b;
            }
            case 1 -> {
                int pduLen = 1 + rnd.nextInt(260);
                byte[] b = new byte[7 + pduLen];
                rnd.nextBytes(b);
                b[2] = 0;
                b[3] = 0;
                int len = rnd.nextInt(10) == 0 ? rnd.nextInt(65536) : 1 + pduLen;
                b[4] = (byte) (len >>> 8);
                b[5] = (byte) len;
                b[6] = 1;
                return b;
            }
            default -> {
                boolean matching = rnd.nextBoolean();
                int fc = matching ? request.fc().code() | (rnd.nextInt(5) == 0 ? 0x80 : 0)
                        : new int[] { 3, 4, 6, 16, 0x83, 0x84, 0x90, 0x86 }[rnd.nextInt(8)];
                int count = matching ? request.count() : 1 + rnd.nextInt(125);
                byte[] data;
                if (fc >= 0x80) {
                    data = new byte[] { (byte) (1 + rnd.nextInt(11)) };
                } else if (fc == 3 || fc == 4) {
                    data = new byte[1 + 2 * count];
                    rnd.nextBytes(data);
                    data[0] = (byte) (rnd.nextInt(5) == 0 ? rnd.nextInt(256) : 2 * count);
                } else {
                    data = new byte[4];
                    rnd.nextBytes(data);
                }
                int pduLen = 1 + data.length;
                if (rnd.nextInt(6) == 0) {
                    pduLen = Math.max(1, pduLen - 1 - rnd.nextInt(pduLen)); // truncated PDU, length field says so
                }
                byte[] b = new byte[7 + pduLen];
                b[0] = (byte) rnd.nextInt(256);
                b[1] = (byte) rnd.nextInt(256);
                b[4] = (byte) ((1 + pduLen) >>> 8);
                b[5] = (byte) (1 + pduLen);
                b[6] = 1;
                b[7] = (byte) fc;
                System.arraycopy(data, 0, b, 8, Math.min(data.length, pduLen - 1));
                return b;
            }
        }
    }

    private static Request randomRequest(Random rnd) {
        FunctionCode fc = FunctionCode.values()[rnd.nextInt(4)];
        int address = rnd.nextInt(65536 - 125);
        return switch (fc) {
            case READ_HOLDING_REGISTERS, READ_INPUT_REGISTERS -> Request.read(1, fc, address, 1 + rnd.nextInt(125));
            case WRITE_SINGLE_REGISTER -> Request.write(1, fc, address, new int[] { rnd.nextInt(65536) });
            case WRITE_MULTIPLE_REGISTERS -> Request.write(1, fc, address, new int[1 + rnd.nextInt(4)]);
        };
    }
}
