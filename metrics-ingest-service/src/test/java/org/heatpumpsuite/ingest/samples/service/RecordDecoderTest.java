package org.heatpumpsuite.ingest.samples.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heatpumpsuite.testsupport.Contracts;
import org.junit.jupiter.api.Test;

/** What becomes a sample, from the golden examples in docs/contracts, and which records are dead letters and why. */
class RecordDecoderTest {

    static final long NOW = Instant.parse("2025-01-26T10:01:00Z").toEpochMilli();
    final RecordDecoder decoder = new RecordDecoder(3_600_000);

    static ConsumerRecord<byte[], byte[]> record(String topic, String key, String value) {
        return new ConsumerRecord<>(topic, 0, 7, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** The import line the write path makes of a record (decoded straight into the body). */
    String lines(Reading r) throws UndecodableException {
        LineProtocol lp = new LineProtocol("idm_heatpump");
        decoder.decode(r.source(), NOW, r.anomaly(), lp, false);
        return new String(lp.toBytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void theIdmExampleBecomesOneLineWithBooleansAsBitsAndTheModeAsItsCode() throws Exception {
        String json = Contracts.example("readings", "idm-navigator-2-0.json");
        Reading r = decoder.reading(record("heatpump.readings", "hp-3f9a1c27", json), NOW);

        assertThat(lines(r)).isEqualTo("idm_heatpump,heatpump_id=hp-3f9a1c27,manufacturer=idm,model=navigator_2_0 "
                + "temp_outside=-5.5,temp_flow=38.2,temp_return=33.1,temp_hot_water=48.6,temp_source_in=7.9,"
                + "temp_source_out=4.8,compressor_running=1,power_electric=2.31,power_thermal=8.92,"
                + "energy_thermal_total=45213.4,operating_mode=2,operating_mode_raw=1,dhw_target=48,"
                + "circuit_a_temp_flow=35.8,circuit_a_temp_flow_target=36.0,circuit_a_heating_curve=0.6,"
                + "circuit_b_temp_flow=29.4 " + Instant.parse("2025-01-26T10:00:00.000Z").toEpochMilli() + "\n");
        assertThat(r.units().get("temp_outside")).isEqualTo("°C");
    }

    @Test
    void freeStringsAreNotWrittenButCounted() throws Exception {
        Reading r = decoder.reading(record("heatpump.readings", "hp-0000000a", """
                {"schema_version":1,"heatpump_id":"hp-0000000a","manufacturer":"daikin","model":"altherma_3",
                 "observed_at":"2025-01-26T10:00:00.000Z","poll_duration_ms":5,"values":{"error_code":"U8",
                 "operating_mode":"a_mode_of_the_future","temp_flow":30},"units":{},"errors":[]}"""), NOW);
        LineProtocol lp = new LineProtocol("idm_heatpump");
        decoder.decode(r.source(), NOW, false, lp, false);
        assertThat(lp.samples()).isEqualTo(1);
        assertThat(lp.counts().freeStrings).isEqualTo(1);
        assertThat(lp.counts().uncodedModes).isEqualTo(1);
        assertThat(new String(lp.toBytes(), StandardCharsets.US_ASCII)).contains(" temp_flow=30 ").doesNotContain("U8");
    }

    @Test
    void aReadingOfStringsOnlyWritesNoLine() throws Exception {
        Reading r = decoder.reading(record("heatpump.readings", null, """
                {"schema_version":1,"heatpump_id":"hp-0000000b","manufacturer":"idm","model":"navigator_2_0",
                 "observed_at":"2025-01-26T10:00:00.000Z","values":{"error_code":"E12"},"units":{},"errors":[]}"""), NOW);
        assertThat(lines(r)).isEmpty();
    }

    @Test
    void everyGoldenReadingAndAnomalyDecodes() throws Exception {
        for (var e : Contracts.examples("readings").entrySet()) {
            Reading r = decoder.reading(record("heatpump.readings", null, e.getValue()), NOW);
            assertThat(lines(r)).as(e.getKey()).startsWith("idm_heatpump,heatpump_id=" + r.heatpumpId() + ",");
        }
        for (var e : Contracts.examples("anomalies").entrySet()) {
            Reading r = decoder.anomaly(record("heatpump.anomalies", null, e.getValue()), NOW);
            assertThat(lines(r)).as(e.getKey()).contains(" anomaly_score=").contains(",anomaly_detected=");
        }
    }

    @Test
    void exponentsAreNormalisedAndHugeNumbersRefused() throws Exception {
        Reading r = decoder.reading(record("heatpump.readings", null, reading("\"energy_thermal_total\":1E+5,\"x\":-2.5e-3")), NOW);
        assertThat(lines(r)).contains("energy_thermal_total=100000.0,x=-0.0025 ");
        assertThatThrownBy(() -> decoder.reading(record("heatpump.readings", null, reading("\"x\":1e400")), NOW))
                .hasMessage("/values/x: number out of range");
    }

    static String reading(String values) {
        return "{\"schema_version\":1,\"heatpump_id\":\"hp-0000000c\",\"manufacturer\":\"nibe\",\"model\":\"s1255\","
                + "\"observed_at\":\"2025-01-26T10:00:00.000Z\",\"poll_duration_ms\":1,\"values\":{" + values
                + "},\"units\":{},\"errors\":[]}";
    }

    @Test
    void anUndecodableRecordLeavesNoTraceInTheBody() throws Exception {
        LineProtocol lp = new LineProtocol("idm_heatpump");
        decoder.decode(record("heatpump.readings", null, reading("\"temp_flow\":30")), NOW, false, lp, false);
        String before = new String(lp.toBytes(), StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> decoder.decode(record("heatpump.readings", null,
                reading("\"temp_flow\":31,\"compressor_running\":\"yes\"")), NOW, false, lp, false))
                .isInstanceOf(UndecodableException.class);
        decoder.decode(record("heatpump.readings", null, reading("\"temp_flow\":32")), NOW, false, lp, false);
        assertThat(new String(lp.toBytes(), StandardCharsets.US_ASCII)).startsWith(before)
                .contains(" temp_flow=32 ").doesNotContain("31");
        assertThat(lp.samples()).isEqualTo(2);
    }

    @Test
    void theValuesKeptForTheReadApiAreTheWrittenOnes() throws Exception {
        Reading r = decoder.reading(record("heatpump.readings", null,
                Contracts.example("readings", "luxtronik-2-1.json")), NOW);
        assertThat(r.values()).extracting(Reading.Value::sensor).contains("temp_outside", "operating_mode");
        assertThat(r.values()).filteredOn(v -> v.sensor().equals("compressor_starts_total")).singleElement()
                .satisfies(v -> assertThat(v.text()).isEqualTo("8123"));
        assertThat(r.values()).filteredOn(v -> v.sensor().equals("operating_mode")).singleElement()
                .satisfies(v -> assertThat(v.text()).isEqualTo("hot_water"));
        assertThat(lines(r)).contains(",operating_mode=3,", ",compressor_starts_total=8123,");
    }

    @Test
    void deadLetterReasonsNameTheFieldAtFault() {
        assertReason(null, "{\"schema_version\":1,\"heatpump_id\":", "not JSON:");
        assertReason(null, "[1,2]", "value is not a JSON object");
        assertReason(null, null, "tombstone (null value) on a topic without tombstones");
        assertReason(null, reading("\"temp_outside\":\"cold\""), "/values/temp_outside: must be a number");
        assertReason(null, reading("\"compressor_running\":1"), "/values/compressor_running: must be a boolean");
        assertReason(null, reading("\"Temp\":1"), "/values: 'Temp' is not a sensor id");
        assertReason(null, reading("\"x\":null"), "/values/x: must be a number, a string or a boolean");
        assertReason(null, reading("\"x\":{\"a\":1}"), "/values/x: must be a number, a string or a boolean");
        assertReason("hp-99999999", reading(""), "key 'hp-99999999' differs from heatpump_id 'hp-0000000c'");
        assertReason(null, reading("").replace("hp-0000000c", "pump-1"), "/heatpump_id: 'pump-1' is not a heat pump id");
        assertReason(null, reading("").replace("\"schema_version\":1,", ""), "/schema_version: missing");
        assertReason(null, reading("").replace("\"schema_version\":1", "\"schema_version\":0"), "/schema_version: must be an integer of at least 1, is 0");
        assertReason(null, reading("").replace("\"manufacturer\":\"nibe\",", ""), "/manufacturer: missing");
        assertReason(null, reading("").replace("2025-01-26T10:00:00.000Z", "yesterday"), "/observed_at: 'yesterday' is not an RFC 3339 time");
        assertReason(null, reading("").replace("2025-01-26T10:00:00.000Z", "2025-01-26T25:00:00.000Z"), "/observed_at: '2025-01-26T25:00:00.000Z' is not a valid time");
        assertReason(null, reading("").replace("2025-01-26T10:00:00.000Z", "2025-01-27T10:00:00.000Z"), "/observed_at: 2025-01-27T10:00:00.000Z lies in the future");
        assertReason(null, reading("").replace(",\"values\":{}", ""), "/values: missing");
        assertReason(null, reading("") + " {}", "not JSON: trailing content after the object");
    }

    @Test
    void aLaterSchemaVersionWithUnknownFieldsIsReadLikeVersionOne() throws Exception {
        Reading r = decoder.reading(record("heatpump.readings", null, reading("\"temp_flow\":30")
                .replace("\"schema_version\":1", "\"schema_version\":3").replace("\"errors\":[]",
                        "\"errors\":[],\"firmware\":{\"version\":\"1.2\"},\"quality\":[1,2]")), NOW);
        assertThat(lines(r)).contains(" temp_flow=30 ");
    }

    @Test
    void observedAtMayHaveAnyOffset() throws Exception {
        Reading r = decoder.reading(record("heatpump.readings", null,
                reading("\"x\":1").replace("2025-01-26T10:00:00.000Z", "2025-01-26T11:00:00+01:00")), NOW);
        assertThat(r.observedAtMs()).isEqualTo(Instant.parse("2025-01-26T10:00:00Z").toEpochMilli());
    }

    @Test
    void anAnomalyNeedsItsScoreAndFlag() {
        String json = Contracts.example("anomalies", "nibe-anomaly.json");
        assertThatThrownBy(() -> decoder.anomaly(record("heatpump.anomalies", null,
                json.replace("\"score\": 0.93,", "")), NOW)).hasMessage("/score: missing");
        assertThatThrownBy(() -> decoder.anomaly(record("heatpump.anomalies", null,
                json.replace("\"is_anomaly\": true", "\"is_anomaly\": \"yes\"")), NOW)).hasMessage("/is_anomaly: must be a boolean");
    }

    private void assertReason(String key, String value, String reason) {
        assertThatThrownBy(() -> decoder.reading(record("heatpump.readings", key, value), NOW))
                .isInstanceOf(UndecodableException.class).hasMessageStartingWith(reason);
    }
}
