package org.heatpumpsuite.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heatpumpsuite.testsupport.Contracts;
import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.PostgresResource;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** A job fires once at its local time in its own zone, as a command; a job of a deleted pump never runs. */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(TokenResource.class)
@WithTestResource(ProbeStubResource.class)
@WithTestResource(FastJobsResource.class)
class JobIT {

    static String job(String pump, String name, ZonedDateTime at) {
        return """
                {"heatpump_id": "%s", "name": "%s", "sensor": "dhw_target", "value": 47, "time": "%s",
                 "days": ["%s"], "time_zone": "%s"}
                """.formatted(pump, name, at.format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                at.getDayOfWeek().name().substring(0, 3).toLowerCase(Locale.ROOT), at.getZone().getId());
    }

    @Test
    void aJobFiresOnceAtItsLocalTime() {
        Fixtures.publishCatalogue(KafkaResource.bootstrapServers());
        String pump = Fixtures.createPump("Job pump");
        String gone = Fixtures.createPump("Job pump to delete");
        ZoneId zone = ZoneId.of("Pacific/Auckland");
        ZonedDateTime at = ZonedDateTime.now(zone).plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
        String operator = Tokens.operator();
        String id = given().auth().oauth2(operator).contentType("application/json").body(job(pump, "morning-dhw", at))
                .post("/api/jobs").then().statusCode(201)
                .body("next_run_at", equalTo(at.toInstant().toString().replace("Z", ".000Z"))).extract().path("id");
        String goneJob = given().auth().oauth2(operator).contentType("application/json")
                .body(job(gone, "never", at)).post("/api/jobs").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.admin()).delete("/api/heatpumps/" + gone).then().statusCode(204);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .get("/api/jobs/" + id + "/runs").then().statusCode(200).body("$", hasSize(1))
                .body("[0].outcome", equalTo("sent")));
        assertThat(Instant.now()).isAfterOrEqualTo(at.toInstant());
        String runs = given().auth().oauth2(Tokens.viewer()).get("/api/jobs/" + id + "/runs").asString();
        assertThat(runs).contains("\"scheduled_for\":\"" + at.toInstant().toString().replace("Z", ".000Z") + "\"");
        String commandId = given().auth().oauth2(Tokens.viewer()).get("/api/jobs/" + id + "/runs").then()
                .extract().path("[0].command_id");

        try (KafkaClient kafka = new KafkaClient(KafkaResource.bootstrapServers())) {
            ConsumerRecord<String, String> command = kafka.await("heatpump.commands",
                    r -> r.value() != null && r.value().contains(commandId), Duration.ofSeconds(30));
            Contracts.assertValid("commands", command.value());
            assertThat(command.value()).contains("\"requested_by\":\"job:morning-dhw\"", "\"source\":\"job\"",
                    "\"value\":47");
            // a few more checks later: still one run, one command for this job, none for the deleted pump's job
            await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(Fixtures.count("SELECT count(*) FROM job_runs WHERE job_id = '" + id + "'")).isEqualTo(1);
                assertThat(Fixtures.count("SELECT count(*) FROM job_runs WHERE job_id = '" + goneJob + "'")).isZero();
            });
            assertThat(kafka.readAll("heatpump.commands").stream()
                    .filter(r -> r.value() != null && r.value().contains("job:morning-dhw")).count()).isEqualTo(1);
            assertThat(kafka.readAll("heatpump.commands").stream()
                    .filter(r -> gone.equals(r.key())).count()).isZero();
        }
    }
}
