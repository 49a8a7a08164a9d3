package org.heatpumpsuite.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heatpumpsuite.polling.simulator.DemoPumps;
import org.heatpumpsuite.polling.simulator.ModbusSimulatedDevice;
import org.heatpumpsuite.polling.simulator.RegisterLayout.Table;
import org.heatpumpsuite.testsupport.Contracts;
import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaProcess;
import org.heatpumpsuite.testsupport.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes through heatpump.commands to a simulated iDM, one replica (the packaged jar as its own process, restarted
 * once): rejected writes (out of range, read-only, too frequent, over the daily budget) never reach the simulator; a
 * valid one is written, read back and reported as verified; the daily budget is still spent after a restart, because
 * the replica rebuilds it from heatpump.command-results. Every result satisfies the command-results contract.
 */
class WriteIT {

    static final String IDM = "hp-0000b001";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration MIN_INTERVAL = Duration.ofSeconds(5);
    static final Map<String, String> ENV = Map.of(
            // a group of its own: other ITs' replicas on the shared test broker must not take our partitions
            "POLLING_WRITES_CONSUMER_GROUP_ID", "write-it-" + UUID.randomUUID(),
            "POLLING_WRITES_EEPROM_MIN_INTERVAL", MIN_INTERVAL.toSeconds() + "s",
            "POLLING_WRITES_EEPROM_DAILY_BUDGET", "2",
            "POLLING_WRITES_VERIFY_DELAY", "200ms",
            "POLLING_LOOP_INITIAL_DELAY", "500ms");

    static KafkaProcess broker;
    static KafkaClient kafka;
    static PollerProcess poller;
    static DemoPumps.DemoPump sim;

