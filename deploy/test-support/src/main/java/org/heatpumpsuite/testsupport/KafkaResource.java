package org.heatpumpsuite.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real Kafka broker (KRaft) in the test JVM, shared by every test class of a module. The suite's topics are created
 * on start. Exposes {@code kafka.bootstrap.servers} to the application under test.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker broker;

    /** Starts the shared broker once per JVM and returns its bootstrap address. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaBroker()
                    .withNodeId(1)
                    .withKafkaPort(Ports.free())
                    .withControllerPort(Ports.free())
                    .withDeleteLogDirsOnClose(true)
                    .withAdditionalProperties(p -> {
                        p.put("group.initial.rebalance.delay.ms", "0");
                        p.put("auto.create.topics.enable", "false");
                    })
                    .start();
            Topics.createAll(broker.getAdvertisedListeners());
            EmbeddedKafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-kafka-stop"));
        }
        return broker.getAdvertisedListeners();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // shared for the whole test JVM; closed by the shutdown hook
    }
}
