package org.heatpumpsuite.ingest.samples.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.heatpumpsuite.ingest.samples.service.DeadLetter;
import org.heatpumpsuite.ingest.samples.service.DeadLetterSink;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes undecodable records to {@code <source topic>.dlq} (docs/contracts/dlq.md): the original key and value
 * byte for byte, the headers SmallRye's own dead-letter strategy uses (dead-letter-reason, -topic, -partition,
 * -offset), then the record's own headers.
 */
@ApplicationScoped
public class DeadLetters implements DeadLetterSink {

    public static final String DEAD_LETTERS = "dead-letters";
    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** The connector's bookkeeping header on consumed records; not the producer's, so not copied. */
    static final String INTERNAL = "__smallrye_generationId";

    @Inject
    @Channel(DEAD_LETTERS)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<Record<byte[], byte[]>> emitter;

    @Override
    public Uni<Void> publish(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(letters.stream().map(this::send).toList()).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(DeadLetter letter) {
        ConsumerRecord<byte[], byte[]> source = letter.source();
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON, letter.reason().getBytes(StandardCharsets.UTF_8));
        headers.add(TOPIC, source.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(PARTITION, Integer.toString(source.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add(OFFSET, Long.toString(source.offset()).getBytes(StandardCharsets.UTF_8));
        // then the record's own headers, as SmallRye's dead-letter strategy does (docs/contracts/dlq.md)
        for (Header h : source.headers()) {
            if (!INTERNAL.equals(h.key())) {
                headers.add(h);
            }
        }
        OutgoingKafkaRecordMetadata<byte[]> metadata = OutgoingKafkaRecordMetadata.<byte[]> builder()
                .withTopic(source.topic() + ".dlq")
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(Record.of(source.key(), source.value())).addMetadata(metadata));
    }
}
