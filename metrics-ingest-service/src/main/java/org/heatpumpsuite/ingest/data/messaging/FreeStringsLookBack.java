package org.heatpumpsuite.ingest.data.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.heatpumpsuite.ingest.config.IngestConfig;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Where the free-strings consumer ({@link FreeStringsConsumer}) starts each partition of heatpump.readings:
 * {@code ingest.free-strings.look-back} before its end, at most {@code max-look-back-records} back.
 */
@ApplicationScoped
@Identifier(FreeStringsLookBack.NAME)
public class FreeStringsLookBack implements KafkaConsumerRebalanceListener {

    public static final String NAME = "free-strings-look-back";

    @Inject
    IngestConfig config;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        long from = System.currentTimeMillis() - config.freeStrings().lookBack().toMillis();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, from));
        Map<TopicPartition, OffsetAndTimestamp> byTime = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long max = config.freeStrings().maxLookBackRecords();
        long total = 0;
        for (TopicPartition p : partitions) {
            long e = end.getOrDefault(p, 0L);
            OffsetAndTimestamp t = byTime.get(p);
            long start = Math.max(Math.max(t == null ? e : t.offset(), e - max), begin.getOrDefault(p, 0L));
            consumer.seek(p, start);
            total += e - start;
        }
        Log.infof("free strings: reading %d recent record(s) of %d partition(s) of %s", total, partitions.size(),
                config.readingsTopic());
    }
}
