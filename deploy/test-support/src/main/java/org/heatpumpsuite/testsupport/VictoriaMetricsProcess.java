package org.heatpumpsuite.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real VictoriaMetrics (Debian package {@code victoria-metrics}) in its own process on a free port, with the
 * suite's flags ({@code -dedup.minScrapeInterval=1ms}, {@code -retentionPeriod=2y}) and {@code -search.latencyOffset=0s}
 * so tests see new samples at once. Can be stopped and started again with the same data for outage tests.
 */
public final class VictoriaMetricsProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dir;
    private final int port;
    private Process process;

    public VictoriaMetricsProcess() {
        try {
            this.dir = Files.createTempDirectory("victoria-metrics-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = Ports.free();
    }

    /** The binary: {@code VICTORIA_METRICS_BIN}, else {@code victoria-metrics} from the Debian package. */
    static String binary() {
        String env = System.getenv("VICTORIA_METRICS_BIN");
        if (env != null && !env.isBlank()) {
            return env;
        }
        for (String candidate : new String[] { "/usr/bin/victoria-metrics", "/usr/local/bin/victoria-metrics" }) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("victoria-metrics not found: install the Debian package "
                + "(apt-get install -y victoria-metrics) or set VICTORIA_METRICS_BIN; deploy/local/suite test does this");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized VictoriaMetricsProcess start() {
        if (isRunning()) {
            return this;
        }
        ProcessBuilder pb = new ProcessBuilder(binary(),
                "-storageDataPath=" + dir.resolve("data"),
                "-httpListenAddr=127.0.0.1:" + port,
                "-retentionPeriod=2y",
                "-dedup.minScrapeInterval=1ms",
                "-search.latencyOffset=0s",
                "-loggerLevel=WARN")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("victoria-metrics.log").toFile()));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start victoria-metrics", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (healthy()) {
                return this;
            }
            sleep(50);
        }
        throw new IllegalStateException("victoria-metrics did not become healthy; log: " + dir.resolve("victoria-metrics.log"));
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        Ports.awaitClosed(port, Duration.ofSeconds(10), "stopped victoria-metrics");
    }

    @Override
    public void close() {
        stop();
        TempDirs.delete(dir);
    }

    public boolean healthy() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/health")).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Makes freshly imported series queryable at once (otherwise 8–10 s). */
    public void forceFlush() {
        get("/internal/force_flush");
    }

    /** Runs an instant query and returns VictoriaMetrics' JSON answer. */
    public String query(String promql) {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** Exports raw samples of the series matching the selector as JSON lines. */
    public String export(String selector) {
        return get("/api/v1/export?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
    }

    /** Posts Prometheus text-format lines straight to VictoriaMetrics. */
    public void importPrometheus(String lines) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/import/prometheus"))
                    .POST(HttpRequest.BodyPublishers.ofString(lines)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("import failed: " + r.statusCode() + " " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
