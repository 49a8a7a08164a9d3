package org.heatpumpsuite.webui.proxy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The single origin of the local run: forwards /api/** to the services by the route table (streaming, headers such
 * as Authorization passed through). An unknown /api path is a 404 and an unreachable service a 502, both
 * problem+json; everything else is the static app.
 */
@ApplicationScoped
public class ApiProxy {

    @Inject
    ProxyConfig config;
    @Inject
    Vertx vertx;

    private final Map<URI, HttpProxy> proxies = new HashMap<>();

    void routes(@Observes Router router) {
        RouteTable table = new RouteTable(config);
        router.route("/api/*").order(-1).handler(ctx -> forward(table, ctx));
    }

    private void forward(RouteTable table, RoutingContext ctx) {
        table.target(ctx.normalizedPath()).ifPresentOrElse(
                target -> proxy(target).handle(ctx.request()),
                () -> problem(ctx, 404, "Not Found", "no service answers " + ctx.normalizedPath()));
    }

    private synchronized HttpProxy proxy(URI target) {
        return proxies.computeIfAbsent(target, t -> {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setConnectTimeout((int) config.connectTimeout().toMillis())
                    .setMaxPoolSize(config.maxConnectionsPerService())
                    // a fresh connection per forwarded request: a pooled one the service has just closed, or one a
                    // late reset of an abandoned request closes (vert.x #6294), would fail the next request on it
                    .setKeepAlive(false));
            int port = t.getPort() > 0 ? t.getPort() : 80;
            SocketAddress origin = SocketAddress.inetSocketAddress(port, t.getHost());
            // Each forwarded request is bounded (waiting for a pooled connection included), and abandoned when the
            // browser goes away: otherwise a response the browser stopped reading keeps its pooled connection for
            // good, and once the pool is used up every later request to that service hangs.
            HttpProxy proxy = HttpProxy.reverseProxy(client).originRequestProvider((request, c) -> c
                    .request(new RequestOptions().setServer(origin)
                            .setConnectTimeout(config.connectTimeout().toMillis())
                            .setIdleTimeout(config.idleTimeout().toMillis()))
                    .onSuccess(upstream -> request.response().closeHandler(v -> {
                        if (!request.response().ended()) {
                            upstream.reset();
                        }
                    })));
            proxy.addInterceptor(new ProxyInterceptor() {
                @Override
                public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                    return context.sendRequest().recover(failure -> {
                        Log.warnf("service at %s unreachable: %s", t, failure.getMessage());
                        ProxyResponse response = context.request().response().setStatusCode(502)
                                .putHeader("content-type", "application/problem+json")
                                .setBody(io.vertx.httpproxy.Body.body(io.vertx.core.buffer.Buffer.buffer(
                                        problemJson(502, "Bad Gateway", "the service for this path is not reachable"))));
                        return Future.succeededFuture(response);
                    });
                }
            });
            return proxy;
        });
    }

    private static void problem(RoutingContext ctx, int status, String title, String detail) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/problem+json")
                .end(problemJson(status, title, detail));
    }

    private static String problemJson(int status, String title, String detail) {
        return new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail).encode();
    }
}
