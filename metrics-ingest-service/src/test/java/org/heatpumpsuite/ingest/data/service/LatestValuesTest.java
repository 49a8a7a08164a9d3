package org.heatpumpsuite.ingest.data.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heatpumpsuite.ingest.samples.service.Reading;
import org.heatpumpsuite.ingest.samples.service.RecordDecoder;
import org.junit.jupiter.api.Test;

/** The latest value of each sensor, whatever order readings arrive in and whichever sensors each one carries. */
class LatestValuesTest {

    final LatestValues latest = new LatestValues();
    final RecordDecoder decoder = new RecordDecoder(Long.MAX_VALUE / 4);

    Reading reading(String time, String values) throws Exception {
        String json = "{\"schema_version\":1,\"heatpump_id\":\"hp-00000001\",\"manufacturer\":\"idm\","
                + "\"model\":\"navigator_2_0\",\"observed_at\":\"" + time + "\",\"values\":{" + values
                + "},\"units\":{\"temp_flow\":\"°C\"},\"errors\":[]}";
        return decoder.reading(new ConsumerRecord<>("heatpump.readings", 0, 0, null,
                json.getBytes(StandardCharsets.UTF_8)), System.currentTimeMillis());
    }

    @Test
    void aSensorMissingFromTheNewestReadingKeepsItsLastValue() throws Exception {
        latest.update(reading("2025-01-26T10:00:00.000Z", "\"temp_flow\":30,\"error_code\":\"E1\""));
        latest.update(reading("2025-01-26T10:00:10.000Z", "\"temp_flow\":31"));

        var values = latest.of("hp-00000001");
        assertThat(values.get("temp_flow").text()).isEqualTo("31");
        assertThat(values.get("temp_flow").unit()).isEqualTo("°C");
        assertThat(values.get("error_code").text()).isEqualTo("E1");
        assertThat(values.get("error_code").atMs()).isLessThan(values.get("temp_flow").atMs());
    }

    @Test
    void aLateOlderReadingOnlyFillsGaps() throws Exception {
        latest.update(reading("2025-01-26T10:00:10.000Z", "\"temp_flow\":31"));
        latest.update(reading("2025-01-26T10:00:00.000Z", "\"temp_flow\":30,\"temp_return\":25"));

        var values = latest.of("hp-00000001");
        assertThat(values.get("temp_flow").text()).isEqualTo("31");
        assertThat(values.get("temp_return").text()).isEqualTo("25");
    }

    @Test
    void anomalyScoresAndReadingsOfOnePumpAreKeptSideBySide() throws Exception {
        latest.update(reading("2025-01-26T10:00:00.000Z", "\"temp_flow\":30"));
        String score = "{\"schema_version\":1,\"heatpump_id\":\"hp-00000001\",\"manufacturer\":\"idm\","
                + "\"model\":\"navigator_2_0\",\"observed_at\":\"2025-01-26T10:00:00.000Z\",\"score\":0.25,"
                + "\"is_anomaly\":false,\"detector\":{\"name\":\"d\",\"version\":\"1\"},\"features\":{},\"top_contributors\":[]}";
        latest.update(decoder.anomaly(new ConsumerRecord<>("heatpump.anomalies", 0, 0, null,
                score.getBytes(StandardCharsets.UTF_8)), System.currentTimeMillis()));
        latest.update(reading("2025-01-26T10:00:10.000Z", "\"temp_flow\":31"));

        var values = latest.of("hp-00000001");
        assertThat(values.get("temp_flow").text()).isEqualTo("31");
        assertThat(values.get("anomaly_score").text()).isEqualTo("0.25");
        assertThat(values.get("anomaly_detected").text()).isEqualTo("false");
    }

    @Test
    void aDeletedPumpIsForgotten() throws Exception {
        latest.update(reading("2025-01-26T10:00:10.000Z", "\"temp_flow\":31"));
        latest.forget("hp-00000001");
        assertThat(latest.of("hp-00000001")).isEmpty();
    }
}
