package org.heatpumpsuite.ingest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.heatpumpsuite.testsupport.Ports;
import org.heatpumpsuite.testsupport.Tokens;

/** The packaged metrics-ingest-service (target/quarkus-app) as its own process, prod profile, as the suite runs it. */
final class IngestProcess implements AutoCloseable {

    final int port = Ports.free();
    private final Process process;
    final Path log;

    IngestProcess(Path jar, Path dir, String kafka, String victoriaMetrics, List<String> jvmArgs) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: mvn -pl metrics-ingest-service package -DskipTests");
        }
        log = dir.resolve("metrics-ingest-service.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        pb.environment().put("VICTORIAMETRICS_URL", victoriaMetrics);
        pb.environment().put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", Tokens.publicKeyPem().toUri().toString());
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until /q/health/ready answers 200. */
    void awaitReady(long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("metrics-ingest-service exited; see " + log);
            }
            try {
                if (BenchVictoriaMetrics.HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Bench.sleep(100);
        }
        throw new IllegalStateException("metrics-ingest-service not ready; see " + log);
    }

    /** The sum of a counter in /q/metrics (0 if absent). */
    double counter(String name) {
        try {
            String body = BenchVictoriaMetrics.HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    double cpuSeconds() {
        return Bench.cpuSeconds(process.pid());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