    @BeforeAll
    static void start() {
        // a broker of its own: an application another IT class left running on the shared test broker would take
        // these pumps and their commands as a replica of its own group
        broker = new KafkaProcess().start();
        Topics.createAll(broker.bootstrapServers());
        kafka = new KafkaClient(broker.bootstrapServers());
        sim = SimulatorResource.pump("navigator_2_0");
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.send("heatpump.config", IDM, null); // removed: later tests on this broker must not poll it
        }
        if (poller != null) {
            poller.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        new SimulatorResource().stop();
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

    static String command(String id, String sensor, Object value) {
        return """
                {"schema_version":1,"command_id":"%s","heatpump_id":"%s","sensor":"%s","value":%s,
                 "requested_by":"write-it","requested_at":"%s","source":"api"}
                """.formatted(id, IDM, sensor, value instanceof String s ? "\"" + s + "\"" : value, now());
    }

    /** Sends a command and returns its result (validated against the contract). */
    static JsonNode write(String sensor, Object value) {
        String id = UUID.randomUUID().toString();
        String cmd = command(id, sensor, value);
        Contracts.assertValid("commands", cmd);
        kafka.send("heatpump.commands", IDM, cmd);
        return result(id);
    }

    static JsonNode result(String commandId) {
        ConsumerRecord<String, String> r = kafka.await("heatpump.command-results", rec -> IDM.equals(rec.key())
                && rec.value() != null && commandId.equals(json(rec.value()).path("command_id").asText()), Duration.ofSeconds(40));
        Contracts.assertValid("command-results", r.value());
        return json(r.value());
    }

    static PollerProcess startPoller(String name) {
        PollerProcess p = new PollerProcess(name, broker.bootstrapServers(), ENV).awaitReady(Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(40)).until(() -> p.polled().contains(IDM));
        return p;
    }

    @Test
    void rejectedWritesNeverReachThePumpAValidOneIsVerifiedAndTheBudgetSurvivesARestart() {
        kafka.send("heatpump.config", IDM, PollingIT.config(IDM, "idm", "navigator_2_0", sim.port(), 1, "{\"circuits\":[\"A\"]}"));
        poller = startPoller("write-1");
        JsonNode reading = json(kafka.await("heatpump.readings", r -> IDM.equals(r.key()) && r.value() != null
                && json(r.value()).path("values").has("dhw_target"), Duration.ofSeconds(40)).value());
        assertThat(reading.path("values").path("dhw_target").isNumber()).isTrue();
        // what the device holds right now (1032 = dhw_target, u16): the value to write must differ from it
        int before = ((ModbusSimulatedDevice) sim.device()).peek(Table.HOLDING, 1032, 1)[0];
        long writes = sim.device().writesReceived();

        JsonNode range = write("dhw_target", 120);
        assertThat(range.path("outcome").asText()).isEqualTo("rejected");
        assertThat(range.path("reason").asText()).contains("above the maximum").contains("max 95");
        JsonNode readOnly = write("temp_outside", 5);
        assertThat(readOnly.path("outcome").asText()).isEqualTo("rejected");
        assertThat(readOnly.path("reason").asText()).contains("read-only");
        JsonNode unknown = write("no_such_value", 5);
        assertThat(unknown.path("outcome").asText()).isEqualTo("rejected");
        assertThat(sim.device().writesReceived()).as("rejected writes never reach the pump").isEqualTo(writes);

        int first = before == 50 ? 51 : 50;
        JsonNode verified = write("dhw_target", first);
        assertThat(verified.path("outcome").asText()).as("%s", verified).isEqualTo("written_verified");
        assertThat(verified.path("old_value").asInt()).isEqualTo(before);
        assertThat(verified.path("read_back_value").asInt()).isEqualTo(first);
        assertThat(verified.path("eeprom").asBoolean()).isTrue();
        assertThat(verified.path("resend").asBoolean()).isFalse();
        assertThat(sim.device().writesReceived()).isEqualTo(writes + 1);
        Instant firstAt = Instant.parse(verified.path("completed_at").asText());

        JsonNode tooFrequent = write("dhw_target", first + 1);
        assertThat(tooFrequent.path("outcome").asText()).isEqualTo("rejected");
        assertThat(tooFrequent.path("reason").asText()).startsWith("too frequent");
        assertThat(sim.device().writesReceived()).isEqualTo(writes + 1);

        sleepUntil(firstAt.plus(MIN_INTERVAL).plusMillis(500));
        JsonNode second = write("dhw_target", first + 2);
        assertThat(second.path("outcome").asText()).as("%s", second).isEqualTo("written_verified");
        assertThat(sim.device().writesReceived()).isEqualTo(writes + 2);
        Instant secondAt = Instant.parse(second.path("completed_at").asText());

        // restart: the new process knows the budget (2 a day) is spent from heatpump.command-results alone
        poller.close();
        poller = startPoller("write-2");
        sleepUntil(secondAt.plus(MIN_INTERVAL).plusMillis(500));
        JsonNode overBudget = write("dhw_target", first + 3);
        assertThat(overBudget.path("outcome").asText()).isEqualTo("rejected");
        assertThat(overBudget.path("reason").asText()).startsWith("daily write budget").contains("2 of 2");
        assertThat(sim.device().writesReceived()).as("the spent budget stops the write before the wire").isEqualTo(writes + 2);

        // a redelivered command (same command_id) is not executed again
        String again = verified.path("command_id").asText();
        kafka.send("heatpump.commands", IDM, command(again, "dhw_target", first));
        JsonNode later = write("temp_outside", 1); // a marker behind it on the same partition
        assertThat(later.path("outcome").asText()).isEqualTo("rejected");
        List<ConsumerRecord<String, String>> all = kafka.readAll("heatpump.command-results");
        assertThat(all.stream().filter(r -> r.value() != null && again.equals(json(r.value()).path("command_id").asText())))
                .hasSize(1);
        assertThat(sim.device().writesReceived()).isEqualTo(writes + 2);
        assertThat(poller.metric("polling_writes_total")).isPositive();
    }

    /** RFC 3339 UTC with exactly milliseconds, as the contracts require. */
    static String now() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC)
                .format(Instant.now());
    }

    static void sleepUntil(Instant t) {
        long ms = Duration.between(Instant.now(), t).toMillis();
        if (ms > 0) {
            PollerProcess.sleep(ms);
        }
    }
}
