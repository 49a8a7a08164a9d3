package org.heatpumpsuite.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.LongStream;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.heatpumpsuite.ingest.Fixtures.Exported;
import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.ServiceChecks;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.heatpumpsuite.testsupport.VictoriaMetricsProcess;
import org.heatpumpsuite.testsupport.VictoriaMetricsResource;
import org.heatpumpsuite.testsupport.VictoriaMetricsResource.InjectVictoriaMetrics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * VictoriaMetrics stops for 60 s in the middle of a stream of readings, which keeps flowing (one a second):
 * consumption pauses (no offset past an unwritten record is committed), readiness goes down, and after the restart
 * every sample is stored exactly once.
 */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(VictoriaMetricsResource.class)
@WithTestResource(TokenResource.class)
class VictoriaMetricsOutageIT {

    static final int BEFORE = 20;
    /** Readings sent while VictoriaMetrics is down, one a second. */
    static final int DURING = 60;
    static final int AFTER = 20;
    static final Duration OUTAGE = Duration.ofSeconds(60);

    @InjectVictoriaMetrics
    VictoriaMetricsProcess vm;

    @Test
    void everySampleArrivesExactlyOnceAfterAnOutage() {
        String id = Fixtures.pumpId();
        String selector = "{heatpump_id=\"" + id + "\"}";
        // all samples in the past: export only returns samples up to now
        Instant t0 = Instant.now().minusSeconds(10L * (BEFORE + DURING + AFTER) + 60).truncatedTo(ChronoUnit.SECONDS);
        try (KafkaClient kafka = new KafkaClient(KafkaResource.bootstrapServers());
                RawKafka raw = new RawKafka(KafkaResource.bootstrapServers())) {
            kafka.send("heatpump.config", id, Fixtures.config(id, "nibe", "s1255"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> given().auth().oauth2(Tokens.viewer()).get("/api/data/" + id).statusCode() == 200);
            int n = 0;
            for (; n < BEFORE; n++) {
                send(kafka, id, t0, n);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> count(Fixtures.export(vm, selector)) == BEFORE * 2);

            vm.stop();
            long stoppedAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/q/health/ready").statusCode() == 503);
            assertThat(ServiceChecks.dependencyState("victoriametrics")).isEqualTo("down");
            given().get("/q/health/live").then().statusCode(200);
            given().auth().oauth2(Tokens.viewer()).get("/api/data/" + id).then().statusCode(503)
                    .contentType("application/problem+json");
            RecordMetadata firstUnwritten = raw.send("heatpump.readings", id.getBytes(StandardCharsets.UTF_8),
                    Fixtures.reading(id, t0.plusSeconds(10L * n), value(n)).getBytes(StandardCharsets.UTF_8));
            for (n++; n < BEFORE + DURING; n++) {
                // the readings keep flowing through the outage, one a second (pacing the producer, not waiting)
                pause(stoppedAt + (n - BEFORE) * OUTAGE.toNanos() / DURING - System.nanoTime());
                send(kafka, id, t0, n);
                if (n == BEFORE + DURING / 2) {
                    given().get("/q/health/ready").then().statusCode(503);
                }
            }
            pause(stoppedAt + OUTAGE.toNanos() - System.nanoTime());
            // far longer than the commit interval (5 s): nothing VictoriaMetrics has not accepted got committed
            assertThat(raw.committed("metrics-ingest", "heatpump.readings", firstUnwritten.partition()))
                    .isLessThanOrEqualTo(firstUnwritten.offset());
            assertThat(given().get("/q/metrics").asString()).contains("ingest_write_failures_total");
            assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isGreaterThanOrEqualTo(OUTAGE);

            vm.start();
            for (; n < BEFORE + DURING + AFTER; n++) {
                send(kafka, id, t0, n);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().auth().oauth2(Tokens.viewer()).get("/api/data/" + id).then().statusCode(200);
        List<Exported> series = await().atMost(Duration.ofSeconds(60)).until(() -> Fixtures.export(vm, selector),
                s -> count(s) >= (BEFORE + DURING + AFTER) * 2L);

        long[] expected = LongStream.range(0, BEFORE + DURING + AFTER).map(i -> t0.toEpochMilli() + i * 10_000).toArray();
        assertThat(series).hasSize(2);
        for (Exported s : series) {
            assertThat(s.timestamps()).as(s.name()).containsExactly(LongStream.of(expected).boxed().toArray(Long[]::new));
        }
        assertThat(Fixtures.series(series, "idm_heatpump_temp_flow").values())
                .containsExactly(LongStream.range(0, BEFORE + DURING + AFTER).mapToObj(i -> 20.0 + i).toArray(Double[]::new));
    }

    static void pause(long nanos) {
        if (nanos > 0) {
            try {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static void send(KafkaClient kafka, String id, Instant t0, int n) {
        kafka.send("heatpump.readings", id, Fixtures.reading(id, t0.plusSeconds(10L * n), value(n)));
    }

    static String value(int n) {
        return "\"temp_flow\":" + (20 + n) + ",\"compressor_running\":" + (n % 2 == 0);
    }

    static long count(List<Exported> series) {
        return series.stream().mapToLong(s -> s.timestamps().size()).sum();
    }
}
