package org.heatpumpsuite.ingest.samples.messaging;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.heatpumpsuite.ingest.samples.service.WrittenPartitions;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/** Follows which partitions of the group metrics-ingest this replica's sample consumers own. */
@ApplicationScoped
@Identifier(SamplePartitions.NAME)
public class SamplePartitions implements KafkaConsumerRebalanceListener {

    public static final String NAME = "sample-partitions";

    @Inject
    WrittenPartitions written;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        written.assigned(partitions);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        written.revoked(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        written.revoked(partitions);
    }
}
