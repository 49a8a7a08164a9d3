package org.heatpumpsuite.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The benchmark of docs/benchmarks.md in miniature (about 20 s on an idle 2-core machine), so CI notices when it
 * breaks: its own Kafka and
 * VictoriaMetrics processes, the packaged service, every sample counted in VictoriaMetrics, freshness measured. The
 * figures themselves come from deploy/bench/ingest-benchmark.
 */
class IngestBenchmarkSmokeIT {

    @Test
    void theBenchmarkRunsAndEverySampleArrives() throws Exception {
        IngestBenchmark.Options tiny = new IngestBenchmark.Options(50, 20, 3, 2, false, 50, Duration.ofSeconds(1),
                Duration.ofSeconds(3), 2, Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath(),
                List.of("-Xmx256m"));
        IngestBenchmark.Result r = IngestBenchmark.run(tiny);

        assertThat(r.verifiedSamples()).isEqualTo(r.samples()).isEqualTo(50L * 20 * 17);
        assertThat(r.ingestPerSecond()).isPositive();
        assertThat(r.ceilingPerSecond()).isPositive();
        assertThat(r.apiFreshness().count()).isPositive();
        assertThat(r.freshnessTimeouts()).isZero();
        assertThat(r.apiFreshness().p99()).isLessThan(10_000);
    }
}
