package org.heatpumpsuite.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heatpumpsuite.testsupport.Contracts;
import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.TokenResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** At start-up the service publishes every model of the suite on heatpump.catalogue, valid against the contract. */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class CatalogueIT {

    /** Every model id of the architecture (Identifiers). */
    static final List<String> MODELS = List.of("idm/navigator_2_0", "nibe/s1155", "nibe/s1255", "nibe/s2125", "nibe/f1145",
            "nibe/f1245", "nibe/f1155", "nibe/f1255", "nibe/f750", "nibe/f730", "daikin/altherma_3", "luxtronik/luxtronik_2_1");

    @Test
    void everyModelIsPublishedOnTheCatalogueTopicAndValid() {
        try (KafkaClient kafka = new KafkaClient(KafkaResource.bootstrapServers())) {
            kafka.await("heatpump.catalogue", r -> "luxtronik/luxtronik_2_1".equals(r.key()), Duration.ofSeconds(60));
            Map<String, String> latest = kafka.readAll("heatpump.catalogue").stream().filter(r -> r.value() != null)
                    .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value, (a, b) -> b));
            assertThat(latest.keySet()).containsAll(MODELS);
            for (String id : MODELS) {
                String value = latest.get(id);
                Contracts.assertValid("catalogue", value);
                assertThat(value).contains("\"manufacturer\":\"" + id.split("/")[0] + "\"", "\"model\":\"" + id.split("/")[1] + "\"");
            }
        }
    }
}
