package org.heatpumpsuite.polling.transport.luxtronik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatpumpsuite.polling.simulator.TestSupport.failure;
import static org.heatpumpsuite.polling.simulator.TestSupport.join;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.heatpumpsuite.polling.simulator.LuxtronikSimulatedDevice;
import org.heatpumpsuite.polling.simulator.LuxtronikSimulatorServer;
import org.heatpumpsuite.polling.simulator.MutableClock;
import org.heatpumpsuite.polling.simulator.SimulationClock;
import org.heatpumpsuite.polling.simulator.TestSupport;
import org.heatpumpsuite.polling.transport.DeviceException;
import org.heatpumpsuite.polling.transport.DeviceException.Kind;
import org.heatpumpsuite.polling.vendor.luxtronik.LuxtronikSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;

/** The Luxtronik client against simulated controllers on real sockets: reads, writes, lock, pause, faults. */
class LuxtronikClientTest {

    private static Vertx serverVertx;
    private static Vertx clientVertx;

    private LuxtronikSimulatorServer server;
    private LuxtronikSimulatedDevice a;
    private LuxtronikSimulatedDevice b;
    private LuxtronikEndpoint ea;
    private LuxtronikEndpoint eb;
    private LuxtronikClient client;
    private SimpleMeterRegistry registry;

    @BeforeAll
    static void vertx() {
        serverVertx = TestSupport.vertx(1);
        clientVertx = TestSupport.vertx(2);
    }

    @AfterAll
    static void closeVertx() {
        TestSupport.close(clientVertx);
        TestSupport.close(serverVertx);
    }

    @BeforeEach
    void start() {
        MutableClock clock = new MutableClock();
        SimulationClock sim = SimulationClock.of(clock, 1);
        server = new LuxtronikSimulatorServer(serverVertx);
        a = new LuxtronikSimulatedDevice("hp-11111111", new LuxtronikSimulator(), sim, 1);
        b = new LuxtronikSimulatedDevice("hp-22222222", new LuxtronikSimulator(), sim, 2);
        ea = new LuxtronikEndpoint("hp-11111111", "127.0.0.1", join(server.start(a, "127.0.0.1", 0)));
        eb = new LuxtronikEndpoint("hp-22222222", "127.0.0.1", join(server.start(b, "127.0.0.1", 0)));
        registry = new SimpleMeterRegistry();
        client = new LuxtronikClient(clientVertx, LuxtronikConfig.defaults().withReadTimeout(Duration.ofMillis(400))
                .withPauseAfterWrite(Duration.ofMillis(300)), registry, clock);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void assertOtherPumpUnaffected() {
        assertThat(join(client.readCalculations(eb))).hasSize(LuxtronikSimulator.CALCULATIONS);
        assertThat(client.frameErrors().total("hp-22222222")).isZero();
    }

    @Test
    void readsAllThreeTablesWithFreshConnections() {
        int[] calc = join(client.readCalculations(ea));
        int[] params = join(client.readParameters(ea));
        byte[] vis = join(client.readVisibilities(ea));
        assertThat(calc).hasSize(269);
        assertThat(params).hasSize(1160);
        assertThat(vis).hasSize(380);
        assertThat(calc).isEqualTo(a.calculations());
        assertThat(a.connectionsAccepted()).isEqualTo(3);
        LuxtronikSnapshot all = join(client.readAll(ea));
        assertThat(all.parameters()[105]).isEqualTo(500);
        assertThat(a.connectionsAccepted()).isEqualTo(4); // 3003 + 3004 + 3005 on one connection
        assertThat(client.connectionsOpened()).isEqualTo(4);
    }

    @Test
    void writtenParameterReadsBackAndTheNextOperationWaitsForThePause() {
        long before = System.nanoTime();
        assertThat(join(client.writeParameter(ea, 105, 470))).isEqualTo(105);
        int[] params = join(client.readParameters(ea));
        long elapsedMs = (System.nanoTime() - before) / 1_000_000;
        assertThat(params[105]).isEqualTo(470);
        assertThat(elapsedMs).as("read started only after the 300 ms pause").isGreaterThanOrEqualTo(300);
        assertThat(join(client.readCalculations(ea))[18]).isEqualTo(470); // hot-water target follows
    }

    @Test
    void oneOperationAtATimePerPump() {
        a.faults().slow(Duration.ofMillis(20)); // replies take a while: overlapping operations would show
        b.faults().slow(Duration.ofMillis(20));
        List<CompletableFuture<?>> ops = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ops.add(client.readAll(ea).toCompletableFuture());
            ops.add(client.readAll(eb).toCompletableFuture());
        }
        ops.forEach(TestSupport::join);
        assertThat(a.maxConcurrentRequests()).isEqualTo(1);
        assertThat(b.maxConcurrentRequests()).isEqualTo(1);
        assertThat(a.connectionsAccepted()).isEqualTo(8);
    }

