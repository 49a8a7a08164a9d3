package org.heatpumpsuite.polling.transport.luxtronik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatpumpsuite.polling.simulator.TestSupport.join;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.heatpumpsuite.polling.simulator.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

/**
 * The Luxtronik client against an implementation that is not ours: a plain socket peer replaying the fixed reply
 * frames of reference/test-vectors.md §3.1 and recording the request bytes the client sent.
 */
class LuxtronikReplayTest {

    private static Vertx vertx;
    private static LuxtronikClient client;

    @BeforeAll
    static void start() {
        vertx = TestSupport.vertx(1);
        client = new LuxtronikClient(vertx, LuxtronikConfig.defaults().withPauseAfterWrite(Duration.ZERO)
                .withReadTimeout(Duration.ofSeconds(3)));
    }

    @AfterAll
    static void stop() {
        client.close();
        TestSupport.close(vertx);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    /** Serves one connection per exchange: reads {@code requestLength} bytes, replies, closes. */
    private static final class Replay implements AutoCloseable {
        final ServerSocket server;
        final List<String> requests = new CopyOnWriteArrayList<>();
        final Thread thread;

        Replay(List<Integer> requestLengths, List<byte[]> replies) throws Exception {
            server = new ServerSocket(0);
            thread = new Thread(() -> {
                for (int i = 0; i < replies.size(); i++) {
                    try (Socket s = server.accept()) {
                        InputStream in = s.getInputStream();
                        requests.add(hex(in.readNBytes(requestLengths.get(i))));
                        s.getOutputStream().write(replies.get(i));
                        s.getOutputStream().flush();
                    } catch (Exception e) {
                        requests.add("error: " + e);
                    }
                }
            });
            thread.start();
        }

        LuxtronikEndpoint endpoint() {
            return new LuxtronikEndpoint("hp-1a2b3c4d", "127.0.0.1", server.getLocalPort());
        }

        @Override
        public void close() throws Exception {
            thread.join(5000);
            server.close();
        }
    }

    /** §3.1 #2..#9: 3004 reply with 267 calculations. */
    private static byte[] calculationsFrame() {
        String[] values = new String[267];
        for (int i = 0; i < values.length; i++) {
            values[i] = "00000000";
        }
        values[10] = "0000015E"; // #3 flow 35.0 °C
        values[15] = "FFFFFFCE"; // #4 outdoor -5.0 °C
        values[151] = "0001E240"; // #5 heat quantity heating 12345.6 kWh
        values[56] = "00008CA0"; // #6 compressor 1 operating time 36000 s
        values[91] = "C0A80001"; // #7 IP 192.168.0.1
        values[80] = "00000001"; // #8 hot water
        String[] version = { "00000056", "00000033", "0000002E", "00000039", "00000032", "0000002E", "00000030" };
        System.arraycopy(version, 0, values, 81, version.length); // #9 "V3.92.0"
        return hex("00000BBC 00000000 0000010B" + String.join("", values));
    }

    @Test
    void readsCalculationsFromFixedFrames() throws Exception {
        try (Replay r = new Replay(List.of(8), List.of(calculationsFrame()))) {
            int[] c = join(client.readCalculations(r.endpoint()));
            assertThat(r.requests).containsExactly("00000BBC00000000"); // #1
            assertThat(c).hasSize(267);
            assertThat(c[10]).isEqualTo(350);
            assertThat(c[15]).isEqualTo(-50);
            assertThat(c[151]).isEqualTo(123456);
            assertThat(c[56]).isEqualTo(36000);
            assertThat(c[91]).isEqualTo(-1062731775);
            assertThat(c[80]).isEqualTo(1);
            StringBuilder fw = new StringBuilder();
            for (int i = 81; i <= 90 && c[i] != 0; i++) {
                fw.append((char) c[i]);
            }
            assertThat(fw).hasToString("V3.92.0");
        }
    }

    @Test
    void readsParametersAndVisibilitiesFromFixedFrames() throws Exception {
        List<byte[]> replies = new ArrayList<>();
        replies.add(hex("00000BBB 00000003 00000000 FFFFFFF5 000001D6")); // #11, values -11 and 470
        replies.add(hex("00000BBD 00000005 01 00 FF 01 00")); // #12
        try (Replay r = new Replay(List.of(8, 8), replies)) {
            assertThat(join(client.readParameters(r.endpoint()))).containsExactly(0, -11, 470);
            assertThat(join(client.readVisibilities(r.endpoint()))).containsExactly(1, 0, -1, 1, 0);
            assertThat(r.requests).containsExactly("00000BBB00000000", "00000BBD00000000");
        }
    }

    @Test
    void writesParameterAsInTheVector() throws Exception {
        // #10: 3002, parameter 105, raw 470 (47.0 °C); reply 3002 + parameter id. #13: -1.1 °C → FFFFFFF5
        try (Replay r = new Replay(List.of(12, 12), List.of(hex("00000BBA 00000069"), hex("00000BBA 00000001")))) {
            assertThat(join(client.writeParameter(r.endpoint(), 105, 470))).isEqualTo(105);
            assertThat(join(client.writeParameter(r.endpoint(), 1, -11))).isEqualTo(1);
            assertThat(r.requests).containsExactly("00000BBA00000069000001D6", "00000BBA00000001FFFFFFF5");
        }
    }

    @Test
    void readAllUsesOneConnectionForThreeCommands() throws Exception {
        try (ServerSocket ss = new ServerSocket(0)) {
            List<String> seen = new CopyOnWriteArrayList<>();
            Thread t = new Thread(() -> {
                try (Socket s = ss.accept()) {
                    InputStream in = s.getInputStream();
                    seen.add(hex(in.readNBytes(8)));
                    s.getOutputStream().write(hex("00000BBB 00000001 000001D6"));
                    seen.add(hex(in.readNBytes(8)));
                    s.getOutputStream().write(calculationsFrame());
                    seen.add(hex(in.readNBytes(8)));
                    s.getOutputStream().write(hex("00000BBD 00000002 01 00"));
                    s.getOutputStream().flush();
                    in.read(); // wait for the client to close
                } catch (Exception e) {
                    seen.add("error: " + e);
                }
            });
            t.start();
            LuxtronikSnapshot snap = join(client.readAll(new LuxtronikEndpoint("hp-1a2b3c4d", "127.0.0.1",
                    ss.getLocalPort())));
            t.join(5000);
            assertThat(seen).containsExactly("00000BBB00000000", "00000BBC00000000", "00000BBD00000000");
            assertThat(snap.parameters()).containsExactly(470);
            assertThat(snap.calculations()[10]).isEqualTo(350);
            assertThat(snap.calculationStatus()).isZero();
            assertThat(snap.visibilities()).containsExactly(1, 0);
        }
    }
}
