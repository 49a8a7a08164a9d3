package org.heatpumpsuite.polling.transport;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.MDC;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Counts and logs frame-level errors per pump: garbage, oversized or truncated frames, invalid PDUs, exception
 * replies, stale or unsolicited replies. Exposed as {@code polling_frame_errors_total{heatpump_id,kind}} when a
 * {@link MeterRegistry} is given; the counts are also kept here so the transport works (and is testable) without
 * Micrometer or CDI. Logging is rate-limited per pump and kind (one line per {@link #LOG_INTERVAL}, with the number
 * of suppressed repeats), so one misbehaving pump cannot flood the log.
 */
public final class FrameErrors {

    /** The Micrometer name; Prometheus renders it as {@code polling_frame_errors_total}. */
    public static final String METRIC = "polling.frame.errors";
    public static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    private final MeterRegistry registry;
    private final Clock clock;
    private final String protocol;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    private record Key(String heatpumpId, String kind) {
    }

    private static final class Entry {
        final AtomicLong count = new AtomicLong();
        final Counter counter;
        volatile long lastLogMillis = Long.MIN_VALUE;
        final AtomicLong suppressed = new AtomicLong();

        Entry(Counter counter) {
            this.counter = counter;
        }
    }

    /**
     * @param registry where to publish the counter, or null for none
     * @param clock    for log rate limiting
     * @param protocol "modbus" or "luxtronik", used in log lines
     */
    public FrameErrors(MeterRegistry registry, Clock clock, String protocol) {
        this.registry = registry;
        this.clock = clock;
        this.protocol = protocol;
    }

    /** Counts one error of {@code kind} for the pump and logs it (rate-limited). */
    public void record(String heatpumpId, String kind, String detail) {
        Entry e = entries.computeIfAbsent(new Key(heatpumpId, kind), k -> new Entry(registry == null ? null
                : Counter.builder(METRIC).description("Frame-level errors per heat pump (garbage, oversized, "
                        + "truncated, invalid PDU, exception reply, stale or unsolicited reply)")
                        .tag("heatpump_id", k.heatpumpId()).tag("kind", k.kind()).register(registry)));
        e.count.incrementAndGet();
        if (e.counter != null) {
            e.counter.increment();
        }
        long now = clock.millis();
        long last = e.lastLogMillis;
        if (last == Long.MIN_VALUE || now - last >= LOG_INTERVAL.toMillis()) {
            e.lastLogMillis = now;
            long skipped = e.suppressed.getAndSet(0);
            MDC.put("heatpump_id", heatpumpId);
            try {
                Log.warnf("%s frame error (%s) from %s: %s%s", protocol, kind, heatpumpId, detail,
                        skipped > 0 ? " (" + skipped + " more of this kind since the last log line)" : "");
            } finally {
                MDC.remove("heatpump_id");
            }
        } else {
            e.suppressed.incrementAndGet();
        }
    }

    /** How many errors of {@code kind} were recorded for the pump. */
    public long count(String heatpumpId, String kind) {
        Entry e = entries.get(new Key(heatpumpId, kind));
        return e == null ? 0 : e.count.get();
    }

    /** How many errors of any kind were recorded for the pump. */
    public long total(String heatpumpId) {
        return entries.entrySet().stream().filter(en -> en.getKey().heatpumpId().equals(heatpumpId))
                .mapToLong(en -> en.getValue().count.get()).sum();
    }
}
