package org.heatpumpsuite.polling.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The polling benchmark of docs/benchmarks.md in miniature (about 30 s), so CI notices when it breaks: its own Kafka
 * process, ten simulated pumps (two of each model family) in their own JVM, the packaged service, the figures read from
 * its /q/metrics and /proc. The figures themselves come from deploy/bench/polling-benchmark.
 */
class PollingBenchmarkSmokeIT {

    @Test
    void theBenchmarkMeasuresPollsLatenessRequestsCpuAndMemory() throws Exception {
        PollingBenchmark.Options tiny = new PollingBenchmark.Options(List.of(10), Duration.ofSeconds(3),
                Duration.ofSeconds(12), Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath(), List.of("-Xmx256m"),
                List.of("-Xmx128m"), true);
        PollingBenchmark.Step s = PollingBenchmark.run(10, tiny);

        assertThat(s.polled()).isEqualTo(10);
        // 6 pumps at 10 s in a 12 s window: at least one poll each; none failed against healthy simulators
        assertThat(s.polls()).isGreaterThanOrEqualTo(6);
        assertThat(s.failedPolls()).isZero();
        // lateness is recorded when a poll starts, its outcome when it ends: they differ by the polls in flight at the edges
        assertThat(s.latenessCount()).isPositive().isBetween(s.polls() - 10, s.polls() + 10);
        assertThat(s.p99Seconds()).isBetween(0.0, 1.0);
        assertThat(s.meetsObjective()).isTrue();
        // every model sends 3..50 requests per poll
        assertThat(s.requestsPerSecond()).isBetween(s.pollsPerSecond() * 3, s.pollsPerSecond() * 50);
        assertThat(s.pollerCpuPercent()).isPositive();
        assertThat(s.simulatorCpuPercent()).isPositive();
        assertThat(s.pollerRssMb()).isBetween(50L, 2048L);
        assertThat(s.simulatorRssMb()).isBetween(20L, 2048L);
        assertThat(s.dropped()).isZero();
    }
}
