package org.heatpumpsuite.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.heatpumpsuite.testsupport.ServiceProcess;

/**
 * The packaged metrics-ingest-service as its own process, prod profile, as the suite runs it: for a second replica, a
 * crash (SIGKILL) and the benchmark. {@code jvmArgs} may set any config key ({@code -Dkey=value}).
 */
public final class IngestProcess extends ServiceProcess {

    public IngestProcess(Path jar, Path dir, String kafka, String victoriaMetrics, List<String> jvmArgs) {
        super("metrics-ingest-service", jar, dir, jvmArgs,
                Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "VICTORIAMETRICS_URL", victoriaMetrics));
    }

    /** The packaged service of this module. */
    public static Path packagedJar() {
        return Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    }

    /** Waits until /q/health/ready answers 200. */
    public void awaitReady(long timeoutMs) {
        awaitReady(Duration.ofMillis(timeoutMs));
    }

    /** The sum of a counter in /q/metrics (0 if absent or not answering). */
    public double counter(String name) {
        return metric(name);
    }
}
