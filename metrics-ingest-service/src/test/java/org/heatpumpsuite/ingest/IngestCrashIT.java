package org.heatpumpsuite.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.LongStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.heatpumpsuite.ingest.Fixtures.Exported;
import org.heatpumpsuite.testsupport.KafkaProcess;
import org.heatpumpsuite.testsupport.Topics;
import org.heatpumpsuite.testsupport.VictoriaMetricsProcess;
import org.junit.jupiter.api.Test;

/**
 * The packaged service is killed with SIGKILL while it writes a topic full of readings to VictoriaMetrics (some
 * samples stored, most not), then started again: every sample is stored exactly once — nothing lost (offsets were
 * committed only for batches VictoriaMetrics had accepted), nothing doubled (the batches written again after the
 * restart land on the same series and timestamps, which VictoriaMetrics' -dedup.minScrapeInterval=1ms keeps once).
 */
class IngestCrashIT {

    static final int PUMPS = 300;
    static final int READINGS = 200;
    static final int VALUES = 3;
    static final long TOTAL = (long) PUMPS * READINGS * VALUES;
    /** Small batches and requests: many writes, so the kill lands in the middle of the stream. */
    static final List<String> JVM = List.of("-Xmx256m",
            "-Dmp.messaging.incoming.samples.max.poll.records=200",
            "-Dingest.write.max-samples-per-request=300");

    @Test
    void everySampleIsStoredExactlyOnceAfterAKillInTheMiddleOfABatch() throws Exception {
        Path dir = Files.createTempDirectory("ingest-crash-");
        try (KafkaProcess broker = new KafkaProcess().start(); VictoriaMetricsProcess vm = new VictoriaMetricsProcess().start()) {
            Topics.createAll(broker.bootstrapServers());
            List<String> ids = new ArrayList<>();
            for (int p = 0; p < PUMPS; p++) {
                ids.add(Fixtures.pumpId());
            }
            Instant t0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            fill(broker.bootstrapServers(), ids, t0);

            long atKill;
            try (IngestProcess first = new IngestProcess(IngestProcess.packagedJar(), dir, broker.bootstrapServers(), vm.url(), JVM)) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10))
                        .until(() -> !first.isAlive() || first.counter("ingest_samples_written_total") >= TOTAL / 10);
                first.kill();
                atKill = stored(vm);
            }
            assertThat(atKill).as("samples stored when the service was killed").isPositive().isLessThan(TOTAL);

            try (IngestProcess second = new IngestProcess(IngestProcess.packagedJar(), dir, broker.bootstrapServers(), vm.url(), JVM)) {
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> stored(vm) >= TOTAL);
                // the second instance re-wrote what the first had written but not committed
                assertThat(second.counter("ingest_samples_written_total")).isGreaterThan(TOTAL - atKill - 1);
            }

            List<Exported> series = Fixtures.export(vm, "{__name__=~\"idm_heatpump_.+\"}");
            assertThat(series).hasSize(PUMPS * VALUES);
            Long[] expected = LongStream.range(0, READINGS).map(i -> t0.toEpochMilli() + i * 10_000L).boxed().toArray(Long[]::new);
            Double[] flow = LongStream.range(0, READINGS).mapToObj(i -> 20.0 + i % 50).toArray(Double[]::new);
            for (Exported s : series) {
                assertThat(s.timestamps()).as(s.labels().toString()).containsExactly(expected);
                if (s.name().equals("idm_heatpump_temp_flow")) {
                    assertThat(s.values()).as(s.labels().toString()).containsExactly(flow);
                }
            }
        }
    }

    /** Every reading of every pump, produced before the service starts. */
    static void fill(String bootstrap, List<String> ids, Instant t0) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < READINGS; i++) {
                for (String id : ids) {
                    producer.send(new ProducerRecord<>("heatpump.readings", id, Fixtures.reading(id,
                            t0.plusSeconds(10L * i), "\"temp_flow\":" + (20 + i % 50) + ",\"temp_outside\":-1.5,\"compressor_running\":"
                                    + (i % 2 == 0))));
                }
            }
            producer.flush();
        }
    }

    /** Samples VictoriaMetrics holds (each series' distinct timestamps, after dedup), after a flush. */
    static long stored(VictoriaMetricsProcess vm) {
        return Fixtures.export(vm, "{__name__=~\"idm_heatpump_.+\"}").stream()
                .mapToLong(s -> s.timestamps().stream().distinct().count()).sum();
    }
}
