package org.heatpumpsuite.webui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;

/** The local single origin: /api/** reaches the right service by ARCHITECTURE.md's table; the rest is the app. */
@QuarkusIntegrationTest
@WithTestResource(EchoServicesResource.class)
class ProxyIT {

    @TestHTTPResource("/")
    URL root;
    int port;

    @BeforeEach
    void port() {
        port = root.getPort();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/auth/login, registry", "/api/users/me, registry", "/api/tokens, registry",
            "/api/heatpumps/hp-0000abcd, registry", "/api/manufacturers, registry", "/api/dashboards, registry",
            "/api/alerts, registry", "/api/jobs/7, registry", "/api/control/hp-0000abcd, registry",
            "/api/audit, registry", "/api/import/legacy, registry", "/api/probe, polling", "/api/data, ingest",
            "/api/data/hp-0000abcd, ingest", "/api/metrics/query_range?sensor=temp_outside&range=24h, ingest",
            "/api/telemetry/pumps, telemetry" })
    void forwardsEachRouteToItsService(String path, String service) {
        given().auth().oauth2("token-1").get(path).then().statusCode(200)
                .body("service", equalTo(service)).body("path", equalTo(path))
                .body("authorization", equalTo("Bearer token-1"));
    }

    @Test
    void forwardsBodiesAndStatusCodes() {
        given().auth().oauth2("t").contentType("application/json").body("{\"name\":\"Keller\"}")
                .post("/api/heatpumps").then().statusCode(200)
                .body("method", equalTo("POST")).body("body", equalTo("{\"name\":\"Keller\"}"));
        given().get("/api/heatpumps").then().statusCode(401);
    }

    @Test
    void anUnknownApiPathIsAProblemNotTheApp() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/api/heatpumpsX").then().statusCode(404);
    }

    @Test
    void requestsTheBrowserAbandonsGiveTheirConnectionBack() throws IOException {
        // more abandoned answers than the proxy keeps connections per service: without giving them back, the next
        // request to that service would wait for ever
        for (int i = 0; i < 40; i++) {
            try (Socket browser = new Socket("127.0.0.1", port)) {
                browser.setSoTimeout(10_000);
                browser.getOutputStream().write(("GET /api/data/never-ends HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] head = new byte[12];
                assertEquals(12, browser.getInputStream().readNBytes(head, 0, 12));
                assertEquals("HTTP/1.1 200", new String(head, StandardCharsets.US_ASCII));
            }
        }
        given().auth().oauth2("t").config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 10_000))).get("/api/data").then().statusCode(200)
                .body("service", equalTo("ingest"));
    }

    @Test
    void anUnreachableServiceIsABadGateway() {
        given().auth().oauth2("t").get("/api/anomalies").then().statusCode(502)
                .contentType("application/problem+json").body("title", equalTo("Bad Gateway"));
    }

    @Test
    void servesTheAppAndThePlatformEndpoints() {
        given().get("/").then().statusCode(200).body(containsString("Heat pump suite"));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
