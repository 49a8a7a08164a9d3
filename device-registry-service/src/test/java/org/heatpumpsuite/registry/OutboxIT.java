package org.heatpumpsuite.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heatpumpsuite.testsupport.Contracts;
import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaProcess;
import org.heatpumpsuite.testsupport.KafkaProcessResource;
import org.heatpumpsuite.testsupport.KafkaProcessResource.InjectKafkaProcess;
import org.heatpumpsuite.testsupport.PostgresResource;
import org.heatpumpsuite.testsupport.ServiceChecks;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The outbox: every committed change reaches heatpump.config, also when the broker (its own process) is stopped
 * during the changes and started later, in order per pump; the registry stays ready meanwhile.
 */
@QuarkusIntegrationTest
@WithTestResource(KafkaProcessResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(TokenResource.class)
@WithTestResource(ProbeStubResource.class)
class OutboxIT {

    @InjectKafkaProcess
    KafkaProcess broker;

    @Test
    void changesMadeWhileTheBrokerIsDownArriveInOrderWhenItReturns() {
        Fixtures.publishCatalogue(broker.bootstrapServers());
        String admin = Tokens.admin();
        String a = Fixtures.createPump("Outbox A1");
        String c = Fixtures.createPump("Outbox C");
        try (KafkaClient kafka = new KafkaClient(broker.bootstrapServers())) {
            kafka.await("heatpump.config", r -> a.equals(r.key()) && r.value() != null, Duration.ofSeconds(30));
            kafka.await("heatpump.config", r -> c.equals(r.key()) && r.value() != null, Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "up".equals(ServiceChecks.dependencyState("kafka")));

        broker.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> "down".equals(ServiceChecks.dependencyState("kafka")));
        for (String name : List.of("Outbox A2", "Outbox A3", "Outbox A4")) {
            given().auth().oauth2(admin).contentType("application/json").body("{\"name\": \"" + name + "\"}")
                    .put("/api/heatpumps/" + a).then().statusCode(200);
        }
        String b = Fixtures.createPump("Outbox B");
        given().auth().oauth2(admin).delete("/api/heatpumps/" + c).then().statusCode(204);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        assertThat(Fixtures.count("SELECT count(*) FROM outbox WHERE topic = 'heatpump.config'")).isGreaterThanOrEqualTo(5);

        broker.start();
        try (KafkaClient kafka = new KafkaClient(broker.bootstrapServers())) {
            kafka.await("heatpump.config", r -> a.equals(r.key()) && r.value() != null
                    && r.value().contains("Outbox A4"), Duration.ofSeconds(60));
            kafka.await("heatpump.config", r -> b.equals(r.key()) && r.value() != null, Duration.ofSeconds(60));
            kafka.await("heatpump.config", r -> c.equals(r.key()) && r.value() == null, Duration.ofSeconds(60));

            List<ConsumerRecord<String, String>> all = kafka.readAll("heatpump.config");
            List<String> namesOfA = all.stream().filter(r -> a.equals(r.key()) && r.value() != null)
                    .map(r -> r.value().replaceAll(".*\"name\":\"([^\"]+)\".*", "$1")).toList();
            assertThat(namesOfA).containsSubsequence("Outbox A1", "Outbox A2", "Outbox A3", "Outbox A4");
            assertThat(namesOfA.get(namesOfA.size() - 1)).isEqualTo("Outbox A4");
            List<ConsumerRecord<String, String>> ofC = all.stream().filter(r -> c.equals(r.key())).toList();
            assertThat(ofC.get(ofC.size() - 1).value()).as("tombstone last").isNull();
            all.stream().filter(r -> r.value() != null).forEach(r -> Contracts.assertValid("config", r.value()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Fixtures.count("SELECT count(*) FROM outbox")).isZero());
    }
}
