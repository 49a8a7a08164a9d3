package org.heatpumpsuite.polling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.heatpumpsuite.testsupport.Contracts;
import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.Ports;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** POST /api/probe: validation as problem+json, and a diagnosis for each way a connection fails. */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class ProbeIT {

    static String request(String host, int port) {
        return """
                {"manufacturer":"nibe","model":"s1155","host":"%s","port":%d,"unit_id":1,"timeout_ms":1000}
                """.formatted(host, port);
    }

    @Test
    void badFieldsAreNamedInAProblemDocument() {
        var problem = given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body("{\"manufacturer\":\"acme\",\"model\":\"x\",\"host\":\"bad host!\",\"port\":70000,\"unit_id\":300}")
                .post("/api/probe").then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(problem.getList("errors.field", String.class))
                .containsExactlyInAnyOrder("manufacturer", "host", "port", "unit_id");
        assertThat(problem.getString("detail")).doesNotContain("Exception");
    }

    @Test
    void aRefusedConnectionSaysWhatToCheck() {
        String body = given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(request("127.0.0.1", Ports.free())).post("/api/probe")
                .then().statusCode(200).body("ok", equalTo(false)).body("diagnosis.kind", equalTo("refused"))
                .body("diagnosis.hint_en", equalTo("Is Modbus TCP enabled (NIBE S: menu 7.5.9)?"))
                .extract().asString();
        Contracts.assertValid("probe-response", body);
    }

    @Test
    void anUnknownHostIsADnsProblem() {
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(request("no-such-pump.invalid", 502)).post("/api/probe")
                .then().statusCode(200).body("ok", equalTo(false)).body("diagnosis.kind", equalTo("dns"));
    }

    @Test
    void aListeningDeviceIsReachable() throws IOException {
        try (ServerSocket device = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            given().auth().oauth2(Tokens.admin()).contentType("application/json")
                    .body(request("127.0.0.1", device.getLocalPort())).post("/api/probe")
                    .then().statusCode(200).body("ok", equalTo(true)).body("latency_ms", lessThan(1000));
        }
    }

    @Test
    void onlyAdminsMayProbe() {
        given().auth().oauth2(Tokens.operator()).contentType("application/json").body(request("127.0.0.1", 1))
                .post("/api/probe").then().statusCode(403);
    }
}
