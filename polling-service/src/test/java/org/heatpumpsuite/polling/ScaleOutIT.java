package org.heatpumpsuite.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heatpumpsuite.polling.simulator.DemoPumps;
import org.heatpumpsuite.polling.simulator.SimulationClock;
import org.heatpumpsuite.testsupport.Contracts;
import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaProcess;
import org.heatpumpsuite.testsupport.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;

/**
 * Two replicas (the packaged jar, two processes, one consumer group) share 20 simulated pumps by Kafka's assignment of
 * the heatpump.config partitions: every pump is polled by exactly one of them. One replica is killed with SIGKILL: the
 * other polls all 20 within 30 s, and a command to a pump that moved is executed once, by its new owner.
 */
class ScaleOutIT {

    static final int PUMPS = 20;
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> ENV = Map.of(
            "POLLING_WRITES_CONSUMER_GROUP_ID", "scale-out-it-" + UUID.randomUUID(),
            "POLLING_WRITES_VERIFY_DELAY", "200ms",
            "POLLING_LOOP_INITIAL_DELAY", "500ms");

    static Vertx vertx;
    static DemoPumps sims;
    static KafkaProcess broker;
    static KafkaClient kafka;
    static final List<PollerProcess> replicas = new ArrayList<>();
    static final Map<String, DemoPumps.DemoPump> byId = new HashMap<>();

    @BeforeAll
    static void start() {
        // a broker of its own: an application another IT class left running on the shared test broker would take
        // these pumps and their commands as a replica of its own group
        broker = new KafkaProcess().start();
        Topics.createAll(broker.bootstrapServers());
        kafka = new KafkaClient(broker.bootstrapServers());
        vertx = Vertx.vertx();
        List<DemoPumps.Placement> placements = new ArrayList<>();
        for (int i = 0; i < PUMPS; i++) {
            placements.add(new DemoPumps.Placement("idm", "navigator_2_0", "127.0.0.1", 0));
        }
        sims = DemoPumps.start(vertx, placements, SimulationClock.realTime());
        for (int i = 0; i < PUMPS; i++) {
            byId.put("hp-0000d%03x".formatted(i), sims.pumps().get(i));
        }
    }

    @AfterAll
    static void stop() {
        replicas.forEach(PollerProcess::close);
        if (kafka != null) {
            byId.keySet().forEach(id -> kafka.send("heatpump.config", id, null)); // later tests on this broker must not poll them
            kafka.close();
        }
        if (sims != null) {
            sims.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        if (broker != null) {
            broker.close();
        }
    }

    static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Pumps with a reading observed after {@code after}. */
    static Set<String> polledSince(Instant after) {
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, String> r : kafka.readAll("heatpump.readings")) {
            if (r.value() != null && byId.containsKey(r.key())
                    && Instant.parse(json(r.value()).path("observed_at").asText()).isAfter(after)) {
                ids.add(r.key());
            }
        }
        return ids;
    }

    @Test
    void pumpsAreSharedAndACrashedReplicasPumpsMoveWithin30Seconds() {
        PollerProcess a = new PollerProcess("a", broker.bootstrapServers(), ENV);
        PollerProcess b = new PollerProcess("b", broker.bootstrapServers(), ENV);
        replicas.add(a);
        replicas.add(b);
        a.awaitReady(Duration.ofSeconds(90));
        b.awaitReady(Duration.ofSeconds(90));
        Instant configured = Instant.now();
        byId.forEach((id, sim) -> kafka.send("heatpump.config", id,
                PollingIT.config(id, "idm", "navigator_2_0", sim.port(), 1, "{\"circuits\":[\"A\"]}")));

        // shared: together all 20, none twice, both busy
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Set<String> inA = mine(a.polled());
            Set<String> inB = mine(b.polled());
            assertThat(intersection(inA, inB)).isEmpty();
            assertThat(union(inA, inB)).isEqualTo(byId.keySet());
            assertThat(inA).isNotEmpty();
            assertThat(inB).isNotEmpty();
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> polledSince(configured).containsAll(byId.keySet()));
        for (int i = 0; i < 5; i++) { // and it stays so
            assertThat(intersection(mine(a.polled()), mine(b.polled()))).isEmpty();
            PollerProcess.sleep(400);
        }
        assertThat(a.metric("polling_polled_pumps") + b.metric("polling_polled_pumps")).isGreaterThanOrEqualTo(PUMPS);
        Set<String> moved = mine(a.polled());

        // SIGKILL a: no leave-group, no shutdown; the group finds out by the session timeout (10 s)
        Instant killed = Instant.now();
        a.kill();
        // b takes a's partitions once the group has noticed (session timeout); readings observed after that are b's
        // (a's last polls may still finish just after the kill, so readings alone do not show the take-over)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> mine(b.polled()).equals(byId.keySet()));
        Instant takenOver = Instant.now();
        await().atMost(Duration.ofSeconds(30).minus(Duration.between(killed, takenOver))).pollInterval(Duration.ofMillis(500))
                .until(() -> polledSince(takenOver).containsAll(byId.keySet()));
        Duration took = Duration.between(killed, Instant.now());
        assertThat(took).isLessThanOrEqualTo(Duration.ofSeconds(30));
        System.out.printf("ScaleOutIT: %d pumps split %d/%d; after SIGKILL all polled again by the survivor in %d ms%n",
                PUMPS, moved.size(), PUMPS - moved.size(), took.toMillis());

        // a command to a pump that moved is executed once, by b
        String pump = moved.iterator().next();
        DemoPumps.DemoPump sim = byId.get(pump);
        long writes = sim.device().writesReceived();
        JsonNode reading = json(kafka.await("heatpump.readings", r -> pump.equals(r.key()) && r.value() != null
                && json(r.value()).path("values").has("dhw_target"), Duration.ofSeconds(30)).value());
        int value = reading.path("values").path("dhw_target").asInt() == 48 ? 49 : 48;
        String commandId = UUID.randomUUID().toString();
        kafka.send("heatpump.commands", pump, """
                {"schema_version":1,"command_id":"%s","heatpump_id":"%s","sensor":"dhw_target","value":%d,
                 "requested_by":"scale-out-it","requested_at":"%s"}
                """.formatted(commandId, pump, value, WriteIT.now()));
        ConsumerRecord<String, String> result = kafka.await("heatpump.command-results", r -> pump.equals(r.key())
                && r.value() != null && commandId.equals(json(r.value()).path("command_id").asText()), Duration.ofSeconds(30));
        Contracts.assertValid("command-results", result.value());
        assertThat(json(result.value()).path("outcome").asText()).as(result.value()).isEqualTo("written_verified");
        PollerProcess.sleep(2000);
        assertThat(kafka.readAll("heatpump.command-results").stream()
                .filter(r -> r.value() != null && commandId.equals(json(r.value()).path("command_id").asText()))).hasSize(1);
        assertThat(sim.device().writesReceived()).isEqualTo(writes + 1);
    }

    static Set<String> mine(Set<String> polled) {
        Set<String> s = new TreeSet<>(polled);
        s.retainAll(byId.keySet());
        return s;
    }

    static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.retainAll(b);
        return s;
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.addAll(b);
        return s;
    }
}
