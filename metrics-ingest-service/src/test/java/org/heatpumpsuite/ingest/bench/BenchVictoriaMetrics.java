package org.heatpumpsuite.ingest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.heatpumpsuite.testsupport.Ports;

/**
 * A fresh VictoriaMetrics with the flags of the local suite (deploy/local/suite: -retentionPeriod=2y
 * -dedup.minScrapeInterval=1ms -search.latencyOffset=1s), unlike the test resource's 0s latency offset: the
 * benchmark measures what a user would see.
 */
final class BenchVictoriaMetrics implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port = Ports.free();
    private final Process process;

    BenchVictoriaMetrics(Path dir) {
        try {
            process = new ProcessBuilder("victoria-metrics", "-storageDataPath=" + dir.resolve("data"),
                    "-httpListenAddr=127.0.0.1:" + port, "-retentionPeriod=2y", "-dedup.minScrapeInterval=1ms",
                    "-search.latencyOffset=1s", "-loggerLevel=WARN")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("victoria-metrics.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start victoria-metrics (apt-get install victoria-metrics)", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Bench.sleep(50);
        }
        close();
        throw new IllegalStateException("victoria-metrics did not start; see " + dir.resolve("victoria-metrics.log"));
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String get(String pathAndQuery) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + pathAndQuery))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(pathAndQuery + ": " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts one import body; throws unless 2xx. */
    void post(String path, byte[] body) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + path))
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Total raw samples of the prefix's series, counted by VictoriaMetrics itself. */
    long countSamples(String prefix, Duration lookback) {
        get("/internal/force_flush");
        String q = "sum(count_over_time({__name__=~\"" + prefix + "_.+\"}[" + lookback.toSeconds() + "s]))";
        String body = get("/api/v1/query?query=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)
                + "&nocache=1");
        try {
            var result = Bench.JSON.readTree(body).at("/data/result");
            return result.isEmpty() ? 0 : (long) Double.parseDouble(result.get(0).get("value").get(1).asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
