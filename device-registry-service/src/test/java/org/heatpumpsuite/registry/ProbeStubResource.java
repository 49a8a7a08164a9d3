package org.heatpumpsuite.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.heatpumpsuite.testsupport.Contracts;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for the polling service's {@code POST /api/probe} with a real HTTP server: a host containing
 * "unreachable" is refused (the refused golden example), any other host answers like the success example. Every
 * request body and Authorization header is recorded, and each body is checked against the probe-request contract.
 */
public class ProbeStubResource implements QuarkusTestResourceLifecycleManager {

    /** A request the stub received. */
    public record Received(String authorization, String body, List<String> violations) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/api/probe", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            RECEIVED.add(new Received(auth, body, Contracts.validate("probe-request", body)));
            String answer;
            int status = 200;
            if (auth == null) {
                status = 401;
                answer = "";
            } else if (body.contains("unreachable")) {
                answer = Contracts.example("probe-response", "refused.json");
            } else {
                answer = Contracts.example("probe-response", "success.json");
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return Map.of("registry.probe-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