    @Test
    void refusedWriteClosesTheConnectionWithoutReply() {
        DeviceException e = failure(client.writeParameter(ea, 10, 1)); // parameter 10 is not writable
        assertThat(e.kind()).isEqualTo(Kind.OTHER);
        assertThat(e.retryable()).isTrue();
        assertThat(failure(client.writeParameter(ea, 3, 9)).kind()).isEqualTo(Kind.OTHER); // enum 0..4
        assertThat(join(client.readParameters(ea))[3]).isZero();
    }

    @Test
    void slowReplyWithinTheReadTimeoutSucceeds() {
        a.faults().slow(Duration.ofMillis(150));
        CompletionStage<int[]> slow = client.readCalculations(ea);
        assertOtherPumpUnaffected();
        assertThat(join(slow)).hasSize(269);
    }

    @Test
    void noReplyIsARetryableTimeout() {
        a.faults().noReply();
        DeviceException e = failure(client.readCalculations(ea));
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.retryable()).isTrue();
        assertOtherPumpUnaffected();
        DeviceException w = failure(client.writeParameter(ea, 105, 480));
        assertThat(w.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(w.getMessage()).contains("verify by reading back");
        a.faults().clear();
        assertThat(join(client.readParameters(ea))[105]).isEqualTo(500); // the request was swallowed
    }

    @Test
    void droppedConnectionIsRetryable() {
        a.faults().dropConnection().times(1);
        DeviceException e = failure(client.readParameters(ea));
        assertThat(e.kind()).isEqualTo(Kind.OTHER);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("connection died");
        assertOtherPumpUnaffected();
        assertThat(join(client.readParameters(ea))).hasSize(1160);
    }

    @Test
    void garbageTruncatedAndOversizedRepliesAreCountedProtocolErrors() {
        a.faults().garbage().times(1);
        assertThat(failure(client.readCalculations(ea)).kind()).isEqualTo(Kind.PROTOCOL);
        a.faults().truncated().times(1);
        DeviceException t = failure(client.readCalculations(ea));
        assertThat(t.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(t.retryable()).isTrue();
        a.faults().oversized().times(1);
        assertThat(failure(client.readParameters(ea)).kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(client.frameErrors().count("hp-11111111", "garbage")).isEqualTo(1);
        assertThat(client.frameErrors().count("hp-11111111", "truncated")).isEqualTo(1);
        assertThat(client.frameErrors().count("hp-11111111", "oversized")).isEqualTo(1);
        assertThat(registry.get("polling.frame.errors").tag("heatpump_id", "hp-11111111").tag("kind", "truncated")
                .counter().count()).isEqualTo(1.0);
        assertOtherPumpUnaffected();
        assertThat(join(client.readCalculations(ea))).hasSize(269);
    }

    @Test
    void refusedConnection() throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0)) {
            port = ss.getLocalPort();
        }
        DeviceException e = failure(client.readCalculations(new LuxtronikEndpoint("hp-33333333", "127.0.0.1", port)));
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void operationsQueuedForOnePumpAreBounded() {
        a.faults().slow(Duration.ofMillis(100));
        List<CompletableFuture<int[]>> ops = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ops.add(client.readCalculations(ea).toCompletableFuture());
        }
        long rejected = ops.stream().filter(f -> {
            try {
                f.get(10, java.util.concurrent.TimeUnit.SECONDS);
                return false;
            } catch (Exception ex) {
                return ex.getCause() instanceof DeviceException d && d.getMessage().contains("Too many");
            }
        }).count();
        assertThat(rejected).isEqualTo(4); // 8 queued per pump by default
    }

    @Test
    void firmwareThatDoesNotAcknowledgeWritesAfterAReadOnTheSameSocket() {
        // BenPru/luxtronik #761: the client writes on a fresh connection, so the quirk does not bite
        a.setNoAckAfterReadOnSameConnection(true);
        assertThat(join(client.writeParameter(ea, 105, 455))).isEqualTo(105);
        assertThat(join(client.readParameters(ea))[105]).isEqualTo(455);
    }
}
