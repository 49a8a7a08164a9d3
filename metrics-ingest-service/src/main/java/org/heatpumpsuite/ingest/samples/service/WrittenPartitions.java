package org.heatpumpsuite.ingest.samples.service;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;

/**
 * The partitions whose samples this replica writes right now (its share of the group metrics-ingest). Their free
 * strings reach the read API through the write path ({@code LatestValues}), so the free-strings consumer, which reads
 * every partition, skips them: with one replica it decodes nothing a second time.
 */
@ApplicationScoped
public class WrittenPartitions {

    private final Set<TopicPartition> written = ConcurrentHashMap.newKeySet();

    public void assigned(Collection<TopicPartition> partitions) {
        written.addAll(partitions);
    }

    public void revoked(Collection<TopicPartition> partitions) {
        written.removeAll(partitions);
    }

    public boolean contains(String topic, int partition) {
        return !written.isEmpty() && written.contains(new TopicPartition(topic, partition));
    }
}
