package org.heatpumpsuite.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heatpumpsuite.testsupport.Contracts;
import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.TokenResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Configured pumps are polled and their readings published: an iDM with circuits A and B, a NIBE S1255 and a
 * Luxtronik, all simulated. A pump that goes away shows as disconnected while the others keep reporting; a removed
 * pump is no longer polled.
 */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
@WithTestResource(SimulatorResource.class)
class PollingIT {

    static final String IDM = "hp-0000a001";
    static final String NIBE = "hp-0000a002";
    static final String LUX = "hp-0000a003";
    static final ObjectMapper JSON = new ObjectMapper();
    static KafkaClient kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaClient(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    static String config(String id, String manufacturer, String model, int port, Integer unitId, String deviceConfig) {
        return """
                {"schema_version":1,"heatpump_id":"%s","name":"Test","manufacturer":"%s","model":"%s","enabled":true,
                 "connection":{"host":"127.0.0.1","port":%d,"unit_id":%s,"timeout_ms":1000,"retries":1},
                 "poll_interval_s":null,"device_config":%s,"share_data":false,"updated_at":"2026-11-27T08:00:00Z"}
                """.formatted(id, manufacturer, model, port, unitId, deviceConfig);
    }

    static JsonNode json(ConsumerRecord<String, String> r) {
        try {
            return JSON.readTree(r.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode awaitReading(String id, Instant after, Duration timeout) {
        var r = kafka.await("heatpump.readings", rec -> id.equals(rec.key()) && rec.value() != null
                && Instant.parse(json(rec).path("observed_at").asText()).isAfter(after), timeout);
        Contracts.assertValid("readings", r.value());
        return json(r);
    }

    static long readingsAfter(String id, Instant after) {
        List<ConsumerRecord<String, String>> all = kafka.readAll("heatpump.readings");
        return all.stream().filter(r -> id.equals(r.key()) && r.value() != null
                && Instant.parse(json(r).path("observed_at").asText()).isAfter(after)).count();
    }

    static void assertCanonical(JsonNode reading, String manufacturer, String model) {
        assertThat(reading.path("manufacturer").asText()).isEqualTo(manufacturer);
        assertThat(reading.path("model").asText()).isEqualTo(model);
        JsonNode values = reading.path("values");
        JsonNode units = reading.path("units");
        for (String id : List.of("temp_outside", "temp_flow")) {
            assertThat(values.has(id)).as("%s has %s: %s", model, id, values).isTrue();
            assertThat(values.get(id).isNumber()).isTrue();
            assertThat(units.path(id).asText()).isEqualTo("°C");
        }
        values.fieldNames().forEachRemaining(v -> assertThat(units.has(v)).as("unit of %s", v).isTrue());
    }

    @Test
    void pumpsArePolledAFailedOneIsReportedAndARemovedOneIsNoLongerPolled() {
        Instant begin = Instant.now().minusSeconds(1);
        kafka.send("heatpump.config", IDM, config(IDM, "idm", "navigator_2_0", SimulatorResource.pump("navigator_2_0").port(), 1,
                "{\"circuits\":[\"A\",\"B\"]}"));
        kafka.send("heatpump.config", NIBE, config(NIBE, "nibe", "s1255", SimulatorResource.pump("s1255").port(), 1, "{}"));
        kafka.send("heatpump.config", LUX, config(LUX, "luxtronik", "luxtronik_2_1",
                SimulatorResource.pump("luxtronik_2_1").port(), null, "{}"));

        JsonNode idm = awaitReading(IDM, begin, Duration.ofSeconds(60));
        assertCanonical(idm, "idm", "navigator_2_0");
        assertThat(idm.path("values").fieldNames()).toIterable().anyMatch(n -> n.startsWith("circuit_b_"));
        assertCanonical(awaitReading(NIBE, begin, Duration.ofSeconds(60)), "nibe", "s1255");
        assertCanonical(awaitReading(LUX, begin, Duration.ofSeconds(60)), "luxtronik", "luxtronik_2_1");
        var connected = kafka.await("heatpump.status", r -> NIBE.equals(r.key()) && r.value() != null
                && json(r).path("connected").asBoolean(), Duration.ofSeconds(30));
        Contracts.assertValid("status", connected.value());

        // The NIBE is switched off: its status says so, the others keep reporting.
        SimulatorResource.pumps().stop(SimulatorResource.pump("s1255")).toCompletableFuture().join();
        Instant off = Instant.now();
        var down = kafka.await("heatpump.status", r -> NIBE.equals(r.key()) && r.value() != null
                && !json(r).path("connected").asBoolean() && json(r).path("last_error").isObject(), Duration.ofSeconds(60));
        Contracts.assertValid("status", down.value());
        assertThat(json(down).path("last_error").path("kind").asText()).isIn("refused", "timeout");
        assertThat(json(down).path("consecutive_errors").asInt()).isPositive();
        awaitReading(IDM, off, Duration.ofSeconds(30));
        awaitReading(LUX, off, Duration.ofSeconds(60));

        // The iDM is removed: no reading of it is published after its tombstone.
        kafka.send("heatpump.config", IDM, null);
        kafka.await("heatpump.status", r -> IDM.equals(r.key()) && r.value() == null, Duration.ofSeconds(30));
        Instant removed = Instant.now(); // the service has dropped the pump: nothing it observes from now on is published
        await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(60))
                .until(() -> readingsAfter(IDM, removed) == 0);
        awaitReading(LUX, removed, Duration.ofSeconds(60));
        kafka.send("heatpump.config", NIBE, null); // later tests on this broker must not poll them
        kafka.send("heatpump.config", LUX, null);
    }
}
