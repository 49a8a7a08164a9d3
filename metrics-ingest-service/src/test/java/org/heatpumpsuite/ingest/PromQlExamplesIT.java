package org.heatpumpsuite.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.VictoriaMetricsProcess;
import org.heatpumpsuite.testsupport.VictoriaMetricsResource;
import org.heatpumpsuite.testsupport.VictoriaMetricsResource.InjectVictoriaMetrics;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The plan's PromQL examples, asked of VictoriaMetrics itself, return exactly the right series after readings of
 * three pumps of two makers went through Kafka and the service. The readings lie at a moment about a week ago that
 * no other test writes to, and the queries are evaluated there, so the un-filtered example sees this test's series
 * only (the other IT classes share the VictoriaMetrics instance) and must find exactly three.
 */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(VictoriaMetricsResource.class)
@WithTestResource(TokenResource.class)
class PromQlExamplesIT {

    static final String IDM = "\"manufacturer\":\"idm\",\"model\":\"navigator_2_0\"";

    @InjectVictoriaMetrics
    VictoriaMetricsProcess vm;

    @Test
    void thePlansQueriesReturnExactlyTheRightSeries() {
        String a = Fixtures.pumpId();
        String b = Fixtures.pumpId();
        String c = Fixtures.pumpId();
        // a week ago, at a random second of a 3-hour stretch: no other test's samples within the 5-minute look-back
        Instant at = Instant.now().minus(Duration.ofDays(7))
                .minusSeconds(ThreadLocalRandom.current().nextInt(3 * 3600)).truncatedTo(ChronoUnit.SECONDS);
        Instant queryAt = at.plusSeconds(30);
        try (KafkaClient kafka = new KafkaClient(KafkaResource.bootstrapServers())) {
            kafka.send("heatpump.readings", a, idm(a, at, "\"temp_outside\":-5.5,\"temp_flow\":34.5"));
            kafka.send("heatpump.readings", b, idm(b, at, "\"temp_outside\":3.25,\"temp_flow\":30.0"));
            kafka.send("heatpump.readings", c, Fixtures.reading(c, at, "\"temp_outside\":-1.0,\"temp_flow\":40.0"));
        }
        Map<Map<String, String>, Double> all = await().atMost(Duration.ofSeconds(30))
                .until(() -> query("idm_heatpump_temp_outside", queryAt), r -> r.size() >= 3);

        assertThat(all).containsOnly(
                Map.entry(labels(a, "idm", "navigator_2_0"), -5.5),
                Map.entry(labels(b, "idm", "navigator_2_0"), 3.25),
                Map.entry(labels(c, "nibe", "s1255"), -1.0));
        assertThat(query("idm_heatpump_temp_outside{manufacturer=\"idm\"}", queryAt)).containsOnly(
                Map.entry(labels(a, "idm", "navigator_2_0"), -5.5),
                Map.entry(labels(b, "idm", "navigator_2_0"), 3.25));
        assertThat(query("idm_heatpump_temp_outside{heatpump_id=\"" + c + "\"}", queryAt)).containsOnly(
                Map.entry(labels(c, "nibe", "s1255"), -1.0));
        assertThat(query("idm_heatpump_temp_outside{heatpump_id=~\"" + a + "|" + c + "\"}", queryAt)).containsOnly(
                Map.entry(labels(a, "idm", "navigator_2_0"), -5.5),
                Map.entry(labels(c, "nibe", "s1255"), -1.0));
    }

    static String idm(String id, Instant at, String values) {
        return Fixtures.reading(id, at, values).replace("\"manufacturer\":\"nibe\",\"model\":\"s1255\"", IDM);
    }

    static Map<String, String> labels(String id, String manufacturer, String model) {
        return new TreeMap<>(Map.of("__name__", "idm_heatpump_temp_outside", "heatpump_id", id,
                "manufacturer", manufacturer, "model", model));
    }

    /** An instant query of VictoriaMetrics at the given time: each series' full label set and its value. */
    Map<Map<String, String>, Double> query(String promql, Instant time) {
        vm.forceFlush();
        String url = vm.url() + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&time=" + time.getEpochSecond();
        try {
            HttpResponse<String> r = IngestProcess.HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode result = Fixtures.JSON.readTree(r.body()).path("data").path("result");
            Map<Map<String, String>, Double> out = new java.util.HashMap<>();
            for (JsonNode series : result) {
                Map<String, String> labels = new TreeMap<>();
                series.get("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                assertThat(out.put(labels, series.get("value").get(1).asDouble())).as("series twice: " + labels).isNull();
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
