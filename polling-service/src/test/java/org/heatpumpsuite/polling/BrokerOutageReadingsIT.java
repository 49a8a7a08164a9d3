package org.heatpumpsuite.polling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heatpumpsuite.polling.simulator.DemoPumps;
import org.heatpumpsuite.polling.simulator.SimulationClock;
import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaProcess;
import org.heatpumpsuite.testsupport.KafkaProcessResource;
import org.heatpumpsuite.testsupport.KafkaProcessResource.InjectKafkaProcess;
import org.heatpumpsuite.testsupport.TokenResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.vertx.core.Vertx;

/**
 * Readings survive a broker outage (issue 4, part 2, must-show): six simulated pumps are polled every 10 s (the
 * shortest interval their models allow) against a broker in its own process; the broker is stopped for 30 s while
 * polling goes on and started again. Every poll cycle of the outage window then appears on heatpump.readings, or every
 * missing one is counted in {@code polling_readings_dropped_total}.
 */
@QuarkusIntegrationTest
@WithTestResource(KafkaProcessResource.class)
@WithTestResource(TokenResource.class)
class BrokerOutageReadingsIT {

    static final Duration OUTAGE = Duration.ofSeconds(30);
    static final int INTERVAL_S = 10;
    /** Longest regular gap between two readings of a pump: interval + 10 % jitter, plus 1 s of allowed lateness. */
    static final Duration MAX_GAP = Duration.ofMillis(INTERVAL_S * 1100L + 1000);

    @InjectKafkaProcess
    KafkaProcess broker;

    static Vertx vertx;
    static DemoPumps pumps;

    @BeforeAll
    static void simulators() {
        vertx = Vertx.vertx();
        List<DemoPumps.Placement> placements = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            placements.add(new DemoPumps.Placement("idm", "navigator_2_0", "127.0.0.1", 0));
            placements.add(new DemoPumps.Placement("nibe", "s1255", "127.0.0.1", 0));
            placements.add(new DemoPumps.Placement("daikin", "altherma_3", "127.0.0.1", 0));
        }
        pumps = DemoPumps.start(vertx, placements, SimulationClock.realTime());
    }

    @AfterAll
    static void stopSimulators() {
        pumps.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void noReadingOfA30SecondOutageIsLostUncounted() throws Exception {
        Map<String, DemoPumps.DemoPump> byId = new HashMap<>();
        for (int i = 0; i < pumps.pumps().size(); i++) {
            byId.put(String.format("hp-0000b%03d", i + 1), pumps.pumps().get(i));
        }
        Instant begin = Instant.now().minusSeconds(1);
        try (KafkaClient kafka = new KafkaClient(broker.bootstrapServers())) {
            byId.forEach((id, p) -> kafka.send("heatpump.config", id, PollingIT.config(id, p.manufacturer(), p.model(),
                    p.port(), 1, "{}")));
            for (String id : byId.keySet()) {
                awaitReading(kafka, id, begin, Duration.ofSeconds(60));
            }
        }
        double droppedBefore = metric("polling_readings_dropped_total");

        Instant down = Instant.now();
        broker.stop();
        // The outage itself: polling goes on, readings wait in the producer
        await().pollDelay(OUTAGE).atMost(OUTAGE.plusSeconds(5)).until(() -> true);
        assertThat(metric("polling_readings_pending")).as("readings waiting for the broker").isPositive();
        given().get("/q/health/live").then().statusCode(200);
        broker.start();
        Instant up = Instant.now();

        try (KafkaClient kafka = new KafkaClient(broker.bootstrapServers())) {
            for (String id : byId.keySet()) {
                awaitReading(kafka, id, up, Duration.ofSeconds(90));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> metric("polling_readings_pending") == 0);
            double dropped = metric("polling_readings_dropped_total") - droppedBefore;

            Map<String, List<Instant>> series = new HashMap<>();
            for (ConsumerRecord<String, String> r : kafka.readAll("heatpump.readings")) {
                if (byId.containsKey(r.key()) && r.value() != null) {
                    series.computeIfAbsent(r.key(), k -> new ArrayList<>())
                            .add(Instant.parse(PollingIT.json(r).path("observed_at").asText()));
                }
            }
            long missing = 0;
            List<String> gaps = new ArrayList<>();
            Instant from = down.minusSeconds(INTERVAL_S);
            Instant to = up.plusSeconds(3 * INTERVAL_S); // at least one reading after the outage was awaited above
            for (String id : byId.keySet()) {
                List<Instant> times = series.getOrDefault(id, List.of()).stream()
                        .filter(t -> !t.isBefore(from) && !t.isAfter(to)).sorted().distinct().toList();
                assertThat(times).as("readings of %s around the outage", id).hasSizeGreaterThanOrEqualTo(4);
                assertThat(times.get(0)).isBefore(down);
                assertThat(times.get(times.size() - 1)).isAfter(up);
                for (int i = 1; i < times.size(); i++) {
                    Duration gap = Duration.between(times.get(i - 1), times.get(i));
                    if (gap.compareTo(MAX_GAP) > 0) {
                        missing += Math.max(1, Math.round(gap.toMillis() / (INTERVAL_S * 1000.0)) - 1);
                        gaps.add(id + ": " + times.get(i - 1) + " .. " + times.get(i));
                    }
                }
            }
            assertThat(missing).as("readings missing in the outage window (gaps %s) vs. drops counted", gaps)
                    .isEqualTo(Math.round(dropped));
        }
    }

    static void awaitReading(KafkaClient kafka, String id, Instant after, Duration timeout) {
        kafka.await("heatpump.readings", r -> id.equals(r.key()) && r.value() != null
                && Instant.parse(PollingIT.json(r).path("observed_at").asText()).isAfter(after), timeout);
    }

    static double metric(String name) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
