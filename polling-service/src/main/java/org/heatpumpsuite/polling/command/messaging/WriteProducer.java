package org.heatpumpsuite.polling.command.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * The producer of the write path: command results, standing values, and the dead letters of the combined
 * config/commands consumer (original record unchanged, SmallRye's dead-letter-* headers, docs/contracts/dlq.md).
 */
@ApplicationScoped
public class WriteProducer {

    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry meters;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private volatile KafkaProducer<String, String> producer;
    /** One thread keeps the records of a pump in order (sends are asynchronous once metadata is known). */
    private final java.util.concurrent.ExecutorService sender = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "polling-write-producer");
        t.setDaemon(true);
        return t;
    });

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "polling-service-writes");
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    producer = new KafkaProducer<>(props);
                }
                p = producer;
            }
        }
        return p;
    }

    /** Publishes a result; completes when the broker has it. */
    public CompletionStage<Void> result(CommandResultRecord result) {
        return send(new ProducerRecord<>(CommandTopics.RESULTS, result.heatpumpId(), json(result)));
    }

    /** Publishes the standing values of a pump (none: a tombstone). */
    public CompletionStage<Void> standing(String heatpumpId, StandingValuesRecord values) {
        return send(new ProducerRecord<>(CommandTopics.STANDING_VALUES, heatpumpId, values == null ? null : json(values)));
    }

    /** Writes a record the consumer could not use to {@code <topic>.dlq}, unchanged, with the reason in headers. */
    public CompletionStage<Void> deadLetter(ConsumerRecord<String, String> record, Exception failure) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(CommandTopics.dlq(record.topic()), null, record.key(),
                record.value());
        String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        header(dead, "dead-letter-reason", reason);
        if (failure.getCause() != null) {
            header(dead, "dead-letter-cause", String.valueOf(failure.getCause().getMessage()));
            header(dead, "dead-letter-cause-class-name", failure.getCause().getClass().getName());
        }
        header(dead, "dead-letter-topic", record.topic());
        header(dead, "dead-letter-partition", Integer.toString(record.partition()));
        header(dead, "dead-letter-offset", Long.toString(record.offset()));
        header(dead, "dead-letter-exception-class-name", failure.getClass().getName());
        record.headers().forEach(h -> dead.headers().add(h));
        meters.counter("polling_dead_letters_total", List.of(io.micrometer.core.instrument.Tag.of("topic", record.topic())))
                .increment();
        return send(dead);
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CompletionStage<Void> send(ProducerRecord<String, String> record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        // KafkaProducer.send may block (metadata, full buffer): never on an event loop or the consumer thread
        sender.execute(() -> {
            try {
                producer().send(record, (meta, error) -> {
                    if (error != null) {
                        Log.warnf("%s record of %s not published: %s", record.topic(), record.key(), error.getMessage());
                        done.completeExceptionally(error);
                    } else {
                        done.complete(null);
                    }
                });
            } catch (RuntimeException e) {
                Log.warnf("%s record of %s not published: %s", record.topic(), record.key(), e.getMessage());
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    @PreDestroy
    void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(5));
        }
    }
}
