package org.heatpumpsuite.polling.poll.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.heatpumpsuite.polling.poll.config.PollingConfig;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** While the broker takes nothing, readings wait up to the configured bound; the rest are dropped and counted. */
class ReadingsPublisherTest {

    /** A producer whose broker is away: nothing is acknowledged until the test says so. */
    static final class StuckEmitter implements Emitter<String> {
        final List<Message<? extends String>> sent = new ArrayList<>();

        @Override
        public CompletionStage<Void> send(String msg) {
            send(Message.of(msg));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public <M extends Message<? extends String>> void send(M msg) {
            sent.add(msg);
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }

    static PollingConfig bufferOf(int size) {
        return new PollingConfig() {
            @Override
            public Readings readings() {
                return () -> size;
            }

            @Override
            public Loop loop() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Demo demo() {
                throw new UnsupportedOperationException();
            }
        };
    }

    static ReadingRecord reading(int i) {
        return new ReadingRecord(1, "hp-0000000" + i, "nibe", "s1255", Instant.parse("2026-11-27T08:00:00Z").plusSeconds(i), 12,
                Map.of("temp_outside", 1.5), Map.of("temp_outside", "°C"), List.of());
    }

    @Test
    void readingsBeyondTheBufferAreDroppedAndCountedUntilTheBrokerAcknowledges() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ReadingsPublisher publisher = new ReadingsPublisher(meters, bufferOf(2));
        StuckEmitter emitter = new StuckEmitter();
        publisher.readings = emitter;
        publisher.mapper = new ObjectMapper().findAndRegisterModules();

        assertThat(publisher.publish(reading(1))).isTrue();
        assertThat(publisher.publish(reading(2))).isTrue();
        assertThat(publisher.publish(reading(3))).isFalse();
        assertThat(meters.counter("polling_readings_dropped_total").count()).isEqualTo(1.0);
        assertThat(emitter.sent).hasSize(2);

        emitter.sent.get(0).ack().toCompletableFuture().join(); // the broker is back
        assertThat(publisher.publish(reading(4))).isTrue();
        assertThat(publisher.pending()).isEqualTo(2);
        assertThat(meters.counter("polling_readings_dropped_total").count()).isEqualTo(1.0);
    }
}
