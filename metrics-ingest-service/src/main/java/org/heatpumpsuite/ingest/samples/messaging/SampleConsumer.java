package org.heatpumpsuite.ingest.samples.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.heatpumpsuite.ingest.samples.service.SampleIngester;

import io.smallrye.common.annotation.Blocking;

/**
 * heatpump.readings and heatpump.anomalies in batches (one per poll). The batch is acknowledged when this method
 * returns, i.e. after VictoriaMetrics accepted its samples and the dead letters are on Kafka; only then does the
 * throttled commit strategy commit its offsets. Batches are processed one after another on a worker thread, so a
 * waiting batch pauses consumption (the connector pauses the partitions and keeps the group membership).
 */
@ApplicationScoped
public class SampleConsumer {

    public static final String SAMPLES = "samples";

    @Inject
    SampleIngester ingester;

    @Incoming(SAMPLES)
    @Blocking
    public void consume(ConsumerRecords<byte[], byte[]> batch) {
        ingester.ingest(batch);
    }
}
