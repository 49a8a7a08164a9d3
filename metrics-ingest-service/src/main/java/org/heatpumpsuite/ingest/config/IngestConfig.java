package org.heatpumpsuite.ingest.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What an operator may tune in metrics-ingest (README, "Configuration"). */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Metric name prefix: a sensor is written as {@code <prefix>_<sensor>}; the plan's dashboards use idm_heatpump. */
    @WithDefault("idm_heatpump")
    String metricPrefix();

    /** Topic of the readings (also set in mp.messaging.incoming.samples.topics). */
    @WithDefault("heatpump.readings")
    String readingsTopic();

    /** Topic of the anomaly scores, consumed with the readings; written as anomaly_score and anomaly_detected. */
    @WithDefault("heatpump.anomalies")
    String anomaliesTopic();

    /** The write path: Kafka batches to VictoriaMetrics. */
    Write write();

    /** Back-off while VictoriaMetrics (or, for dead letters, Kafka) does not accept a batch. */
    Retry retry();

    /** Bounds and defaults of the read API. */
    Query query();

    /** The free strings (error codes, modes as text) every replica keeps for every pump. */
    FreeStrings freeStrings();

    interface FreeStrings {
        /** On start, each replica reads heatpump.readings from this long ago, so free strings survive a restart. */
        @WithDefault("1h")
        Duration lookBack();

        /** At most this many records per partition are read back on start (bounds the start-up work). */
        @WithDefault("100000")
        long maxLookBackRecords();
    }

    interface Write {
        /**
         * Most samples in one import request; a larger Kafka batch is sent as several requests. The default keeps a
         * request body (about 30 bytes per sample) below 512 KB, the size from which G1 treats an array as humongous.
         */
        @WithDefault("15000")
        int maxSamplesPerRequest();

        /** A record observed further in the future than this is a dead letter (a producer's clock is wrong). */
        @WithDefault("1h")
        Duration maxClockSkew();

        /**
         * Samples older than this are a backfill (catching up after an outage): after writing them, VictoriaMetrics'
         * rollup result cache is reset so charts show them at once (its cache keeps results older than 5 minutes).
         */
        @WithDefault("5m")
        Duration backfillAge();
    }

    interface Retry {
        /** First pause after a failed attempt; doubled after each further failure. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** Longest pause between two attempts. */
        @WithDefault("30s")
        Duration maxBackoff();
    }

    interface Query {
        /** "Latest" means the last sample within this window; older values are not current. */
        @WithDefault("24h")
        Duration latestWindow();

        /** Longest time range of one range or comparison query. */
        @WithDefault("731d")
        Duration maxRange();

        /** Shortest step of a range or comparison query. */
        @WithDefault("1s")
        Duration minStep();

        /** Most points per series (range / step + 1) of one query. */
        @WithDefault("11000")
        int maxPointsPerSeries();

        /** Most points of one answer (pumps x points per series). */
        @WithDefault("200000")
        int maxPoints();

        /** Most pumps in one range or comparison query. */
        @WithDefault("50")
        int maxPumps();

        /** Points per series when the client gives no step (step = range / this, at least min-step). */
        @WithDefault("500")
        int defaultPoints();

        /** Range when the client gives neither start nor range. */
        @WithDefault("24h")
        Duration defaultRange();

        /** How far back /api/metrics/available looks for a pump's series. */
        @WithDefault("31d")
        Duration availableLookback();

        /** Longest wait for VictoriaMetrics' answer to a read. */
        @WithDefault("20s")
        Duration timeout();
    }
}
