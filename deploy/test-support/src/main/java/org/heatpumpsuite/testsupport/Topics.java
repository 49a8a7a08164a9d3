package org.heatpumpsuite.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** The suite's topics as ARCHITECTURE.md lists them, created on a test broker. */
public final class Topics {

    public static final List<String> KEYED = List.of("heatpump.readings", "heatpump.config", "heatpump.status",
            "heatpump.commands", "heatpump.command-results", "heatpump.anomalies", "heatpump.alerts");
    public static final String CATALOGUE = "heatpump.catalogue";
    /** Internal to polling-service (standing values of cyclic writables); no consumer but its producer, so no .dlq. */
    public static final String STANDING_VALUES = "heatpump.standing-values";
    public static final Set<String> COMPACTED = Set.of("heatpump.config", "heatpump.status", CATALOGUE, STANDING_VALUES);

    /** Test brokers use fewer partitions than production (12) to keep group joins fast; ordering is per key either way. */
    public static final int TEST_PARTITIONS = 3;

    private Topics() {
    }

    /** Creates every suite topic and its dead-letter topic; existing topics are left alone. */
    public static void createAll(String bootstrap) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : KEYED) {
            topics.add(topic(name, TEST_PARTITIONS));
            topics.add(topic(name + ".dlq", TEST_PARTITIONS));
        }
        topics.add(topic(STANDING_VALUES, TEST_PARTITIONS));
        topics.add(topic(CATALOGUE, 1));
        topics.add(topic(CATALOGUE + ".dlq", 1));
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            for (NewTopic t : topics) {
                try {
                    admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + t.name(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("broker at " + bootstrap + " did not create topics in 30 s", e);
        }
    }

    private static NewTopic topic(String name, int partitions) {
        NewTopic t = new NewTopic(name, partitions, (short) 1);
        if (COMPACTED.contains(name)) {
            t.configs(Map.of("cleanup.policy", "compact"));
        }
        return t;
    }
}
