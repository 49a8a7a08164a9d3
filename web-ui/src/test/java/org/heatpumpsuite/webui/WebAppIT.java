package org.heatpumpsuite.webui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged web-ui serves the built app: deep links get index.html, /api/** and /q/** never do, the assets load,
 * and a Playwright run in Debian's Chromium (src/main/webui/e2e/smoke.mjs) finds the login page in German and English,
 * the signed-in flows and the phone layout working, with no errors in the browser console.
 */
@QuarkusIntegrationTest
class WebAppIT {

    private static final Path WEBUI = Path.of(System.getProperty("webui.dir", "src/main/webui"));
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));

    @TestHTTPResource("/")
    URL root;

    @Test
    void deepLinksAreAnsweredWithTheApp() {
        for (String path : new String[] { "/", "/login", "/heatpumps", "/heatpumps/hp-1234abcd", "/heatpumps/new" }) {
            given().get(path).then().statusCode(200).contentType(containsString("text/html"))
                    .body(containsString("<div id=\"app\"></div>")).body(containsString("<title>Heat pump suite</title>"));
        }
    }

    @Test
    void apiAndPlatformPathsAreNeverTheApp() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/q/nothing-here").then().statusCode(404).body(not(containsString("id=\"app\"")));
        given().get("/q/health/ready").then().statusCode(200).contentType(containsString("json"));
    }

    @Test
    void theAppsScriptsAndStylesAreServed() {
        String index = given().get("/").then().statusCode(200).extract().asString();
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
        Matcher style = Pattern.compile("href=\"(/assets/[^\"]+\\.css)\"").matcher(index);
        assertTrue(script.find(), index);
        assertTrue(style.find(), index);
        given().get(script.group(1)).then().statusCode(200).contentType(containsString("javascript"));
        given().get(style.group(1)).then().statusCode(200).contentType(containsString("text/css"));
        given().get("/favicon.svg").then().statusCode(200).contentType(containsString("svg"));
    }

    @Test
    void smokeTestInChromium() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Playwright smoke test skipped: " + CHROMIUM
                + " is missing (deploy/local/suite test installs it; by hand: apt-get install chromium)");
        Path screenshots = Path.of("target", "e2e-screenshots").toAbsolutePath();
        Process process = new ProcessBuilder("node", "e2e/smoke.mjs", root.toString(), screenshots.toString())
                .directory(WEBUI.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> copy(process.getInputStream(), output));
        pump.start();
        boolean finished = process.waitFor(150, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        pump.join(5000);
        String log = output.toString(StandardCharsets.UTF_8);
        System.out.println("--- e2e/smoke.mjs against " + root + "\n" + log);
        assertTrue(finished, "smoke test did not finish within 150 s:\n" + log);
        assertEquals(0, process.exitValue(), log);
        assertTrue(log.contains(" passed, 0 failed"), log);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // the process ended
        }
    }
}
