package org.heatpumpsuite.ingest.samples.service;

import java.util.List;

import io.smallrye.mutiny.Uni;

/** Where dead letters go (the Kafka side lives in the messaging layer). */
public interface DeadLetterSink {

    /** Completes when the broker has every one of them. */
    Uni<Void> publish(List<DeadLetter> letters);
}
