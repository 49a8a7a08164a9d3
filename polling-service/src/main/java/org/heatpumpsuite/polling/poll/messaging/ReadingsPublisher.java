package org.heatpumpsuite.polling.poll.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.heatpumpsuite.polling.poll.config.PollingConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes readings on heatpump.readings (key heatpump_id). Readings the broker has not acknowledged yet are held up
 * to {@code polling.readings.buffer-size}; beyond that a reading is dropped, logged and counted in
 * {@code polling_readings_dropped_total}.
 */
@ApplicationScoped
public class ReadingsPublisher {

    public static final String READINGS = "readings";

    private final AtomicInteger pending = new AtomicInteger();
    private final Counter dropped;
    private final int bound;

    @Inject
    @Channel(READINGS)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<String> readings;
    @Inject
    ObjectMapper mapper;

    ReadingsPublisher(MeterRegistry meters, PollingConfig config) {
        this.bound = config.readings().bufferSize();
        this.dropped = Counter.builder("polling_readings_dropped_total")
                .description("Readings dropped because the broker did not take them and the buffer was full").register(meters);
        meters.gauge("polling_readings_pending", pending);
    }

    /** Hands a reading to the producer; false if it was dropped because the buffer is full. */
    public boolean publish(ReadingRecord reading) {
        String json;
        try {
            json = mapper.writeValueAsString(reading);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (pending.incrementAndGet() > bound) {
            pending.decrementAndGet();
            dropped.increment();
            Log.warnf("reading of %s at %s dropped: %d readings wait for the broker (polling.readings.buffer-size)",
                    reading.heatpumpId(), reading.observedAt(), bound);
            return false;
        }
        Message<String> message = Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(reading.heatpumpId()).build())
                .withAck(() -> {
                    pending.decrementAndGet();
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(err -> {
                    pending.decrementAndGet();
                    dropped.increment();
                    Log.warnf("reading of %s at %s not delivered: %s", reading.heatpumpId(), reading.observedAt(),
                            err.getMessage());
                    return CompletableFuture.completedFuture(null);
                });
        readings.send(message);
        return true;
    }

    public int pending() {
        return pending.get();
    }
}
