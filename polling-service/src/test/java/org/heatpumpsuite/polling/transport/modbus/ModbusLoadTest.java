package org.heatpumpsuite.polling.transport.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatpumpsuite.polling.simulator.TestSupport.join;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.heatpumpsuite.polling.simulator.ModbusDeviceProfile;
import org.heatpumpsuite.polling.simulator.ModbusSimulatedDevice;
import org.heatpumpsuite.polling.simulator.ModbusSimulatorServer;
import org.heatpumpsuite.polling.simulator.SimulationClock;
import org.heatpumpsuite.polling.simulator.TestSupport;
import org.heatpumpsuite.polling.transport.DeviceException;
import org.heatpumpsuite.polling.vendor.daikin.DaikinSimulator;
import org.heatpumpsuite.polling.vendor.idm.IdmSimulator;
import org.heatpumpsuite.polling.vendor.nibe.NibeSSeriesSimulator;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

/**
 * Many pumps, few threads: 500 simulated pumps polled concurrently through one transport on 2 event loops, first
 * all alive, then with 5 % dead (connection accepted, never an answer). Each pump has one request in flight at a
 * time: by default a closed loop (the next request as soon as the last is answered), or paced. Prints the request
 * rate and latency of both phases. The simulator runs in the same JVM, on the same 2 cores.
 * <p>
 * Settings (pass with {@code -DargLine="..."}): {@code load.devices} (500), {@code load.seconds} per phase (5),
 * {@code load.rate} requests/s per pump (0 = closed loop), {@code load.dead.percent} (5). Benchmark used for the
 * issue note: {@code -DargLine="-Dload.devices=5000 -Dload.rate=0.5 -Dload.seconds=10"}.
 */
class ModbusLoadTest {

