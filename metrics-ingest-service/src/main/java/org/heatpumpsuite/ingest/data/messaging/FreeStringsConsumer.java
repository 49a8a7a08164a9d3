package org.heatpumpsuite.ingest.data.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.heatpumpsuite.ingest.config.IngestConfig;
import org.heatpumpsuite.ingest.data.service.FreeStrings;
import org.heatpumpsuite.ingest.samples.service.RecordDecoder;
import org.heatpumpsuite.ingest.samples.service.UndecodableException;
import org.heatpumpsuite.ingest.samples.service.WrittenPartitions;

import io.smallrye.common.annotation.Blocking;

/**
 * Every replica reads every partition of heatpump.readings a second time (a group of its own, nothing committed),
 * keeping only the free strings of each pump's newest reading: the write path's group splits the partitions between
 * the replicas, but /api/data of any replica must show every pump's error code. On start (and whenever the consumer
 * rejoins) it looks back a bounded stretch ({@link FreeStringsLookBack}), so free strings survive a restart.
 * Records the write path dead-letters are skipped here with the same checks, and so are the partitions this replica
 * writes itself ({@link WrittenPartitions}): their free strings come through the write path, so one replica alone
 * decodes nothing twice.
 */
@ApplicationScoped
public class FreeStringsConsumer {

    public static final String FREE_STRINGS = "free-strings";

    @Inject
    FreeStrings strings;
    @Inject
    WrittenPartitions written;
    @Inject
    IngestConfig config;

    RecordDecoder decoder;

    @PostConstruct
    void init() {
        decoder = new RecordDecoder(config.write().maxClockSkew().toMillis());
    }

    @Incoming(FREE_STRINGS)
    @Blocking
    public void consume(ConsumerRecords<byte[], byte[]> batch) {
        long now = System.currentTimeMillis();
        for (ConsumerRecord<byte[], byte[]> r : batch) {
            if (written.contains(r.topic(), r.partition())) {
                continue; // this replica writes it: its free strings come through the write path (LatestValues)
            }
            try {
                strings.update(decoder.strings(r, now));
            } catch (UndecodableException | RuntimeException e) {
                // a dead letter of the write path (which counts and logs it): no free strings from it
            }
        }
    }
}
