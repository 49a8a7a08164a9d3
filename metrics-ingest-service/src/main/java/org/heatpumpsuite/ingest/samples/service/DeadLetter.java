package org.heatpumpsuite.ingest.samples.service;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record this service gives up on, and why (English, names the field at fault). */
public record DeadLetter(ConsumerRecord<byte[], byte[]> source, String reason) {
}
