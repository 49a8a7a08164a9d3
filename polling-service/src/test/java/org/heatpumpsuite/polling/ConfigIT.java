package org.heatpumpsuite.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.heatpumpsuite.testsupport.Contracts;
import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.TokenResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Pumps come from heatpump.config; each new one is announced on heatpump.status; bad records go to the DLQ. */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class ConfigIT {

    static KafkaClient kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaClient(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    static String config(String id, int port) {
        return """
                {"schema_version":1,"heatpump_id":"%s","name":"Keller","manufacturer":"nibe","model":"s1155",
                 "enabled":true,"connection":{"host":"127.0.0.1","port":%d,"unit_id":1,"timeout_ms":1000,"retries":1},
                 "poll_interval_s":10,"device_config":{},"share_data":false,"updated_at":"2026-11-27T08:00:00Z"}
                """.formatted(id, port);
    }

    @Test
    void aNewPumpIsAnnouncedOnTheStatusTopicAndARemovedOneTombstoned() {
        kafka.send("heatpump.config", "hp-0000c0de", config("hp-0000c0de", 502));
        var status = kafka.await("heatpump.status", r -> "hp-0000c0de".equals(r.key()) && r.value() != null,
                Duration.ofSeconds(30));
        Contracts.assertValid("status", status.value());
        assertThat(status.value()).contains("\"connected\":false");

        kafka.send("heatpump.config", "hp-0000c0de", null);
        kafka.await("heatpump.status", r -> "hp-0000c0de".equals(r.key()) && r.value() == null, Duration.ofSeconds(30));
    }

    @Test
    void anUndecodableConfigGoesToTheDeadLetterTopic() {
        kafka.send("heatpump.config", "hp-0badc0de", "{\"heatpump_id\":\"hp-0badc0de\",\"connection\":{\"host\":\"h\",\"port\":502}}");
        kafka.send("heatpump.config", "hp-0000beef", config("hp-0000beef", 503));
        var dead = kafka.await("heatpump.config.dlq", r -> "hp-0badc0de".equals(r.key()), Duration.ofSeconds(30));
        assertThat(KafkaClient.header(dead, "dead-letter-reason")).contains("manufacturer");
        kafka.await("heatpump.status", r -> "hp-0000beef".equals(r.key()), Duration.ofSeconds(30));
        kafka.send("heatpump.config", "hp-0000beef", null); // later tests on this broker must not poll it
    }
}
