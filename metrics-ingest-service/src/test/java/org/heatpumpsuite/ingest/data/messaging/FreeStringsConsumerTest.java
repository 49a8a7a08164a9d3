package org.heatpumpsuite.ingest.data.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.heatpumpsuite.ingest.data.service.FreeStrings;
import org.heatpumpsuite.ingest.samples.service.RecordDecoder;
import org.heatpumpsuite.ingest.samples.service.WrittenPartitions;
import org.junit.jupiter.api.Test;

/** Every partition's free strings, except those of partitions this replica writes itself (the write path has them). */
class FreeStringsConsumerTest {

    @Test
    void keepsTheFreeStringsOfPartitionsOtherReplicasWrite() {
        FreeStringsConsumer consumer = new FreeStringsConsumer();
        consumer.strings = new FreeStrings();
        consumer.written = new WrittenPartitions();
        consumer.decoder = new RecordDecoder(Long.MAX_VALUE / 4);
        consumer.written.assigned(List.of(new TopicPartition("heatpump.readings", 0)));

        TopicPartition own = new TopicPartition("heatpump.readings", 0);
        TopicPartition other = new TopicPartition("heatpump.readings", 1);
        consumer.consume(new ConsumerRecords<>(Map.of(
                own, List.of(record(0, "hp-00000001", "E1")),
                other, List.of(record(1, "hp-00000002", "E2"), record(1, "hp-00000003", null)))));

        assertThat(consumer.strings.of("hp-00000001")).as("written by this replica").isEmpty();
        assertThat(consumer.strings.of("hp-00000002").get("error_code").text()).isEqualTo("E2");
        assertThat(consumer.strings.of("hp-00000003")).as("undecodable: skipped, the rest of the batch read").isEmpty();

        consumer.written.revoked(List.of(own));
        consumer.consume(new ConsumerRecords<>(Map.of(own, List.of(record(0, "hp-00000001", "E7")))));
        assertThat(consumer.strings.of("hp-00000001").get("error_code").text()).isEqualTo("E7");
    }

    static ConsumerRecord<byte[], byte[]> record(int partition, String id, String error) {
        String json = error == null ? "{\"schema_version\":1,\"heatpump_id\":" : "{\"schema_version\":1,\"heatpump_id\":\"" + id
                + "\",\"manufacturer\":\"idm\",\"model\":\"navigator_2_0\",\"observed_at\":\"2025-01-26T10:00:00.000Z\","
                + "\"values\":{\"temp_flow\":30,\"error_code\":\"" + error + "\"},\"units\":{\"temp_flow\":\"°C\","
                + "\"error_code\":\"none\"},\"errors\":[]}";
        return new ConsumerRecord<>("heatpump.readings", partition, 0, id.getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8));
    }
}
