package org.heatpumpsuite.ingest.samples.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heatpumpsuite.ingest.client.VictoriaMetrics;
import org.heatpumpsuite.ingest.client.VictoriaMetrics.Outcome;
import org.heatpumpsuite.ingest.client.VictoriaMetrics.WriteResult;
import org.heatpumpsuite.ingest.config.IngestConfig;
import org.heatpumpsuite.ingest.data.service.LatestValues;
import org.heatpumpsuite.ingest.pump.service.Ids;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;

/**
 * One Kafka batch to VictoriaMetrics, all or nothing: decode every record straight into import requests (undecodable
 * ones become dead letters), write them, publish the dead letters, and only then return, so the caller acknowledges
 * the batch and its offsets get committed. While VictoriaMetrics (or, for dead letters, Kafka) does not accept, it waits and tries
 * again with back-off, for as long as it takes: nothing is skipped. A re-sent batch is harmless because
 * VictoriaMetrics runs with {@code -dedup.minScrapeInterval=1ms}.
 */
@ApplicationScoped
public class SampleIngester {

    /** Thrown when the service stops while a batch is still waiting: the batch stays uncommitted. */
    public static final class ShuttingDown extends RuntimeException {
        ShuttingDown() {
            super("shutting down with a batch not yet written; it will be consumed again", null, false, false);
        }
    }

    private static final long LOG_EVERY_MS = 30_000;
    private static final long CACHE_RESET_EVERY_MS = 5_000;

    @Inject
    VictoriaMetrics vm;
    @Inject
    DeadLetterSink deadLetters;
    @Inject
    LatestValues latest;
    @Inject
    IngestConfig config;
    @Inject
    MeterRegistry meters;

    private RecordDecoder decoder;
    private String prefix;
    /** Encoders (and their buffers) reused batch after batch: as many as batches run at once, no buffer garbage. */
    private final Queue<LineProtocol> encoders = new ConcurrentLinkedQueue<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile long lastCacheReset;

