package org.heatpumpsuite.polling.vendor.luxtronik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatpumpsuite.polling.simulator.TestSupport.failure;
import static org.heatpumpsuite.polling.simulator.TestSupport.join;

import java.time.Duration;

import org.heatpumpsuite.polling.simulator.LuxtronikSimulatedDevice;
import org.heatpumpsuite.polling.simulator.LuxtronikSimulatorServer;
import org.heatpumpsuite.polling.simulator.MutableClock;
import org.heatpumpsuite.polling.simulator.PumpState;
import org.heatpumpsuite.polling.simulator.SimulationClock;
import org.heatpumpsuite.polling.simulator.TestSupport;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikClient;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikConfig;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikEndpoint;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

/** The simulated Luxtronik 2.1 over a real socket, checked against luxtronik-2.1.yaml and test-vectors.md §3.1. */
class LuxtronikSimulatorTest {

    private final MutableClock clock = new MutableClock();
    private Vertx vertx;
    private LuxtronikSimulatorServer server;
    private LuxtronikSimulatedDevice lux;
    private LuxtronikClient client;
    private LuxtronikEndpoint ep;

    @BeforeEach
    void start() {
        vertx = TestSupport.vertx(1);
        server = new LuxtronikSimulatorServer(vertx);
        lux = new LuxtronikSimulatedDevice("sim-lux", new LuxtronikSimulator(), SimulationClock.of(clock, 1), 51);
        ep = new LuxtronikEndpoint("hp-5a5a5a5a", "127.0.0.1", join(server.start(lux, "127.0.0.1", 0)));
        client = new LuxtronikClient(vertx, LuxtronikConfig.defaults().withPauseAfterWrite(Duration.ZERO));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        TestSupport.close(vertx);
    }

    @Test
    void ownEncodingMatchesTheTestVectors() {
        assertThat(LuxtronikSimulator.celsius(35.0)).isEqualTo(0x15E); // §3.1 #3
        assertThat(LuxtronikSimulator.celsius(-5.0)).isEqualTo(0xFFFFFFCE); // #4
        assertThat(LuxtronikSimulator.energy(12345.6)).isEqualTo(0x0001E240); // #5
        assertThat(LuxtronikSimulator.ipv4(192, 168, 0, 1)).isEqualTo(0xC0A80001); // #7
        assertThat(LuxtronikSimulator.celsius(-1.1)).isEqualTo(0xFFFFFFF5); // #13
    }

    @Test
    void fullReadReturnsEveryDefinedValue() {
        LuxtronikSnapshot snap = join(client.readAll(ep));
        assertThat(snap.calculations()).hasSize(269); // ids up to 268
        assertThat(snap.parameters()).hasSize(1160); // ids up to 1159
        assertThat(snap.visibilities()).hasSize(380);
        PumpState st = lux.state();
        int[] c = snap.calculations();
        assertThat(c[10]).isEqualTo((int) Math.round(st.flowTemp() * 10));
        assertThat(c[11]).isEqualTo((int) Math.round(st.returnTemp() * 10));
        assertThat(c[15]).isEqualTo((int) Math.round(st.outdoorTemp() * 10));
        assertThat(c[17]).isEqualTo((int) Math.round(st.dhwTopTemp() * 10));
        assertThat(c[44]).isEqualTo(st.compressorOn() ? 1 : 0);
        assertThat(c[56]).isEqualTo((int) st.compressorSeconds()); // seconds, not hours
        assertThat(c[57]).isEqualTo((int) st.compressorStarts());
        assertThat(c[80]).isIn(0, 1, 4, 5);
        StringBuilder fw = new StringBuilder();
        for (int i = 81; i <= 90 && c[i] != 0; i++) {
            fw.append((char) c[i]);
        }
        assertThat(fw).hasToString("V3.92.0");
        assertThat(c[91]).isEqualTo(0x7F000001);
        assertThat(c[154]).isBetween(c[151] + c[152], c[151] + c[152] + 1); // total = heating + hot water, 0.1 kWh
        assertThat(c[268]).isEqualTo((int) Math.round(st.electricPowerKw() * 1000));
        assertThat(snap.parameters()[105]).isEqualTo(500);
        assertThat(snap.parameters()[1136]).isPositive();
    }

    @Test
    void countersGrowAndModesChangeOverTime() {
        int[] before = join(client.readCalculations(ep));
        boolean sawDhw = false;
        boolean sawHeating = false;
        for (int i = 0; i < 24 * 4; i++) {
            clock.advance(Duration.ofMinutes(15));
            int[] c = join(client.readCalculations(ep));
            sawDhw |= c[80] == 1;
            sawHeating |= c[80] == 0;
            if (c[80] == 0) {
                assertThat(c[10]).isGreaterThan(c[11]); // flow above return while heating
            }
        }
        int[] after = join(client.readCalculations(ep));
        assertThat(sawDhw).isTrue();
        assertThat(sawHeating).isTrue();
        assertThat(after[56]).isGreaterThan(before[56]);
        assertThat(after[57]).isGreaterThan(before[57]);
        assertThat(after[154]).isGreaterThan(before[154]);
        assertThat(after[151]).isGreaterThanOrEqualTo(before[151]);
    }

    @Test
    void writableParametersAreHonouredOthersRefused() {
        assertThat(join(client.writeParameter(ep, 105, 470))).isEqualTo(105); // §3.1 #10
        assertThat(join(client.readParameters(ep))[105]).isEqualTo(470);
        assertThat(join(client.readCalculations(ep))[18]).isEqualTo(470);
        join(client.writeParameter(ep, 1, -11)); // -1.1 °C
        assertThat(join(client.readParameters(ep))[1]).isEqualTo(-11);
        join(client.writeParameter(ep, 4, 4)); // hot water mode Off
        assertThat(failure(client.writeParameter(ep, 4, 5)).retryable()).isTrue(); // enum 0..4: connection closed
        assertThat(failure(client.writeParameter(ep, 1136, 0)).getMessage()).contains("without replying");
        assertThat(failure(client.writeParameter(ep, 5000, 1)).getMessage()).contains("without replying");
        int[] p = join(client.readParameters(ep));
        assertThat(p[4]).isEqualTo(4);
        assertThat(p[1136]).isPositive();
    }
}
