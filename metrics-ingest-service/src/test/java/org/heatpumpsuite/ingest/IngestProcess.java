package org.heatpumpsuite.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.heatpumpsuite.testsupport.Ports;
import org.heatpumpsuite.testsupport.Tokens;

/**
 * The packaged metrics-ingest-service (target/quarkus-app) as its own process, prod profile, as the suite runs it:
 * for a second replica, a crash (SIGKILL) and the benchmark. {@code jvmArgs} may set any config key ({@code -Dkey=value}).
 */
public final class IngestProcess implements AutoCloseable {

    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final int port = Ports.free();
    public final Path log;
    private final Process process;

    public IngestProcess(Path jar, Path dir, String kafka, String victoriaMetrics, List<String> jvmArgs) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: mvn -pl metrics-ingest-service package -DskipTests");
        }
        log = dir.resolve("metrics-ingest-service-" + port + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
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

    /** The packaged service of this module. */
    public static Path packagedJar() {
        return Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** GET with a bearer token (none if null); status -1 while the port does not answer. */
    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP status of a GET, or -1 while the service does not answer. */
    public int status(String path, String token) {
        HttpResponse<String> r = get(path, token);
        return r == null ? -1 : r.statusCode();
    }

    /** Waits until /q/health/ready answers 200. */
    public void awaitReady(long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("metrics-ingest-service exited; see " + log);
            }
            if (status("/q/health/ready", null) == 200) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("metrics-ingest-service not ready; see " + log);
    }

    /** The sum of a counter in /q/metrics (0 if absent or not answering). */
    public double counter(String name) {
        HttpResponse<String> r = get("/q/metrics", null);
        if (r == null || r.statusCode() != 200) {
            return 0;
        }
        return r.body().lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** SIGKILL: no shutdown hook, no last commit, requests in flight cut off. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