    private static final int DEVICES = Integer.getInteger("load.devices", 500);
    private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("load.seconds", 5));
    private static final int MAX_NEW_THREADS = 20;
    private static final int DEAD_PERCENT = Integer.getInteger("load.dead.percent", 5);
    /** Requests per second per pump; 0 = closed loop (the next request as soon as the last one is answered). */
    private static final double RATE = Double.parseDouble(System.getProperty("load.rate", "0"));

    private record Target(ModbusSimulatedDevice device, FunctionCode fc, int address, int count) {
    }

    @Test
    void fiveHundredPumpsOnTwoEventLoopsAndDeadPumpsDoNotStallTheRest() throws Exception {
        Vertx serverVertx = TestSupport.vertx(2);
        ModbusSimulatorServer server = new ModbusSimulatorServer(serverVertx);
        SimulationClock sim = SimulationClock.realTime();
        List<Target> targets = new ArrayList<>();
        List<CompletableFuture<Integer>> ports = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            Target t = switch (i % 3) {
                case 0 -> new Target(device(i, new IdmSimulator(), sim), FunctionCode.READ_INPUT_REGISTERS, 1050, 18);
                case 1 -> new Target(device(i, new NibeSSeriesSimulator("s1155"), sim),
                        FunctionCode.READ_INPUT_REGISTERS, 7, 8);
                default -> new Target(device(i, new DaikinSimulator(), sim), FunctionCode.READ_INPUT_REGISTERS, 39, 6);
            };
            targets.add(t);
            ports.add(server.start(t.device(), "127.0.0.1", 0).toCompletableFuture());
        }
        int[] port = ports.stream().mapToInt(TestSupport::join).toArray();

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int baseline = threads.getThreadCount();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        threads.resetPeakThreadCount();
        Vertx clientVertx = TestSupport.vertx(2);
        timers = clientVertx;
        ModbusTcpTransport transport = new ModbusTcpTransport(clientVertx, ModbusTransportConfig.defaults()
                .withRequestTimeout(Duration.ofSeconds(1)).withConnectTimeout(Duration.ofSeconds(3)), null,
                Clock.systemUTC());
        List<ModbusSession> sessions = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            sessions.add(transport.open("hp-" + String.format("%08x", i), "127.0.0.1", port[i], 1));
        }
        try {
            // connect every pump first: the phases measure polling, not the initial connection storm
            List<CompletableFuture<int[]>> warmUp = new ArrayList<>();
            for (int i = 0; i < DEVICES; i++) {
                Target t = targets.get(i);
                warmUp.add(sessions.get(i).read(t.fc(), t.address(), t.count()).toCompletableFuture());
            }
            warmUp.forEach(f -> f.exceptionally(e -> null).join());
            boolean[] dead = new boolean[DEVICES];
            Phase alive = run(targets, sessions, dead);
            int deadCount = DEVICES * DEAD_PERCENT / 100;
            for (int i = 0; i < deadCount; i++) {
                int d = i * (100 / DEAD_PERCENT) + 7; // spread over the event loops and models
                dead[d] = true;
                targets.get(d).device().faults().noReply();
            }
            Phase withDead = run(targets, sessions, dead);
            int newThreads = threads.getPeakThreadCount() - baseline;
            System.out.println("  threads started by the client: " + Thread.getAllStackTraces().keySet().stream()
                    .filter(th -> !before.contains(th)).map(Thread::getName).sorted().toList());

            System.out.printf("Modbus load: %d simulated pumps, %s, client on 2 event loops (%d new threads at peak)%n",
                    DEVICES, RATE > 0 ? RATE + " requests/s per pump" : "closed loop", newThreads);
            System.out.printf("  all alive : %,d requests in %.1f s = %,.0f requests/s, min per pump %d, latency mean "
                    + "%.1f ms max %.0f ms%n", alive.ok, alive.seconds, alive.ok / alive.seconds, alive.minLive,
                    alive.meanLatencyMs, alive.maxLatencyMs);
            System.out.println("  failures while all alive: " + alive.failureKinds + "; with 5% dead: "
                    + withDead.failureKinds);
            System.out.printf("  " + DEAD_PERCENT + "%% dead   : %,d requests in %.1f s = %,.0f requests/s from the %d live pumps, "
                    + "min per live pump %d, latency mean %.1f ms max %.0f ms; %d timeouts and %d fast failures "
                    + "(back-off) on %d dead pumps%n", withDead.ok, withDead.seconds, withDead.ok / withDead.seconds,
                    DEVICES - deadCount, withDead.minLive, withDead.meanLatencyMs, withDead.maxLatencyMs,
                    withDead.timeouts, withDead.fastFailures, deadCount);

            assertThat(newThreads).as("threads added by the client").isLessThanOrEqualTo(MAX_NEW_THREADS);
            assertThat(alive.otherFailures).as("no failures while all pumps are alive").isZero();
            // "not stalled": every live pump keeps being served (j2mod's blocking master fell to 0 requests/s here)
            long perSecond = RATE > 0 ? (long) (RATE * PHASE.toSeconds() / 2) : PHASE.toSeconds();
            assertThat(alive.minLive).as("every pump served while all were alive").isGreaterThanOrEqualTo(perSecond);
            assertThat(withDead.minLive).as("no live pump starved by the dead ones").isGreaterThanOrEqualTo(perSecond);
            if (deadCount > 0) {
                assertThat(withDead.timeouts).as("dead pumps time out").isPositive();
            }
            assertThat(withDead.failureKinds.keySet()).as("failures only on the dead pumps")
                    .allMatch(k -> k.startsWith("dead "));
        } finally {
            transport.close();
            TestSupport.close(clientVertx);
            server.close();
            TestSupport.close(serverVertx);
        }
    }

    private static ModbusSimulatedDevice device(int i, ModbusDeviceProfile profile, SimulationClock sim) {
        return new ModbusSimulatedDevice("sim-" + i, profile, 1, sim, i);
    }

    private static final class Phase {
        long ok;
        long timeouts;
        long fastFailures;
        long otherFailures;
        long minLive;
        double seconds;
        Map<String, Integer> failureKinds;
        double meanLatencyMs;
        double maxLatencyMs;
    }

    /** Every pump keeps one request in flight until the phase ends. */
    private static Phase run(List<Target> targets, List<ModbusSession> sessions, boolean[] dead)
            throws InterruptedException {
        int n = targets.size();
        AtomicLongArray okPerPump = new AtomicLongArray(n);
        AtomicLong timeouts = new AtomicLong();
        AtomicLong fast = new AtomicLong();
        AtomicLong other = new AtomicLong();
        long end = System.nanoTime() + PHASE.toNanos();
        CountDownLatch finished = new CountDownLatch(n);
        long start = System.nanoTime();
        Map<String, Integer> kinds = new ConcurrentHashMap<>();
        LATENCY.reset();
        MAX_LATENCY.set(0);
        for (int i = 0; i < n; i++) {
            int k = i;
            if (RATE > 0) { // spread the pumps over one interval, as independent pollers are
                timers.setTimer(1 + (long) (1000.0 / RATE * i / n), id -> loop(k, targets.get(k), sessions.get(k), end,
                        okPerPump, timeouts, fast, other, dead[k], finished, kinds));
            } else {
                loop(i, targets.get(i), sessions.get(i), end, okPerPump, timeouts, fast, other, dead[i], finished,
                        kinds);
            }
        }
        assertThat(finished.await(PHASE.toSeconds() + 20, TimeUnit.SECONDS)).as("all loops ended").isTrue();
        Phase p = new Phase();
        p.seconds = (System.nanoTime() - start) / 1e9;
        long[] live = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            p.ok += okPerPump.get(i);
            if (!dead[i]) {
                live[k++] = okPerPump.get(i);
            }
        }
        p.minLive = Arrays.stream(live, 0, k).min().orElse(0);
        p.timeouts = timeouts.get();
        p.fastFailures = fast.get();
        p.otherFailures = other.get();
        p.failureKinds = new TreeMap<>(kinds);
        p.meanLatencyMs = p.ok == 0 ? 0 : LATENCY.sum() / 1000.0 / p.ok;
        p.maxLatencyMs = MAX_LATENCY.get() / 1000.0;
        return p;
    }

    private static Vertx timers;
    private static final java.util.concurrent.atomic.LongAdder LATENCY = new java.util.concurrent.atomic.LongAdder();
    private static final AtomicLong MAX_LATENCY = new AtomicLong();

    private static void loop(int i, Target t, ModbusSession s, long end, AtomicLongArray ok, AtomicLong timeouts,
            AtomicLong fast, AtomicLong other, boolean dead, CountDownLatch finished, Map<String, Integer> kinds) {
        if (System.nanoTime() >= end) {
            finished.countDown();
            return;
        }
        long sent = System.nanoTime();
        s.read(t.fc(), t.address(), t.count()).whenComplete((words, error) -> {
            if (error == null) {
                ok.incrementAndGet(i);
                long micros = (System.nanoTime() - sent) / 1000;
                LATENCY.add(micros);
                MAX_LATENCY.accumulateAndGet(micros, Math::max);
                if (RATE > 0) {
                    long due = sent + (long) (1e9 / RATE);
                    long waitMs = Math.max(1, (due - System.nanoTime()) / 1_000_000);
                    timers.setTimer(waitMs, id -> loop(i, t, s, end, ok, timeouts, fast, other, dead, finished,
                            kinds));
                } else {
                    loop(i, t, s, end, ok, timeouts, fast, other, dead, finished, kinds);
                }
                return;
            }
            String kind = error instanceof DeviceException d ? d.kind().wire()
                    + (d.getMessage().contains("back-off") ? "/back-off" : "") : error.toString();
            kinds.merge((dead ? "dead " : "live ") + kind, 1, Integer::sum);
            if (dead && kind.startsWith("timeout")) {
                if (kind.endsWith("back-off")) {
                    fast.incrementAndGet();
                } else {
                    timeouts.incrementAndGet();
                }
            } else {
                other.incrementAndGet();
            }
            // after a failure a poller waits for its next poll instead of retrying at once
            timers.setTimer(200, id -> loop(i, t, s, end, ok, timeouts, fast, other, dead, finished, kinds));
        });
    }
}
