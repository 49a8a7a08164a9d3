package org.heatpumpsuite.polling.poll.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

import org.heatpumpsuite.polling.poll.messaging.ReadingRecord;
import org.heatpumpsuite.polling.pump.messaging.StatusRecord;
import org.heatpumpsuite.polling.pump.service.PumpConfig;
import org.heatpumpsuite.polling.transport.DeviceException;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikClient;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikEndpoint;
import org.heatpumpsuite.polling.transport.modbus.ModbusSession;
import org.heatpumpsuite.polling.vendor.BadAddressMemory;
import org.heatpumpsuite.polling.vendor.BlockReader;
import org.heatpumpsuite.polling.vendor.CatalogueEntry;
import org.heatpumpsuite.polling.vendor.DeviceConfig;
import org.heatpumpsuite.polling.vendor.HeatpumpDriver;
import org.heatpumpsuite.polling.vendor.RawData;
import org.heatpumpsuite.polling.vendor.ReadError;
import org.heatpumpsuite.polling.vendor.ReadPlan;
import org.heatpumpsuite.polling.vendor.Reading;
import org.jboss.logging.MDC;

import io.quarkus.logging.Log;
import io.vertx.core.Vertx;

/**
 * The polling loop of one pump: one poll at a time, the next one an interval (plus jitter) after the previous one
 * started. Owns the pump's Modbus session (or Luxtronik endpoint) and its {@link BadAddressMemory}; everything runs on
 * Vert.x timers and completions, nothing blocks.
 */
final class PumpPoller {

    /** Where results go. */
    interface Sink {
        void reading(ReadingRecord reading);

        void status(StatusRecord status);

        /** False once the pump is no longer owned (removed meanwhile): nothing more is published for it. */
        boolean owns(String heatpumpId);

        /** Where the loop's meters are registered. */
        default PollMetrics metrics() {
            return PollMetrics.NONE;
        }
    }

    private final Vertx vertx;
    private final PumpConfig config;
    private final HeatpumpDriver driver;
    private final DeviceConfig deviceConfig;
    private final ModbusSession session;
    private final LuxtronikClient luxtronik;
    private final LuxtronikEndpoint endpoint;
    private final BadAddressMemory memory = new BadAddressMemory();
    private final Sink sink;
    private final Clock clock;
    private final double jitter;
    private final Duration statusRefresh;
    private final int minIntervalS;
    private final int defaultIntervalS;

    private final PollMetrics.Model metrics;

    private volatile int intervalS;
    private volatile boolean stopped;
    private long timer = -1;
    /** System.nanoTime() at which the next poll is due (lateness = actual start - this). */
    private volatile long dueNanos;
    /** Requests of the poll in flight (null for Luxtronik). */
    private volatile PollMetrics.CountingSession counting;

    // status state (touched by one poll at a time)
    private boolean connected;
    private Instant lastSuccessAt;
    private Instant lastReadingAt;
    private int consecutiveErrors;
    private StatusRecord.LastError lastError;
    private Instant lastStatusAt;

    PumpPoller(Vertx vertx, PumpConfig config, HeatpumpDriver driver, DeviceConfig deviceConfig, ModbusSession session,
            LuxtronikClient luxtronik, Sink sink, Clock clock, double jitter, Duration statusRefresh) {
        this.vertx = vertx;
        this.config = config;
        this.driver = driver;
        this.deviceConfig = deviceConfig;
        this.session = session;
        this.luxtronik = luxtronik;
        this.endpoint = session == null ? new LuxtronikEndpoint(config.heatpumpId(), config.host(), config.port()) : null;
        this.sink = sink;
        this.clock = clock;
        this.jitter = jitter;
        this.statusRefresh = statusRefresh;
        CatalogueEntry entry = driver.catalogue(config.model());
        this.minIntervalS = entry.minPollIntervalS();
        this.defaultIntervalS = entry.defaultPollIntervalS();
        this.intervalS = intervalFor(config);
        this.metrics = sink.metrics().model(config.manufacturer(), config.model());
    }

    PumpConfig config() {
        return config;
    }

    /** The interval of a config: its poll_interval_s, else the model's default; never below the model's minimum. */
    int intervalFor(PumpConfig c) {
        int wanted = c.pollIntervalS() == null ? defaultIntervalS : c.pollIntervalS();
        return Math.max(minIntervalS, wanted);
    }

    int intervalS() {
        return intervalS;
    }

    /** Takes a new interval (other settings unchanged) from the next poll on. */
    void updateInterval(PumpConfig c) {
        intervalS = intervalFor(c);
    }

    void start(Duration initialDelay) {
        long delay = initialDelay.toMillis() <= 0 ? 1 : 1 + ThreadLocalRandom.current().nextLong(initialDelay.toMillis());
        dueNanos = System.nanoTime() + delay * 1_000_000;
        schedule(delay);
    }

    /** Stops polling and closes the pump's session; a poll in flight ends without publishing. */
    void stop() {
        stopped = true;
        synchronized (this) {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }
        if (session != null) {
            session.close();
        }
    }

    private synchronized void schedule(long delayMs) {
        if (stopped) {
            return;
        }
        timer = vertx.setTimer(Math.max(1, delayMs), t -> poll());
    }