    private Counter samplesWritten;
    private Counter freeStrings;
    private Counter uncodedModes;
    private Counter writeFailures;
    private Timer writeTimer;
    private final Map<String, Counter> records = new ConcurrentHashMap<>();
    private final Map<String, Counter> dead = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        prefix = config.metricPrefix();
        if (!Ids.isMetricPrefix(prefix)) {
            throw new IllegalStateException("ingest.metric-prefix '" + prefix + "' is not a metric name ([a-zA-Z_][a-zA-Z0-9_]*)");
        }
        decoder = new RecordDecoder(config.write().maxClockSkew().toMillis());
        samplesWritten = Counter.builder("ingest_samples_written").description("Samples VictoriaMetrics accepted")
                .register(meters);
        freeStrings = Counter.builder("ingest_free_strings")
                .description("String values not written to VictoriaMetrics (kept as latest value only)").register(meters);
        uncodedModes = Counter.builder("ingest_uncoded_operating_modes")
                .description("operating_mode values without a numeric code (kept as latest value only)").register(meters);
        writeFailures = Counter.builder("ingest_write_failures")
                .description("Failed attempts to import samples or publish dead letters (each retried)").register(meters);
        writeTimer = Timer.builder("ingest_write").description("Duration of one import request").register(meters);
    }

    void onStop(@Observes ShutdownEvent event) {
        stop.countDown();
    }

    /** Processes the batch; returns once everything is stored or dead-lettered. */
    public void ingest(Iterable<ConsumerRecord<byte[], byte[]>> batch) {
        Backoff backoff = newBackoff();
        while (true) {
            try {
                ingestOnce(batch);
                return;
            } catch (ShuttingDown e) {
                throw e;
            } catch (RuntimeException e) {
                // a bug, not an outage: keep the batch (never skip), say so loudly, try again
                Log.error("ingesting a batch failed; retrying it", e);
                pause(backoff.failed());
            }
        }
    }

    private void ingestOnce(Iterable<ConsumerRecord<byte[], byte[]>> batch) {
        LineProtocol pooled = encoders.poll();
        LineProtocol lines = pooled != null ? pooled : new LineProtocol(prefix);
        lines.clear();
        try {
            ingestOnce(batch, lines);
        } finally {
            encoders.offer(lines);
        }
    }

    /** Decodes each record straight into the import body, sending a request whenever it is full. */
    private void ingestOnce(Iterable<ConsumerRecord<byte[], byte[]>> batch, LineProtocol lines) {
        long now = System.currentTimeMillis();
        int max = config.write().maxSamplesPerRequest();
        List<Reading> readings = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        Set<Reading> rejected = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Reading> chunk = new ArrayList<>();
        long oldest = Long.MAX_VALUE;
        long written = 0;
        String lastTopic = null;
        int sameTopic = 0;
        for (ConsumerRecord<byte[], byte[]> r : batch) {
            if (!r.topic().equals(lastTopic)) {
                countRecords(lastTopic, sameTopic);
                lastTopic = r.topic();
                sameTopic = 0;
            }
            sameTopic++;
            try {
                Reading reading = decoder.decode(r, now, isAnomalies(r.topic()), lines, false);
                readings.add(reading);
                chunk.add(reading);
                oldest = Math.min(oldest, reading.observedAtMs());
            } catch (UndecodableException e) {
                letters.add(new DeadLetter(r, e.getMessage()));
            } catch (RuntimeException e) {
                letters.add(new DeadLetter(r, "cannot decode: " + e.getMessage()));
            }
            if (lines.samples() >= max) {
                written += send(lines, chunk, rejected, now);
                lines.reset();
                chunk = new ArrayList<>();
            }
        }
        countRecords(lastTopic, sameTopic);
        if (lines.samples() > 0) {
            written += send(lines, chunk, rejected, now);
            lines.reset();
        }
        publish(letters);

        for (Reading r : readings) {
            if (!rejected.contains(r)) {
                latest.update(r);
            }
        }
        samplesWritten.increment(written);
        freeStrings.increment(lines.counts().freeStrings);
        uncodedModes.increment(lines.counts().uncodedModes);
        if (written > 0 && now - oldest > config.write().backfillAge().toMillis()
                && now - lastCacheReset > CACHE_RESET_EVERY_MS) {
            lastCacheReset = now;
            vm.resetRollupResultCache();
        }
    }

    private void countRecords(String topic, int n) {
        if (topic != null && n > 0) {
            records.computeIfAbsent(topic, t -> Counter.builder("ingest_records").tag("topic", t)
                    .description("Records consumed").register(meters)).increment(n);
        }
    }

    /**
     * Writes one request body, waiting out outages. If VictoriaMetrics refuses it for good (4xx), the readings are
     * written in halves until the one it refuses is found; that one becomes a dead letter. Returns samples stored.
     */
    private long send(LineProtocol lines, List<Reading> readings, Set<Reading> rejected, long now) {
        int samples = lines.samples();
        WriteResult result = untilDecided("writing " + samples + " samples to VictoriaMetrics", () -> {
            Timer.Sample t = Timer.start(meters);
            WriteResult r = vm.write(lines.buffer(), lines.size());
            t.stop(writeTimer);
            return r;
        });
        if (result.outcome() == Outcome.ACCEPTED) {
            return samples;
        }
        if (readings.size() == 1) {
            Reading r = readings.get(0);
            rejected.add(r);
            publish(List.of(new DeadLetter(r.source(), "VictoriaMetrics refused the samples: " + result.detail())));
            return 0;
        }
        long stored = 0;
        int half = readings.size() / 2;
        for (List<Reading> part : List.of(readings.subList(0, half), readings.subList(half, readings.size()))) {
            LineProtocol partLines = new LineProtocol(prefix);
            for (Reading r : part) {
                try {
                    decoder.decode(r.source(), now, r.anomaly(), partLines, false);
                } catch (UndecodableException e) {
                    throw new IllegalStateException("a record decoded a moment ago no longer decodes", e);
                }
            }
            if (partLines.samples() > 0) {
                stored += send(partLines, part, rejected, now);
            }
        }
        return stored;
    }

    private void publish(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        untilDecided("publishing " + letters.size() + " dead letter(s)", () -> {
            try {
                deadLetters.publish(letters).await().atMost(Duration.ofSeconds(60));
                return new WriteResult(Outcome.ACCEPTED, null);
            } catch (RuntimeException e) {
                return new WriteResult(Outcome.RETRY, "Kafka did not take the dead letters: " + e.getMessage());
            }
        });
        for (DeadLetter d : letters) {
            dead.computeIfAbsent(d.source().topic(), t -> Counter.builder("ingest_dead_letters").tag("topic", t)
                    .description("Records sent to the dead-letter topic").register(meters)).increment();
            Log.warnf("dead letter from %s-%d offset %d (key %s): %s", d.source().topic(), d.source().partition(),
                    d.source().offset(), d.source().key() == null ? null : new String(d.source().key(),
                            java.nio.charset.StandardCharsets.UTF_8), d.reason());
        }
    }

    /** Repeats the attempt with back-off until it is accepted or rejected for good. */
    private WriteResult untilDecided(String what, Supplier<WriteResult> attempt) {
        Backoff backoff = newBackoff();
        long firstFailure = 0;
        long lastLog = 0;
        while (true) {
            WriteResult r = attempt.get();
            if (r.outcome() != Outcome.RETRY) {
                if (backoff.failures() > 0) {
                    Log.infof("%s succeeded after %d failed attempts in %d s", what, backoff.failures(),
                            (System.currentTimeMillis() - firstFailure) / 1000);
                }
                return r;
            }
            writeFailures.increment();
            long now = System.currentTimeMillis();
            if (backoff.failures() == 0) {
                firstFailure = now;
            }
            if (now - lastLog >= LOG_EVERY_MS) {
                lastLog = now;
                Log.warnf("%s: %s; consumption paused, retrying with back-off (failed %d time(s) so far)", what,
                        r.detail(), backoff.failures() + 1);
            }
            pause(backoff.failed());
        }
    }

    private void pause(long ms) {
        try {
            if (stop.await(ms, TimeUnit.MILLISECONDS)) {
                throw new ShuttingDown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShuttingDown();
        }
    }

    private Backoff newBackoff() {
        return new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff());
    }

    private boolean isAnomalies(String topic) {
        return topic.equals(config.anomaliesTopic());
    }
}
