package org.heatpumpsuite.polling.transport.luxtronik;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** At least 100,000 random replies into the Luxtronik response parser: no uncaught exception, ever. */
class LuxtronikFuzzTest {

    private static final long SEED = 0x1_0C7_20E1L;
    private static final int FRAMES = 100_000;
    private static final int[] COMMANDS = { 3002, 3003, 3004, 3005 };

    @Test
    void randomRepliesNeverEscapeTheParser() {
        Random rnd = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < FRAMES; i++) {
            int command = COMMANDS[rnd.nextInt(COMMANDS.length)];
            byte[] frame = randomReply(rnd, command);
            LuxtronikResponseParser p = new LuxtronikResponseParser(command, 2000);
            int pos = 0;
            while (pos < frame.length) {
                int n = 1 + rnd.nextInt(frame.length - pos);
                p.feed(frame, pos, n);
                pos += n;
            }
            LuxtronikResponseParser.Status s = p.status() == LuxtronikResponseParser.Status.NEED_MORE
                    ? p.endOfStream()
                    : p.status();
            String key = s == LuxtronikResponseParser.Status.ERROR ? "error:" + p.errorKind() : s.name();
            outcomes.merge(key, 1, Integer::sum);
            if (s == LuxtronikResponseParser.Status.COMPLETE && command != 3002) {
                assertThat(command == 3005 ? p.bytes() : p.ints()).isNotNull();
            }
        }
        System.out.println("Luxtronik fuzz outcomes over " + FRAMES + " replies (seed " + SEED + "): " + outcomes);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(FRAMES);
        assertThat(outcomes).containsKeys("COMPLETE", "error:garbage", "error:oversized", "error:truncated",
                "error:no_reply");
    }

    private static byte[] randomReply(Random rnd, int command) {
        if (rnd.nextInt(3) == 0) {
            byte[] noise = new byte[rnd.nextInt(64)];
            rnd.nextBytes(noise);
            return noise;
        }
        int count = rnd.nextInt(8) == 0 ? rnd.nextInt() : rnd.nextInt(300);
        int payload = Math.max(0, Math.min(count, 2500)) * (command == 3005 ? 1 : 4);
        ByteBuffer b = ByteBuffer.allocate(12 + payload + 8);
        b.putInt(rnd.nextInt(10) == 0 ? rnd.nextInt() : command);
        if (command == 3004) {
            b.putInt(rnd.nextInt(4) == 0 ? rnd.nextInt() : 0);
        }
        b.putInt(count);
        for (int i = 0; i < payload; i++) {
            b.put((byte) rnd.nextInt());
        }
        int extra = rnd.nextInt(6) == 0 ? rnd.nextInt(8) : 0;
        for (int i = 0; i < extra; i++) {
            b.put((byte) rnd.nextInt());
        }
        int length = b.position();
        if (rnd.nextInt(5) == 0) {
            length = rnd.nextInt(length + 1); // cut short
        }
        byte[] out = new byte[length];
        System.arraycopy(b.array(), 0, out, 0, length);
        return out;
    }
}