    private void poll() {
        if (stopped) {
            return;
        }
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        metrics.started(startNanos - dueNanos);
        counting = null;
        CompletionStage<RawData> raw;
        try {
            raw = session != null ? readModbus() : readLuxtronik();
        } catch (RuntimeException e) {
            raw = CompletableFuture.failedFuture(e);
        }
        raw.handle((data, error) -> {
            try {
                if (!stopped) {
                    finish(started, (System.nanoTime() - startNanos) / 1_000_000, data, unwrap(error));
                }
            } catch (RuntimeException e) {
                logWithPump(() -> Log.warnf(e, "poll of %s could not be published", config.heatpumpId()));
            } finally {
                long intervalMs = intervalS * 1000L;
                long shift = (long) (intervalMs * jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
                long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
                dueNanos = startNanos + (intervalMs + shift) * 1_000_000;
                schedule(intervalMs + shift - elapsed);
            }
            return null;
        });
    }

    private CompletionStage<RawData> readModbus() {
        ReadPlan plan = driver.readPlan(config.model(), deviceConfig, memory);
        counting = new PollMetrics.CountingSession(session);
        return BlockReader.read(counting, plan, memory);
    }

    private CompletionStage<RawData> readLuxtronik() {
        return luxtronik.readAll(endpoint).thenApply(s -> RawData.luxtronik(s.calculations(), s.parameters(), s.visibilities()));
    }

    private void finish(Instant observedAt, long durationMs, RawData data, Throwable error) {
        if (!sink.owns(config.heatpumpId())) {
            return;
        }
        Instant now = clock.instant();
        Reading reading = error == null ? driver.decode(config.model(), deviceConfig, data) : null;
        int requests = session == null || counting == null ? -1 : counting.requests();
        if (reading != null && !reading.values().isEmpty()) {
            metrics.finished(durationMs, requests, true, reading.errors().isEmpty(), null);
            List<ReadingRecord.Error> errors = new ArrayList<>();
            for (ReadError e : reading.errors()) {
                errors.add(new ReadingRecord.Error(e.sensor(), e.kind(), e.message(), e.modbusExceptionCode()));
            }
            sink.reading(new ReadingRecord(1, config.heatpumpId(), config.manufacturer(), config.model(), observedAt, durationMs,
                    reading.values(), reading.units(), errors));
            boolean changed = !connected || consecutiveErrors != 0;
            if (consecutiveErrors > 0) {
                int failedPolls = consecutiveErrors;
                logWithPump(() -> Log.infof("pump %s reachable again after %d failed polls", config.heatpumpId(), failedPolls));
            }
            connected = true;
            consecutiveErrors = 0;
            lastSuccessAt = now;
            lastReadingAt = observedAt;
            if (changed || lastStatusAt == null || !now.isBefore(lastStatusAt.plus(statusRefresh))) {
                publishStatus(now);
            }
            return;
        }
        // The poll did not reach the device (or got nothing but errors from it).
        StatusRecord.LastError e = error != null ? lastErrorOf(error, now) : lastErrorOf(reading, now);
        metrics.finished(durationMs, requests, false, false, e.kind());
        // the first failure, and a change of kind, at WARN; repeats at DEBUG (a dead pump must not flood the log)
        boolean news = consecutiveErrors == 0 || lastError == null || !lastError.kind().equals(e.kind());
        connected = false;
        consecutiveErrors++;
        lastError = e;
        int failedPolls = consecutiveErrors;
        logWithPump(() -> {
            if (news) {
                Log.warnf("poll of %s failed (%s, %d in a row): %s", config.heatpumpId(), e.kind(), failedPolls, e.message());
            } else {
                Log.debugf("poll of %s failed (%s, %d in a row): %s", config.heatpumpId(), e.kind(), failedPolls, e.message());
            }
        });
        publishStatus(now);
    }

    private void publishStatus(Instant now) {
        lastStatusAt = now;
        sink.status(new StatusRecord(1, config.heatpumpId(), connected, lastSuccessAt, lastReadingAt, consecutiveErrors,
                lastError, now));
    }

    private static StatusRecord.LastError lastErrorOf(Throwable t, Instant now) {
        if (t instanceof DeviceException d) {
            boolean modbus = d.kind() == DeviceException.Kind.MODBUS_EXCEPTION && d.modbusExceptionCode() != null;
            String kind = d.kind() == DeviceException.Kind.MODBUS_EXCEPTION && !modbus ? "protocol" : d.kind().wire();
            return new StatusRecord.LastError(kind, message(d), modbus ? d.modbusExceptionCode() : null, now);
        }
        return new StatusRecord.LastError("other", message(t), null, now);
    }

    private static StatusRecord.LastError lastErrorOf(Reading reading, Instant now) {
        if (reading == null || reading.errors().isEmpty()) {
            return new StatusRecord.LastError("other", "the device returned no values", null, now);
        }
        ReadError first = reading.errors().get(0);
        String kind = switch (first.kind()) {
            case "dns", "refused", "timeout", "protocol", "other" -> first.kind();
            case "modbus_exception" -> first.modbusExceptionCode() == null ? "protocol" : "modbus_exception";
            default -> "other";
        };
        return new StatusRecord.LastError(kind, first.message(), "modbus_exception".equals(kind) ? first.modbusExceptionCode() : null,
                now);
    }

    private static String message(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? "connection failed" : t.getMessage();
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private void logWithPump(Runnable logging) {
        MDC.put("heatpump_id", config.heatpumpId());
        try {
            logging.run();
        } finally {
            MDC.remove("heatpump_id");
        }
    }
}
