package org.heatpumpsuite.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.PostgresResource;
import org.heatpumpsuite.testsupport.ServiceChecks;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.Method;

/** Login, users and roles, API tokens and their revocation, and the role rules on every endpoint. */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(TokenResource.class)
@WithTestResource(ProbeStubResource.class)
class AuthIT {

    /** Set by the failsafe configuration (pom.xml), as the local run sets it. */
    static final String ADMIN_PASSWORD = System.getenv().getOrDefault("HEATPUMP_ADMIN_PASSWORD", "it-Admin-Passw0rd");

    static String login(String user, String password) {
        return given().contentType("application/json")
                .body(Map.of("username", user, "password", password)).post("/api/auth/login")
                .then().statusCode(200).body("token_type", equalTo("Bearer")).extract().path("token");
    }

    @Test
    void theFirstAdminLogsInAndManagesUsers() {
        String admin = login("admin", ADMIN_PASSWORD);
        given().auth().oauth2(admin).get("/api/auth/me").then().statusCode(200)
                .body("name", equalTo("admin")).body("groups", hasItem("admin"));
        // the stored hash is bcrypt, never the password
        assertThat(Fixtures.count("SELECT count(*) FROM users WHERE username = 'admin' AND password_hash LIKE '$2%'"))
                .isEqualTo(1);

        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("username", "olga", "password", "olga-secret-1", "role", "operator"))
                .post("/api/users").then().statusCode(201).body("groups", equalTo(List.of("viewer", "operator")));
        given().auth().oauth2(admin).get("/api/users").then().statusCode(200).body("username", hasItem("olga"))
                .body("password_hash", not(hasItem(notNullValue())));
        String olga = login("olga", "olga-secret-1");
        given().auth().oauth2(olga).get("/api/heatpumps").then().statusCode(200);
        given().auth().oauth2(olga).get("/api/users").then().statusCode(403);

        given().auth().oauth2(olga).contentType("application/json")
                .body(Map.of("current_password", "olga-secret-1", "new_password", "olga-secret-2"))
                .put("/api/auth/password").then().statusCode(204);
        given().contentType("application/json").body(Map.of("username", "olga", "password", "olga-secret-1"))
                .post("/api/auth/login").then().statusCode(401).contentType("application/problem+json");
        login("olga", "olga-secret-2");

        given().auth().oauth2(admin).contentType("application/json").body(Map.of("role", "viewer"))
                .put("/api/users/olga").then().statusCode(200).body("role", equalTo("viewer"));
        given().auth().oauth2(admin).get("/api/users/roles").then().statusCode(200).body("name", hasItem("operator"));
        given().auth().oauth2(admin).delete("/api/users/olga").then().statusCode(204);
        given().auth().oauth2(admin).get("/api/users/olga").then().statusCode(404);
        given().auth().oauth2(admin).delete("/api/users/admin").then().statusCode(409);
    }

    @Test
    void repeatedFailedLoginsAreSlowedDown() {
        given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("username", "mallory-target", "password", "right-password-1", "role", "viewer"))
                .post("/api/users").then().statusCode(201);
        long[] ms = new long[5];
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            given().contentType("application/json").body(Map.of("username", "mallory-target", "password", "guess" + i))
                    .post("/api/auth/login").then().statusCode(401);
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        // three free failures, then 1 s, then 2 s
        assertThat(ms[0]).isLessThan(1000);
        assertThat(ms[3]).isGreaterThanOrEqualTo(950);
        assertThat(ms[4]).isGreaterThanOrEqualTo(1950);
        // the right password still works (after the wait) and resets the count
        given().contentType("application/json").body(Map.of("username", "mallory-target", "password", "right-password-1"))
                .post("/api/auth/login").then().statusCode(200);
    }

    @Test
    void apiTokensCarryARoleAndARevokedOneIsRefused() {
        String admin = Tokens.admin();
        var created = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", "home-automation", "role", "operator", "expires_in_days", 30))
                .post("/api/tokens").then().statusCode(201).body("token", notNullValue()).extract().jsonPath();
        String id = created.getString("id");
        String token = created.getString("token");
        // only the hash is stored
        assertThat(Fixtures.count("SELECT count(*) FROM api_tokens WHERE id = '" + id + "' AND token_hash <> '"
                + token.replace("'", "") + "' AND length(token_hash) = 64")).isEqualTo(1);
        given().auth().oauth2(admin).get("/api/tokens").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.active", equalTo(true))
                .body("token", not(hasItem(notNullValue())));

        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(200)
                .body("name", equalTo("token:home-automation")).body("source", equalTo("api"));
        given().auth().oauth2(token).get("/api/heatpumps").then().statusCode(200);
        given().auth().oauth2(token).get("/api/users").then().statusCode(403);

        given().auth().oauth2(admin).delete("/api/tokens/" + id).then().statusCode(204);
        given().auth().oauth2(token).get("/api/heatpumps").then().statusCode(401);
        given().auth().oauth2(admin).get("/api/tokens").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.active", equalTo(false));
    }

    @Test
    void anonymousIs401EverywhereButLogin() {
        List<String> checked = ServiceChecks.assertEveryApiOperationNeedsToken();
        assertThat(checked).contains("GET /api/heatpumps", "POST /api/heatpumps", "POST /api/control/{id}",
                "GET /api/audit", "POST /api/import/legacy", "DELETE /api/tokens/{id}");
    }

    /** Write operations of the OpenAPI document (all but GET), except the caller's own account under /api/auth. */
    static List<String[]> writes() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        List<String[]> out = new ArrayList<>();
        paths.forEach((path, ops) -> {
            if (!path.startsWith("/api") || path.startsWith("/api/auth")) {
                return;
            }
            for (String m : ops.keySet()) {
                if (Set.of("post", "put", "delete", "patch").contains(m)) {
                    out.add(new String[] { m.toUpperCase(), path });
                }
            }
        });
        return out;
    }

    @Test
    void aViewerGets403OnEveryWrite() {
        String viewer = Tokens.viewer();
        List<String> wrong = new ArrayList<>();
        List<String[]> writes = writes();
        assertThat(writes.size()).isGreaterThan(15);
        for (String[] op : writes) {
            String path = op[1].replaceAll("\\{[^}]+}", "hp-00000000");
            int status = given().auth().oauth2(viewer).contentType("application/json").body("{}")
                    .request(Method.valueOf(op[0]), path).statusCode();
            if (status != 403) {
                wrong.add(op[0] + " " + op[1] + " → " + status);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anOperatorGets403OnPumpUserTokenAndImportAdministration() {
        String operator = Tokens.operator();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String[] op : writes()) {
            boolean admin = op[1].startsWith("/api/heatpumps") || op[1].startsWith("/api/users")
                    || op[1].startsWith("/api/tokens") || op[1].startsWith("/api/import");
            if (!admin) {
                continue;
            }
            checked++;
            String path = op[1].replaceAll("\\{[^}]+}", "hp-00000000");
            int status = given().auth().oauth2(operator).contentType("application/json").body("{}")
                    .request(Method.valueOf(op[0]), path).statusCode();
            if (status != 403) {
                wrong.add(op[0] + " " + op[1] + " → " + status);
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(9);
        assertThat(wrong).isEmpty();
        for (String read : List.of("/api/users", "/api/tokens")) {
            given().auth().oauth2(operator).get(read).then().statusCode(403);
        }
    }
}
