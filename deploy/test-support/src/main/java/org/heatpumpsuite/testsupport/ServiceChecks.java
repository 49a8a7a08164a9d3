package org.heatpumpsuite.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.http.Method;
import io.restassured.path.json.JsonPath;

/**
 * Checks every service must pass (ARCHITECTURE.md, issue "Foundation"): health, metrics, OpenAPI, and no
 * {@code /api/**} operation without a token. Uses RestAssured's configured base URI and port.
 */
public final class ServiceChecks {

    private ServiceChecks() {
    }

    /** /q/health/live and /q/health/ready answer UP, /q/metrics is Prometheus text, /q/openapi and Swagger UI serve. */
    public static void assertPlatformEndpoints() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("# TYPE jvm_memory_used_bytes gauge"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200).body("openapi", containsString("3."));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /**
     * Every operation under /api that the service's OpenAPI document lists answers 401 without a token and with a
     * token signed by a key the suite does not trust. Returns the operations checked ("GET /api/…").
     */
    public static List<String> assertEveryApiOperationNeedsToken() {
        JsonPath openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        List<String> checked = new ArrayList<>();
        String stranger = Tokens.signedByStranger();
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api")) {
                continue;
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "hp-00000000");
            for (String method : path.getValue().keySet()) {
                Method m;
                try {
                    m = Method.valueOf(method.toUpperCase());
                } catch (IllegalArgumentException notAMethod) {
                    continue;
                }
                given().contentType("application/json").body("{}").request(m, concrete).then().statusCode(401);
                given().auth().oauth2(stranger).contentType("application/json").body("{}").request(m, concrete)
                        .then().statusCode(401);
                checked.add(m + " " + path.getKey());
            }
        }
        if (checked.isEmpty()) {
            throw new AssertionError("the OpenAPI document lists no /api operation");
        }
        return checked;
    }

    /** The liveness details report the given dependency as "up" or "down". */
    public static String dependencyState(String dependency) {
        return given().get("/q/health/live").then().extract().jsonPath()
                .getString("checks.find { it.name == 'dependencies' }.data." + dependency);
    }

    /**
     * The broker outage every service must survive: with the broker stopped the service reports Kafka down in its
     * liveness details, stays live and ready, and {@code apiAnswers} passes; after the broker returns it reports
     * Kafka up again and {@code resumes} (which should produce to or consume from the broker) passes.
     */
    public static void assertSurvivesKafkaOutage(KafkaProcess broker, Runnable apiAnswers, Runnable resumes) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "up".equals(dependencyState("kafka")));

        broker.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> "down".equals(dependencyState("kafka")));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        apiAnswers.run();

        broker.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> "up".equals(dependencyState("kafka")));
        resumes.run();
    }
}
