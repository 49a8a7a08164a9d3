package org.heatpumpsuite.polling.transport.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.heatpumpsuite.polling.simulator.TestSupport.join;
import static org.heatpumpsuite.polling.simulator.TestSupport.failure;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import org.heatpumpsuite.polling.simulator.ModbusSimulatedDevice;
import org.heatpumpsuite.polling.simulator.ModbusSimulatorServer;
import org.heatpumpsuite.polling.simulator.MutableClock;
import org.heatpumpsuite.polling.simulator.RegisterLayout.Table;
import org.heatpumpsuite.polling.simulator.SimulationClock;
import org.heatpumpsuite.polling.simulator.TestProfile;
import org.heatpumpsuite.polling.simulator.TestSupport;
import org.heatpumpsuite.polling.transport.DeviceException;
import org.heatpumpsuite.polling.transport.DeviceException.Kind;
import org.heatpumpsuite.polling.transport.FrameErrors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;

/** The async Modbus TCP client against simulated devices on real sockets: data, writes, every fault, reconnects. */
class ModbusTcpTransportTest {

    private static Vertx serverVertx;
    private static Vertx clientVertx;

    private MutableClock clock;
    private SimpleMeterRegistry registry;
    private ModbusSimulatorServer server;
    private ModbusTcpTransport transport;
    private TestProfile profileA;
    private ModbusSimulatedDevice a;
    private ModbusSimulatedDevice b;
    private ModbusSession sa;
    private ModbusSession sb;
    private int portA;

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
        clock = new MutableClock();
        registry = new SimpleMeterRegistry();
        server = new ModbusSimulatorServer(serverVertx);
        SimulationClock sim = SimulationClock.of(clock, 1);
        profileA = new TestProfile();
        a = new ModbusSimulatedDevice("hp-aaaaaaaa", profileA, 1, sim, 1);
        b = new ModbusSimulatedDevice("hp-bbbbbbbb", new TestProfile(), 1, sim, 2);
        portA = join(server.start(a, "127.0.0.1", 0));
        int portB = join(server.start(b, "127.0.0.1", 0));
        transport = new ModbusTcpTransport(clientVertx, ModbusTransportConfig.defaults()
                .withRequestTimeout(Duration.ofMillis(400)).withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8)),
                registry, clock);
        sa = transport.open("hp-aaaaaaaa", "127.0.0.1", portA, 1);
        sb = transport.open("hp-bbbbbbbb", "127.0.0.1", portB, 1);
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    private FrameErrors errors() {
        return transport.frameErrors();
    }

    /** Device B keeps answering while A misbehaves, and none of A's errors are counted against B. */
    private void assertOtherPumpUnaffected() {
        assertThat(join(sb.read(FunctionCode.READ_HOLDING_REGISTERS, 5, 3))).containsExactly(5, 6, 7);
        assertThat(errors().total("hp-bbbbbbbb")).isZero();
    }

    @Test
    void readsHoldingAndInputRegisters() {
        assertThat(join(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 0, 5))).containsExactly(0, 1, 2, 3, 4);
        assertThat(join(sa.read(FunctionCode.READ_INPUT_REGISTERS, 10, 2))).containsExactly(1010, 1011);
        a.poke(Table.HOLDING, 7, 0xFFFF);
        assertThat(join(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 7, 1))).containsExactly(0xFFFF);
        assertThat(join(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 0, 110))).hasSize(110);
    }

    @Test
    void writesAreReadBack() {
        join(sa.write(FunctionCode.WRITE_SINGLE_REGISTER, 3, new int[] { 0xFFF6 }));
        join(sa.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 10, new int[] { 0x0000, 0x41AC, 0xBEEF }));
        assertThat(join(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 3, 1))).containsExactly(0xFFF6);
        assertThat(join(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 10, 3))).containsExactly(0, 0x41AC, 0xBEEF);
    }

    @Test
    void rejectedWritesAreModbusExceptions() {
        DeviceException readOnly = failure(sa.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 100, new int[] { 1 }));
        assertThat(readOnly.kind()).isEqualTo(Kind.MODBUS_EXCEPTION);
        assertThat(readOnly.modbusExceptionCode()).isEqualTo(2);
        assertThat(readOnly.retryable()).isFalse();
        DeviceException value = failure(sa.write(FunctionCode.WRITE_SINGLE_REGISTER, 0, new int[] { 61000 }));
        assertThat(value.modbusExceptionCode()).isEqualTo(3);
        assertThat(value.retryable()).isFalse();
        DeviceException undefined = failure(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 105, 10));
        assertThat(undefined.modbusExceptionCode()).isEqualTo(2);
        assertThat(join(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 0, 1))).containsExactly(0);
        assertThat(errors().count("hp-aaaaaaaa", "exception_reply")).isEqualTo(3);
    }

    @Test
    void manyRequestsShareOnePersistentConnection() {
        List<CompletableFuture<int[]>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            if (i % 50 == 49) {
                join(all.get(i - 1)); // the default queue holds 64 waiting requests per pump
            }
            all.add(sa.read(FunctionCode.READ_HOLDING_REGISTERS, i % 90, 10).toCompletableFuture());
        }
        for (int i = 0; i < 200; i++) {
            assertThat(join(all.get(i))[0]).isEqualTo(i % 90);
        }
        assertThat(a.connectionsAccepted()).isEqualTo(1);
        assertThat(a.maxOpenConnections()).isEqualTo(1);
        assertThat(((VertxModbusSession) sa).connectionAttempts()).isEqualTo(1);
    }

    @Test
    void onlyOneRequestIsInFlight() throws Exception {
        // A peer that is not our simulator: it answers after 150 ms and notes if a second request arrives earlier.
        AtomicBoolean pipelined = new AtomicBoolean();
        try (ServerSocket ss = new ServerSocket(0)) {
            Thread peer = new Thread(() -> {
                try (Socket s = ss.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    for (int i = 0; i < 3; i++) {
                        byte[] req = in.readNBytes(12);
                        s.setSoTimeout(150);
                        try {
                            if (in.read() >= 0) {
                                pipelined.set(true);
                            }
                        } catch (java.net.SocketTimeoutException expected) {
                            // nothing arrived while the request was open: good
                        }
                        s.setSoTimeout(0);
                        out.write(new byte[] { req[0], req[1], 0, 0, 0, 5, 1, 3, 2, 0, (byte) i });
                        out.flush();
                    }
                } catch (Exception e) {
                    pipelined.set(true);
                }
            });
            peer.start();
            ModbusSession s = transport.open("hp-cccccccc", "127.0.0.1", ss.getLocalPort(), 1,
                    ModbusTransportConfig.defaults().withRequestTimeout(Duration.ofSeconds(3)));
            List<CompletionStage<int[]>> three = List.of(s.read(FunctionCode.READ_HOLDING_REGISTERS, 0, 1),
                    s.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1), s.read(FunctionCode.READ_HOLDING_REGISTERS, 2, 1));
            for (int i = 0; i < 3; i++) {
                assertThat(join(three.get(i))).containsExactly(i);
            }
            peer.join(5000);
        }
        assertThat(pipelined).isFalse();
    }

    @Test
    void exceptionRepliesMapToPermanentOrRetryable() {
        int[][] codes = { { 1, 0 }, { 2, 0 }, { 3, 0 }, { 4, 1 }, { 5, 1 }, { 6, 1 }, { 10, 1 }, { 11, 1 } };
        for (int[] c : codes) {
            a.faults().exception(c[0]).times(1);
            DeviceException e = failure(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 0, 2));
            assertThat(e.kind()).isEqualTo(Kind.MODBUS_EXCEPTION);
            assertThat(e.modbusExceptionCode()).isEqualTo(c[0]);
            assertThat(e.retryable()).as("code %d retryable", c[0]).isEqualTo(c[1] == 1);
        }
        assertThat(errors().count("hp-aaaaaaaa", "exception_reply")).isEqualTo(codes.length);
        assertThat(registry.get(FrameErrors.METRIC).tag("heatpump_id", "hp-aaaaaaaa").tag("kind", "exception_reply")
                .counter().count()).isEqualTo(codes.length);
        assertThat(join(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 0, 2))).containsExactly(0, 1);
        assertThat(a.connectionsAccepted()).isEqualTo(1); // exception replies keep the connection
        assertOtherPumpUnaffected();
    }

    @Test
    void slowReplyWithinTheTimeoutSucceeds() {
        a.faults().slow(Duration.ofMillis(150));
        CompletionStage<int[]> slow = sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1);
        assertOtherPumpUnaffected();
        assertThat(join(slow)).containsExactly(1);
    }

    @Test
    void noReplyIsARetryableTimeoutAndTheLateReplyIsDropped() {
        a.faults().slow(Duration.ofMillis(700)).times(1);
        DeviceException e = failure(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1));
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.retryable()).isTrue();
        assertOtherPumpUnaffected();
        // The next request is answered after the stale reply to the first one: matched by transaction id.
        assertThat(join(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 2, 1))).containsExactly(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> errors().count("hp-aaaaaaaa", "stale_reply") == 1);
        assertThat(a.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void repeatedTimeoutsResetTheConnectionWithBackoff() {
        a.faults().noReply();
        assertThat(failure(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1)).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1)).kind()).isEqualTo(Kind.TIMEOUT);
        // two timeouts in a row: the connection is considered dead; within the back-off requests fail at once
        long before = a.requestsServed();
        DeviceException fast = failure(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1));
        assertThat(fast.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(fast.getMessage()).contains("back-off");
        assertThat(a.requestsServed()).isEqualTo(before);
        a.faults().clear();
        clock.advance(Duration.ofSeconds(1));
        assertThat(join(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1))).containsExactly(1);
        assertThat(((VertxModbusSession) sa).connectionAttempts()).isEqualTo(2);
        assertOtherPumpUnaffected();
    }

    @Test
    void droppedConnectionIsRetryableAndReconnects() {
        a.faults().dropConnection().times(1);
        DeviceException e = failure(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1));
        assertThat(e.kind()).isEqualTo(Kind.OTHER);
        assertThat(e.retryable()).isTrue();
        assertOtherPumpUnaffected();
        clock.advance(Duration.ofSeconds(1));
        assertThat(join(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1))).containsExactly(1);
        assertThat(a.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void garbageIsACountedProtocolErrorForThatPumpOnly() {
        a.faults().garbage().times(1);
        DeviceException e = failure(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1));
        assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(e.retryable()).isTrue();
        assertThat(errors().count("hp-aaaaaaaa", "garbage")).isEqualTo(1);
        assertThat(registry.get(FrameErrors.METRIC).tag("heatpump_id", "hp-aaaaaaaa").tag("kind", "garbage")
                .counter().count()).isEqualTo(1.0);
        assertOtherPumpUnaffected();
        assertThat(registry.find(FrameErrors.METRIC).tag("heatpump_id", "hp-bbbbbbbb").counters()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(join(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1))).containsExactly(1);
        assertThat(a.connectionsAccepted()).isEqualTo(2); // the session was reset
    }

    @Test
    void truncatedFrameIsACountedProtocolError() {
        a.faults().truncated().times(1);
        DeviceException e = failure(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 4));
        assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("Truncated");
        assertThat(errors().count("hp-aaaaaaaa", "truncated")).isEqualTo(1);
        assertOtherPumpUnaffected();
        clock.advance(Duration.ofSeconds(1));
        assertThat(join(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1))).containsExactly(1);
    }

    @Test
    void oversizedFrameIsACountedProtocolError() {
        a.faults().oversized().times(1);
        DeviceException e = failure(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1));
        assertThat(e.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(errors().count("hp-aaaaaaaa", "oversized")).isEqualTo(1);
        assertOtherPumpUnaffected();
        clock.advance(Duration.ofSeconds(1));
        assertThat(join(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1))).containsExactly(1);
    }

    @Test
    void refusedConnectionBacksOffExponentiallyOnTheInjectedClock() {
        int deadPort;
        try (ServerSocket ss = new ServerSocket(0)) {
            deadPort = ss.getLocalPort();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        VertxModbusSession dead = (VertxModbusSession) transport.open("hp-dddddddd", "127.0.0.1", deadPort, 1);
        DeviceException e = failure(dead.read(FunctionCode.READ_HOLDING_REGISTERS, 0, 1));
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.retryable()).isTrue();
        assertThat(dead.connectionAttempts()).isEqualTo(1);
        // within 1 s: no new attempt
        assertThat(failure(dead.read(FunctionCode.READ_HOLDING_REGISTERS, 0, 1)).kind()).isEqualTo(Kind.REFUSED);
        assertThat(dead.connectionAttempts()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1000));
        failure(dead.read(FunctionCode.READ_HOLDING_REGISTERS, 0, 1));
        assertThat(dead.connectionAttempts()).isEqualTo(2);
        // second failure: 2 s
        clock.advance(Duration.ofMillis(1999));
        failure(dead.read(FunctionCode.READ_HOLDING_REGISTERS, 0, 1));
        assertThat(dead.connectionAttempts()).isEqualTo(2);
        clock.advance(Duration.ofMillis(1));
        failure(dead.read(FunctionCode.READ_HOLDING_REGISTERS, 0, 1));
        assertThat(dead.connectionAttempts()).isEqualTo(3);
        assertOtherPumpUnaffected();
    }

    @Test
    void reconnectsAfterTheServerRestarts() {
        assertThat(join(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1))).containsExactly(1);
        join(server.stop(a));
        await().atMost(Duration.ofSeconds(5)).until(() -> a.openConnections() == 0);
        DeviceException down = failure(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1));
        assertThat(down.kind()).isIn(Kind.REFUSED, Kind.OTHER);
        assertThat(down.retryable()).isTrue();
        join(server.start(a, "127.0.0.1", portA));
        clock.advance(Duration.ofSeconds(1));
        assertThat(join(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 1, 1))).containsExactly(1);
        assertOtherPumpUnaffected();
    }

    @Test
    void wrongUnitIdGetsNoReply() {
        ModbusSession wrongUnit = transport.open("hp-eeeeeeee", "127.0.0.1", portA, 7);
        assertThat(failure(wrongUnit.read(FunctionCode.READ_HOLDING_REGISTERS, 0, 1)).kind()).isEqualTo(Kind.TIMEOUT);
    }

    @Test
    void queueIsBoundedPerPump() {
        ModbusSession small = transport.open("hp-ffffffff", "127.0.0.1", portA, 1,
                ModbusTransportConfig.defaults().withMaxQueuedRequests(2));
        profileA.withReplyDelay(100);
        List<CompletableFuture<int[]>> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            all.add(small.read(FunctionCode.READ_HOLDING_REGISTERS, 0, 1).toCompletableFuture());
        }
        long rejected = all.stream().filter(f -> {
            try {
                f.get(5, java.util.concurrent.TimeUnit.SECONDS);
                return false;
            } catch (Exception e) {
                return e.getCause() instanceof DeviceException d && d.getMessage().contains("Too many");
            }
        }).count();
        assertThat(rejected).isEqualTo(3); // 1 in flight + 2 queued are served
    }

    @Test
    void closingFailsPendingRequestsPermanently() {
        a.faults().noReply();
        CompletionStage<int[]> pending = sa.read(FunctionCode.READ_HOLDING_REGISTERS, 0, 1);
        sa.close();
        DeviceException e = failure(pending);
        assertThat(e.kind()).isEqualTo(Kind.OTHER);
        assertThat(e.retryable()).isFalse();
        assertThat(failure(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 0, 1)).retryable()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> transport.openSessions() == 1);
    }

    @Test
    void invalidArgumentsFailTheStage() {
        assertThat(sa.read(FunctionCode.WRITE_SINGLE_REGISTER, 0, 1).toCompletableFuture()).isCompletedExceptionally();
        assertThat(sa.read(FunctionCode.READ_HOLDING_REGISTERS, 0, 126).toCompletableFuture())
                .isCompletedExceptionally();
        assertThat(sa.write(FunctionCode.WRITE_SINGLE_REGISTER, 0, new int[] { 1, 2 }).toCompletableFuture())
                .isCompletedExceptionally();
        assertThat(sa.write(FunctionCode.WRITE_MULTIPLE_REGISTERS, 0, new int[] { -1 }).toCompletableFuture())
                .isCompletedExceptionally();
    }
}
