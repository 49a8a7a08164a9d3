package org.heatpumpsuite.polling.poll.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.transport.modbus.ModbusSession;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer meters of the polling loop, tagged by {@code manufacturer} and {@code model} (never by heatpump_id: a fleet
 * of thousands of pumps would make thousands of series). Meters are created once per model and cached, so a poll only
 * increments. Documented in the service README ("Metrics").
 */
public final class PollMetrics {

    /** Buckets of the lateness histogram (seconds): fine below 1 s, where the p99 ≤ 1 s objective lies. */
    static final double[] LATENESS_BUCKETS_S = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 5, 10, 30, 60 };
    static final double[] REQUEST_BUCKETS = { 1, 2, 4, 8, 16, 32, 64, 128 };

    /** Metrics that go nowhere (unit tests without a registry). */
    public static final PollMetrics NONE = new PollMetrics(null);

    private final MeterRegistry registry;
    private final Map<String, Model> models = new ConcurrentHashMap<>();

    public PollMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The meters of one model (created on first use). */
    Model model(String manufacturer, String model) {
        return models.computeIfAbsent(manufacturer + "/" + model, k -> new Model(registry, manufacturer, model));
    }

    /** The meters of one manufacturer/model. */
    static final class Model {
        private final MeterRegistry registry;
        private final String manufacturer;
        private final String model;
        private final Counter ok;
        private final Counter partial;
        private final Counter failed;
        private final Timer lateness;
        private final Timer duration;
        private final DistributionSummary requests;
        private final Map<String, Counter> errors = new ConcurrentHashMap<>();

        Model(MeterRegistry registry, String manufacturer, String model) {
            this.registry = registry;
            this.manufacturer = manufacturer;
            this.model = model;
            if (registry == null) {
                ok = partial = failed = null;
                lateness = duration = null;
                requests = null;
                return;
            }
            ok = polls("ok");
            partial = polls("partial");
            failed = polls("failed");
            Duration[] slos = new Duration[LATENESS_BUCKETS_S.length];
            for (int i = 0; i < slos.length; i++) {
                slos[i] = Duration.ofNanos((long) (LATENESS_BUCKETS_S[i] * 1e9));
            }
            lateness = Timer.builder("polling.cycle.lateness")
                    .description("How late a poll started: actual start minus the start its schedule (interval plus "
                            + "jitter after the previous start) asked for; an overrunning poll makes the next one late")
                    .tags("manufacturer", manufacturer, "model", model).serviceLevelObjectives(slos).register(registry);
            duration = Timer.builder("polling.poll.duration").description("Time one poll of a pump took, start to result")
                    .tags("manufacturer", manufacturer, "model", model).register(registry);
            requests = DistributionSummary.builder("polling.modbus.requests.per.cycle")
                    .description("Modbus requests one poll sent (sum / time = Modbus requests per second)")
                    .tags("manufacturer", manufacturer, "model", model).serviceLevelObjectives(REQUEST_BUCKETS)
                    .register(registry);
        }

        private Counter polls(String outcome) {
            return Counter.builder("polling.polls")
                    .description("Polls by outcome: ok (every value read), partial (a reading with some values "
                            + "missing), failed (no reading: device unreachable or nothing but errors)")
                    .tags("manufacturer", manufacturer, "model", model, "outcome", outcome).register(registry);
        }

        /** A poll started {@code lateNanos} after its scheduled start. */
        void started(long lateNanos) {
            if (lateness != null) {
                lateness.record(Math.max(0, lateNanos), TimeUnit.NANOSECONDS);
            }
        }

        /** A poll ended: ok, partial or failed with {@code errorKind}, after {@code modbusRequests} (-1: not Modbus). */
        void finished(long durationMs, int modbusRequests, boolean reading, boolean complete, String errorKind) {
            if (registry == null) {
                return;
            }
            duration.record(durationMs, TimeUnit.MILLISECONDS);
            if (modbusRequests >= 0) {
                requests.record(modbusRequests);
            }
            if (reading) {
                (complete ? ok : partial).increment();
            } else {
                failed.increment();
                errors.computeIfAbsent(errorKind, k -> Counter.builder("polling.poll.errors")
                        .description("Failed polls by error kind (dns, refused, timeout, modbus_exception, protocol, other)")
                        .tags("manufacturer", manufacturer, "model", model, "kind", k).register(registry)).increment();
            }
        }
    }

    /** A pump's session as one poll sees it: counts the requests the poll sends. */
    static final class CountingSession implements ModbusSession {
        private final ModbusSession session;
        private final AtomicInteger requests = new AtomicInteger();

        CountingSession(ModbusSession session) {
            this.session = session;
        }

        int requests() {
            return requests.get();
        }

        @Override
        public CompletionStage<int[]> read(FunctionCode fc, int address, int count) {
            requests.incrementAndGet();
            return session.read(fc, address, count);
        }

        @Override
        public CompletionStage<Void> write(FunctionCode fc, int address, int[] words) {
            requests.incrementAndGet();
            return session.write(fc, address, words);
        }

        @Override
        public void close() {
            // the poll does not own the session
        }
    }
}
