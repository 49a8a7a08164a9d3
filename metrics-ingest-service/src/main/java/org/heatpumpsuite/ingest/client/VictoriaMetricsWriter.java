package org.heatpumpsuite.ingest.client;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.ingest.client.VictoriaMetrics.Outcome;
import org.heatpumpsuite.ingest.client.VictoriaMetrics.WriteResult;
import org.heatpumpsuite.ingest.config.VictoriaMetricsConfig;

import io.netty.buffer.Unpooled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The import request of the write path, on Vert.x' HTTP client rather than the REST client: the body is sent straight
 * from the encoder's buffer, without the two copies (about 400 KB each per request) the REST client would make. The
 * queries of the read API use {@link VictoriaMetricsClient}.
 */
@ApplicationScoped
public class VictoriaMetricsWriter {

    /** Longest wait for VictoriaMetrics' answer; then the attempt counts as failed and is retried. */
    static final long TIMEOUT_MS = 30_000;

    @Inject
    Vertx vertx;
    @Inject
    VictoriaMetricsConfig config;

    private HttpClient http;
    private String path;

    @PostConstruct
    void init() {
        URI url = URI.create(config.url());
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
        String base = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        path = base + "/write?precision=ms";
        http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(url.getHost()).setDefaultPort(port)
                .setSsl(tls).setConnectTimeout(2000).setKeepAlive(true).setMaxPoolSize(4));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /**
     * Posts {@code length} bytes of Influx line protocol from {@code buffer}; blocks (worker thread) until the answer,
     * and until the body is written, so the caller may reuse the buffer afterwards. Never throws for VictoriaMetrics'
     * failures.
     */
    public WriteResult write(byte[] buffer, int length) {
        CompletableFuture<int[]> status = new CompletableFuture<>();
        CompletableFuture<String> body = new CompletableFuture<>();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
                .setTimeout(TIMEOUT_MS).putHeader("Content-Type", "text/plain");
        http.request(request).onFailure(status::completeExceptionally).onSuccess(req -> {
            req.end(Buffer.buffer(Unpooled.wrappedBuffer(buffer, 0, length))).onComplete(written ->
                    req.response().compose(resp -> resp.body().map(b -> {
                        body.complete(b.toString());
                        return resp.statusCode();
                    })).onComplete(answer -> {
                        if (answer.failed()) {
                            status.completeExceptionally(answer.cause());
                        } else if (written.failed()) {
                            status.completeExceptionally(written.cause());
                        } else {
                            status.complete(new int[] { answer.result() });
                        }
                    }));
        });
        try {
            int code = status.get(TIMEOUT_MS + 5_000, TimeUnit.MILLISECONDS)[0];
            if (code / 100 == 2) {
                return new WriteResult(Outcome.ACCEPTED, null);
            }
            String detail = "VictoriaMetrics answered " + code + ": " + abbreviate(body.getNow(""));
            return new WriteResult(code >= 500 || code == 429 || code == 408 ? Outcome.RETRY : Outcome.REJECTED, detail);
        } catch (ExecutionException e) {
            return new WriteResult(Outcome.RETRY, "VictoriaMetrics not reachable: " + VictoriaMetrics.rootMessage(e));
        } catch (TimeoutException e) {
            return new WriteResult(Outcome.RETRY, "VictoriaMetrics did not answer within " + TIMEOUT_MS / 1000 + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WriteResult(Outcome.RETRY, "interrupted");
        }
    }

    private static String abbreviate(String s) {
        s = s.strip();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
