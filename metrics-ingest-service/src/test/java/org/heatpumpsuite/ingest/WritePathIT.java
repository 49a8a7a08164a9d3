package org.heatpumpsuite.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.heatpumpsuite.ingest.Fixtures.Exported;
import org.heatpumpsuite.testsupport.Contracts;
import org.heatpumpsuite.testsupport.KafkaClient;
import org.heatpumpsuite.testsupport.KafkaResource;
import org.heatpumpsuite.testsupport.TokenResource;
import org.heatpumpsuite.testsupport.VictoriaMetricsProcess;
import org.heatpumpsuite.testsupport.VictoriaMetricsResource;
import org.heatpumpsuite.testsupport.VictoriaMetricsResource.InjectVictoriaMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Readings and anomaly scores become VictoriaMetrics series; undecodable records go to the DLQ without blocking. */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(VictoriaMetricsResource.class)
@WithTestResource(TokenResource.class)
class WritePathIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @InjectVictoriaMetrics
    VictoriaMetricsProcess vm;

    static KafkaClient kafka;
    static RawKafka raw;

    @BeforeAll
    static void connect() {
        kafka = new KafkaClient(KafkaResource.bootstrapServers());
        raw = new RawKafka(KafkaResource.bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
        raw.close();
    }

    @Test
    void aReadingBecomesOneSeriesPerValueWithStableLabelsOnly() {
        String id = Fixtures.pumpId();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String json = Contracts.example("readings", "idm-navigator-2-0.json").replace("hp-3f9a1c27", id)
                .replace("2025-01-26T10:00:00.000Z", Fixtures.time(at));
        Contracts.assertValid("readings", json);
        kafka.send("heatpump.readings", id, json);

        List<Exported> series = await().atMost(WAIT).until(() -> Fixtures.export(vm, "{heatpump_id=\"" + id + "\"}"),
                s -> s.size() == 17);
        for (Exported s : series) {
            assertThat(s.labels()).as(s.name()).containsOnlyKeys("__name__", "heatpump_id", "manufacturer", "model")
                    .containsEntry("heatpump_id", id).containsEntry("manufacturer", "idm")
                    .containsEntry("model", "navigator_2_0");
            assertThat(s.name()).startsWith("idm_heatpump_");
            assertThat(s.timestamps()).containsExactly(at.toEpochMilli());
        }
        assertThat(Fixtures.series(series, "idm_heatpump_temp_outside").values()).containsExactly(-5.5);
        assertThat(Fixtures.series(series, "idm_heatpump_compressor_running").values()).containsExactly(1.0);
        assertThat(Fixtures.series(series, "idm_heatpump_operating_mode").values()).containsExactly(2.0); // heating
        assertThat(Fixtures.series(series, "idm_heatpump_energy_thermal_total").values()).containsExactly(45213.4);
    }

    @Test
    void freeStringsAreCountedNotWritten() {
        String id = Fixtures.pumpId();
        double before = freeStrings();
        kafka.send("heatpump.readings", id, Fixtures.reading(id, Instant.now(), "\"error_code\":\"U8\",\"temp_flow\":31.5"));

        await().atMost(WAIT).until(() -> Fixtures.export(vm, "{heatpump_id=\"" + id + "\"}"), s -> s.size() == 1);
        assertThat(Fixtures.export(vm, "{heatpump_id=\"" + id + "\"}")).extracting(Exported::name)
                .containsExactly("idm_heatpump_temp_flow");
        await().atMost(WAIT).until(() -> freeStrings() >= before + 1);
    }

    @Test
    void anomalyScoresAreWrittenBesideTheReadings() {
        String id = Fixtures.pumpId();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String json = Contracts.example("anomalies", "nibe-anomaly.json").replace("hp-8b20d4e1", id)
                .replace("2025-01-26T10:00:02.137Z", Fixtures.time(at));
        kafka.send("heatpump.anomalies", id, json);

        List<Exported> series = await().atMost(WAIT).until(() -> Fixtures.export(vm, "{heatpump_id=\"" + id + "\"}"),
                s -> s.size() == 2);
        assertThat(Fixtures.series(series, "idm_heatpump_anomaly_score").values()).containsExactly(0.93);
        assertThat(Fixtures.series(series, "idm_heatpump_anomaly_detected").values()).containsExactly(1.0);
        assertThat(Fixtures.series(series, "idm_heatpump_anomaly_score").timestamps()).containsExactly(at.toEpochMilli());
    }

    @Test
    void undecodableRecordsGoToTheDeadLetterTopicAndLaterRecordsOfTheirPartitionArrive() {
        String id = Fixtures.pumpId();
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        byte[] notJson = "{\"schema_version\":1,\"heatpump_id\":".getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = { 0x00, (byte) 0xff, (byte) 0xfe, 0x7b };
        byte[] wrongType = Fixtures.reading(id, Instant.now(), "\"compressor_running\":\"yes\"").getBytes(StandardCharsets.UTF_8);
        // same key, so the same partition, each bad record before the good ones
        raw.send("heatpump.readings", key, notJson);
        raw.send("heatpump.readings", key, notUtf8);
        ProducerRecord<byte[], byte[]> traced = new ProducerRecord<>("heatpump.readings", key, wrongType);
        traced.headers().add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8));
        raw.send(traced);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        kafka.send("heatpump.readings", id, Fixtures.reading(id, at, "\"temp_flow\":33.3"));

        List<ConsumerRecord<byte[], byte[]>> dead = raw.await("heatpump.readings.dlq",
                r -> r.key() != null && id.equals(new String(r.key(), StandardCharsets.UTF_8)), 3, WAIT);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(notJson, notUtf8, wrongType);
        Map<String, String> third = headers(dead.get(2));
        assertThat(third).containsEntry("dead-letter-topic", "heatpump.readings")
                .containsEntry("dead-letter-reason", "/values/compressor_running: must be a boolean")
                .containsKey("dead-letter-partition").containsKey("dead-letter-offset");
        assertThat(headers(dead.get(0)).get("dead-letter-reason")).startsWith("not JSON");
        assertThat(Long.parseLong(headers(dead.get(1)).get("dead-letter-offset")))
                .isEqualTo(Long.parseLong(headers(dead.get(0)).get("dead-letter-offset")) + 1);
        assertThat(dead.get(0).partition()).isEqualTo(Integer.parseInt(third.get("dead-letter-partition")));
        assertThat(third).containsEntry("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        for (ConsumerRecord<byte[], byte[]> d : dead) {
            Contracts.assertValid("heatpump.readings.dlq", view(d));
        }

        List<Exported> series = await().atMost(WAIT).until(() -> Fixtures.export(vm, "{heatpump_id=\"" + id + "\"}"),
                s -> s.size() == 1);
        assertThat(series.get(0).values()).containsExactly(33.3);
        assertThat(series.get(0).timestamps()).containsExactly(at.toEpochMilli());
    }

    /** The JSON view of a dead letter that docs/contracts/dlq.schema.json describes. */
    static String view(ConsumerRecord<byte[], byte[]> r) {
        var view = Fixtures.JSON.createObjectNode();
        view.put("key", r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8));
        try {
            view.put("value", StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(r.value())).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            view.put("value", java.util.Base64.getEncoder().encodeToString(r.value()));
            view.put("value_encoding", "base64");
        }
        var headers = view.putObject("headers");
        headers(r).forEach(headers::put);
        return view.toString();
    }

    static Map<String, String> headers(ConsumerRecord<byte[], byte[]> r) {
        Map<String, String> h = new java.util.HashMap<>();
        r.headers().forEach(x -> h.put(x.key(), new String(x.value(), StandardCharsets.UTF_8))); // last value wins
        return h;
    }

    static double freeStrings() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("ingest_free_strings_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
