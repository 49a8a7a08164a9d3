package org.heatpumpsuite.webui;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.heatpumpsuite.testsupport.Ports;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * Real HTTP servers standing in for the five services: each answers with its own name, the path, method, body and
 * the Authorization header it received; a path ending in /never-ends gets a chunked answer that never ends. The anomaly service's port is left closed to test an unreachable service.
 */
public class EchoServicesResource implements QuarkusTestResourceLifecycleManager {

    static final List<String> SERVICES = List.of("registry", "polling", "ingest", "telemetry");

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            HttpServer server = vertx.createHttpServer().requestHandler(req -> {
                if (req.path().endsWith("/never-ends")) {
                    // a chunked answer that starts and never finishes, like a long-running query
                    req.response().setChunked(true).putHeader("content-type", "application/json").write("{\"partial\":");
                    return;
                }
                req.body().onSuccess(body -> req.response()
                    .putHeader("content-type", "application/json").setStatusCode(req.getHeader("Authorization") == null ? 401 : 200)
                    .end(new JsonObject().put("service", service).put("path", req.uri()).put("method", req.method().name())
                            .put("body", body.toString()).put("authorization", req.getHeader("Authorization")).encode()));
            });
            try {
                server.listen(0, InetAddress.getLoopbackAddress().getHostAddress()).toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            config.put("proxy." + service + "-url", "http://127.0.0.1:" + server.actualPort());
        }
        config.put("proxy.anomaly-url", "http://127.0.0.1:" + Ports.free());
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
