package org.heatpumpsuite.ingest.pump.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.heatpumpsuite.ingest.pump.service.PumpDirectory;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The pump directory is complete once every partition of heatpump.config is read up to its end at start-up. */
class ConfigCatchUpTest {

    final PumpDirectory directory = new PumpDirectory(new SimpleMeterRegistry());
    final ConfigCatchUp catchUp = new ConfigCatchUp(Map.of("bootstrap.servers", "127.0.0.1:1"), "heatpump.config");

    ConfigCatchUpTest() {
        catchUp.directory = directory;
    }

    @Test
    void notCompleteBeforeTheEndOffsetsAreKnownNorBeforeEveryPartitionIsRead() {
        catchUp.processed(0, 0);
        assertThat(directory.complete()).as("end offsets unknown").isFalse();

        catchUp.startedWith(Map.of(0, 3L, 2, 1L));
        assertThat(directory.complete()).isFalse();
        catchUp.processed(0, 2);
        assertThat(directory.complete()).as("partition 2 not read yet").isFalse();
        assertThat(catchUp.remaining()).containsExactly(Map.entry(2, 1L));
        catchUp.processed(2, 0);
        assertThat(directory.complete()).isTrue();
        assertThat(catchUp.remaining()).isEmpty();
    }

    @Test
    void recordsReadBeforeTheEndOffsetsWereKnownCount() {
        catchUp.processed(1, 4);
        catchUp.startedWith(Map.of(1, 5L));
        assertThat(directory.complete()).isTrue();
    }

    @Test
    void anEmptyTopicIsCaughtUpAtOnce() {
        catchUp.startedWith(Map.of());
        assertThat(directory.complete()).isTrue();
    }
}
