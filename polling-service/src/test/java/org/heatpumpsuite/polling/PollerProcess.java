package org.heatpumpsuite.polling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.heatpumpsuite.testsupport.ServiceProcess;
import org.heatpumpsuite.testsupport.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged polling-service (target/quarkus-app, prod profile) as its own process, as a replica runs in
 * production: for restarts and for several replicas side by side. {@link #kill()} is SIGKILL.
 */
final class PollerProcess extends ServiceProcess {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    PollerProcess(String name, String kafka, Map<String, String> env) {
        super("poller-" + name, JAR, Path.of("target"), List.of("-Xmx256m"), withDefaults(kafka, env));
    }

    private static Map<String, String> withDefaults(String kafka, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"));
        all.putAll(env);
        return all;
    }

    @Override
    public PollerProcess awaitReady(Duration timeout) {
        super.awaitReady(timeout);
        return this;
    }

    /** The pumps this replica polls (GET /api/polling/pumps); empty if it does not answer. */
    Set<String> polled() {
        HttpResponse<String> r = get("/api/polling/pumps", Tokens.viewer());
        if (r == null) {
            return Set.of();
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/polling/pumps of " + name + ": " + r.statusCode() + " " + r.body());
        }
        Set<String> ids = new TreeSet<>();
        try {
            for (JsonNode id : JSON.readTree(r.body()).path("pumps")) {
                ids.add(id.asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }
}
