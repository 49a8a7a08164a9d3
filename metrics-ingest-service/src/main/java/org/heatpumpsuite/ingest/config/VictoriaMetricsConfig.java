package org.heatpumpsuite.ingest.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where VictoriaMetrics runs (env VICTORIAMETRICS_URL); the REST client reads the same key. */
@ConfigMapping(prefix = "victoriametrics")
public interface VictoriaMetricsConfig {

    /** Base URL of VictoriaMetrics (single-node). */
    @WithDefault("http://127.0.0.1:8428")
    String url();

    /** How often its /health is asked (readiness and the liveness details use the last answer). */
    @WithDefault("2s")
    Duration probeInterval();
}
