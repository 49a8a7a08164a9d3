package org.heatpumpsuite.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaProcess;
import org.heatpumpsuite.testsupport.Tokens;
import org.heatpumpsuite.testsupport.Topics;
import org.heatpumpsuite.testsupport.VictoriaMetricsProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Several replicas of the packaged service (own processes) on their own broker and VictoriaMetrics: every replica
 * answers /api/data with the free strings of every pump, whichever replica's group consumer owns its partition; a
 * replica that starts while it cannot read heatpump.config is not ready and answers 503 "starting", never 404.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final List<String> JVM = List.of("-Xmx192m", "-XX:TieredStopAtLevel=1");

    static Path dir;
    static KafkaProcess broker;
    static VictoriaMetricsProcess vm;
    static final List<IngestProcess> replicas = new ArrayList<>();
    /** Two pumps on each of the three partitions of heatpump.readings. */
    static final List<String> pumps = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("ingest-replicas-");
        broker = new KafkaProcess().start();
        Topics.createAll(broker.bootstrapServers());
        vm = new VictoriaMetricsProcess().start();
        int[] perPartition = new int[Topics.TEST_PARTITIONS];
        while (pumps.size() < 2 * Topics.TEST_PARTITIONS) {
            String id = Fixtures.pumpId();
            int p = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % Topics.TEST_PARTITIONS;
            if (perPartition[p] < 2) {
                perPartition[p]++;
                pumps.add(id);
            }
        }
        try (KafkaClient kafka = new KafkaClient(broker.bootstrapServers())) {
            for (String id : pumps) {
                kafka.send("heatpump.config", id, Fixtures.config(id, "nibe", "s1255"));
            }
        }
    }

    @AfterAll
    static void stop() {
        replicas.forEach(IngestProcess::close);
        if (vm != null) {
            vm.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    static IngestProcess replica() {
        IngestProcess r = new IngestProcess(IngestProcess.packagedJar(), dir, broker.bootstrapServers(), vm.url(), JVM);
        replicas.add(r);
        return r;
    }

    @Test
    @Order(1)
    void everyReplicaHasTheFreeStringsOfEveryPump() {
        IngestProcess one = replica();
        IngestProcess two = replica();
        one.awaitReady(WAIT.toMillis());
        two.awaitReady(WAIT.toMillis());
        // both replicas' sample consumers (two each) share the group: the readings' partitions are split between them
        await().atMost(WAIT).until(() -> samplesGroup().size() == 4);
        assertThat(samplesGroup().stream().flatMap(m -> m.assignment().topicPartitions().stream())
                .filter(tp -> tp.topic().equals("heatpump.readings")).map(TopicPartition::partition))
                .containsExactlyInAnyOrder(0, 1, 2);
        Instant at = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        try (KafkaClient kafka = new KafkaClient(broker.bootstrapServers())) {
            for (String id : pumps) {
                kafka.send("heatpump.readings", id, Fixtures.reading(id, at,
                        "\"temp_flow\":31.5,\"error_code\":\"E-" + id + "\",\"operating_mode\":\"heating\""));
            }
        }
        // the group's consumers split the three partitions between the replicas; the free strings are on both
        for (IngestProcess replica : List.of(one, two)) {
            for (String id : pumps) {
                JsonNode data = await().atMost(WAIT).until(() -> data(replica, id),
                        j -> j != null && j.path("values").has("error_code"));
                assertThat(data.at("/values/error_code/value").asText()).as(id).isEqualTo("E-" + id);
                assertThat(data.at("/values/error_code/observed_at").asText()).isEqualTo(Fixtures.time(at));
                assertThat(data.at("/values/error_code/unit").asText()).isEqualTo("none");
            }
        }
        // every sample written once, by one replica or the other
        await().atMost(WAIT).until(() -> Fixtures.export(vm, "{__name__=\"idm_heatpump_temp_flow\"}").size() == pumps.size());
    }

    @Test
    @Order(2)
    void aReplicaThatCannotReadTheConfigYetIsNotReadyAndAnswers503NotFound() {
        String id = pumps.get(0);
        broker.stop();
        IngestProcess late = replica();
        await().atMost(WAIT).until(() -> late.status("/q/health/live", null) == 200);

        HttpResponse<String> ready = late.get("/q/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(check(ready.body(), "config").path("status").asText()).isEqualTo("DOWN");
        assertThat(check(ready.body(), "victoriametrics").path("status").asText()).isEqualTo("UP");
        for (String path : List.of("/api/data/" + id, "/api/data", "/api/data/hp-00000bad")) {
            HttpResponse<String> r = late.get(path, Tokens.viewer());
            assertThat(r.statusCode()).as(path).isEqualTo(503);
            assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
            assertThat(r.body()).contains("starting");
        }

        broker.start();
        await().atMost(WAIT).until(() -> late.status("/q/health/ready", null) == 200);
        // ready means every pump configured before the start is known
        assertThat(late.status("/api/data/" + id, Tokens.viewer())).isEqualTo(200);
        assertThat(late.status("/api/data/hp-00000bad", Tokens.viewer())).isEqualTo(404);
        // and the free strings of readings sent before it started are back (read back on start)
        JsonNode data = await().atMost(WAIT).until(() -> data(late, id), j -> j != null && j.path("values").has("error_code"));
        assertThat(data.at("/values/error_code/value").asText()).isEqualTo("E-" + id);
    }

    /** The members of the group metrics-ingest once it is stable (empty while it rebalances). */
    static Collection<MemberDescription> samplesGroup() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            ConsumerGroupDescription g = admin.describeConsumerGroups(List.of("metrics-ingest")).all()
                    .get(10, TimeUnit.SECONDS).get("metrics-ingest");
            return g.groupState() == GroupState.STABLE ? g.members() : List.of();
        } catch (Exception e) {
            return List.of();
        }
    }

    static JsonNode data(IngestProcess replica, String id) {
        HttpResponse<String> r = replica.get("/api/data/" + id, Tokens.viewer());
        return r == null || r.statusCode() != 200 ? null : json(r.body());
    }

    static JsonNode check(String health, String name) {
        for (JsonNode c : json(health).path("checks")) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    static JsonNode json(String body) {
        try {
            return Fixtures.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
