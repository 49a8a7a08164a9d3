package org.heatpumpsuite.ingest.data.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heatpumpsuite.ingest.samples.service.Reading;
import org.heatpumpsuite.ingest.samples.service.RecordDecoder;
import org.heatpumpsuite.ingest.samples.service.UndecodableException;
import org.junit.jupiter.api.Test;

/** What every replica keeps of every reading: the newest free strings, nothing VictoriaMetrics stores. */
class FreeStringsTest {

    final FreeStrings strings = new FreeStrings();
    final RecordDecoder decoder = new RecordDecoder(Long.MAX_VALUE / 4);

    Reading reading(String time, String values) throws UndecodableException {
        String json = "{\"schema_version\":1,\"heatpump_id\":\"hp-00000001\",\"manufacturer\":\"idm\","
                + "\"model\":\"navigator_2_0\",\"observed_at\":\"" + time + "\",\"values\":{" + values
                + "},\"units\":{\"temp_flow\":\"°C\",\"error_code\":\"none\"},\"errors\":[]}";
        return decoder.strings(new ConsumerRecord<>("heatpump.readings", 0, 0, null,
                json.getBytes(StandardCharsets.UTF_8)), System.currentTimeMillis());
    }

    @Test
    void keepsOnlyStringsVictoriaMetricsDoesNotStoreWithTheirUnitAndTime() throws Exception {
        strings.update(reading("2025-01-26T10:00:00.000Z",
                "\"temp_flow\":30,\"compressor_running\":true,\"error_code\":\"E1\",\"operating_mode\":\"heating\""));

        var values = strings.of("hp-00000001");
        assertThat(values).containsOnlyKeys("error_code");
        assertThat(values.get("error_code").text()).isEqualTo("E1");
        assertThat(values.get("error_code").unit()).isEqualTo("none");
        assertThat(values.get("error_code").atMs()).isEqualTo(1737885600000L);
    }

    @Test
    void anOperatingModeWithoutACodeIsKept() throws Exception {
        strings.update(reading("2025-01-26T10:00:00.000Z", "\"operating_mode\":\"turbo_boost\""));
        assertThat(strings.of("hp-00000001").get("operating_mode").text()).isEqualTo("turbo_boost");
    }

    @Test
    void theNewestReadingWinsWhateverTheOrderOfArrival() throws Exception {
        strings.update(reading("2025-01-26T10:00:10.000Z", "\"error_code\":\"E2\""));
        strings.update(reading("2025-01-26T10:00:00.000Z", "\"error_code\":\"E1\",\"mode_text\":\"Heizen\""));

        var values = strings.of("hp-00000001");
        assertThat(values.get("error_code").text()).isEqualTo("E2");
        assertThat(values.get("mode_text").text()).isEqualTo("Heizen");
        strings.forget("hp-00000001");
        assertThat(strings.of("hp-00000001")).isEmpty();
    }

    @Test
    void aRecordTheWritePathDeadLettersIsRefusedHereToo() {
        assertThatThrownBy(() -> reading("2025-01-26T10:00:00.000Z", "\"compressor_running\":\"yes\""))
                .isInstanceOf(UndecodableException.class).hasMessageContaining("/values/compressor_running");
    }
}
