package org.heatpumpsuite.ingest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.heatpumpsuite.ingest.IngestProcess;
import org.heatpumpsuite.ingest.bench.Bench.Percentiles;
import org.heatpumpsuite.testsupport.KafkaProcess;
import org.heatpumpsuite.testsupport.Tokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The metrics-ingest benchmark (docs/benchmarks.md, "Metrics ingest"); run by deploy/bench/ingest-benchmark.
 *
 * <ol>
 * <li>Throughput: a topic pre-filled with readings of {@code pumps} pumps, then the packaged service is started and
 * consumes it into a fresh VictoriaMetrics; samples/s from its own counter, checked by counting in VictoriaMetrics.</li>
 * <li>Ceiling: the same samples, encoded beforehand, posted straight to a fresh VictoriaMetrics' import endpoint.</li>
 * <li>Formats (optional): the same samples in each import format, each into a fresh VictoriaMetrics.</li>
 * <li>Freshness: a generator stands in for the polling service and publishes a reading of each of
 * {@code freshnessPumps} pumps every 10 s (observed_at = publish time); for a sample of them the delay until
 * /api/data/{id} shows that observed_at is measured, and also until VictoriaMetrics itself answers with it.</li>
 * </ol>
 */
public final class IngestBenchmark {

    static final String PREFIX = "idm_heatpump";
    static final String READINGS = "heatpump.readings";
    static final int SAMPLES_PER_REQUEST = 15_000;
    static final long CADENCE_MS = 10_000;

    /** What to run. */
    public record Options(int pumps, int readingsPerPump, int partitions, int connections, boolean formats,
            int freshnessPumps, Duration warmup, Duration freshness, int sampleEvery, Path jar, List<String> jvmArgs) {

        static Options parse(String[] args) {
            Map<String, String> a = new java.util.HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("arguments look like --pumps=1000; got " + arg);
                }
                a.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            return new Options(
                    Integer.parseInt(a.getOrDefault("pumps", "1000")),
                    Integer.parseInt(a.getOrDefault("readings-per-pump", "360")),
                    Integer.parseInt(a.getOrDefault("partitions", "12")),
                    Integer.parseInt(a.getOrDefault("connections", "2")),
                    Boolean.parseBoolean(a.getOrDefault("formats", "true")),
                    Integer.parseInt(a.getOrDefault("freshness-pumps", "1000")),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("warmup-seconds", "15"))),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("freshness-seconds", "120"))),
                    Integer.parseInt(a.getOrDefault("sample-every", "10")),
                    Path.of(a.getOrDefault("jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath(),
                    List.of(a.getOrDefault("jvm-args", "-Xmx1g").split(" ")));
        }
    }

    /** One format's import into a fresh VictoriaMetrics. */
    public record FormatResult(double samplesPerSecond, double bytesPerSample, double encodeNanosPerSample) {
    }

    /** The figures. */
    public record Result(long samples, long verifiedSamples, double ingestPerSecond, double warmPerSecond,
            double ingestSeconds, double ceilingPerSecond, double ceilingBefore, double ceilingAfter,
            Map<Formats, FormatResult> formats, Percentiles apiFreshness,
            Percentiles storeFreshness, Percentiles apiLatency, int freshnessTimeouts, String loadBefore,
            String loadAfter, double serviceCpuPerMillion, double vmCpuPerMillion, double otherCores) {

        public double ratio() {
            return ingestPerSecond / ceilingPerSecond;
        }
    }

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Result r = run(o);
        System.out.println(report(o, r));
    }

    public static Result run(Options o) throws Exception {
        Path work = Files.createTempDirectory("ingest-bench-");
        String loadBefore = Bench.loadAverage();
        log("work folder " + work + "; load average " + loadBefore);
        KafkaProcess broker = new KafkaProcess();
        try (KafkaProcess kafka = broker.start()) {
            createTopics(kafka.bootstrapServers(), o.partitions());
            int pumpCount = Math.max(o.pumps(), o.freshnessPumps());

            // 1. pre-fill: readings of the last readingsPerPump x 10 s, in time order, and every pump's config
            long start = System.currentTimeMillis() - o.readingsPerPump() * CADENCE_MS - 60_000;
            List<byte[]> values = new ArrayList<>(o.pumps() * o.readingsPerPump());
            Random rnd = new Random(42);
            for (int k = 0; k < o.readingsPerPump(); k++) {
                for (int p = 0; p < o.pumps(); p++) {
                    values.add(Readings.reading(p, start + k * CADENCE_MS + p * CADENCE_MS / o.pumps(), rnd));
                }
            }
            long expected = (long) values.size() * Readings.SAMPLES_PER_READING;
            try (KafkaProducer<byte[], byte[]> producer = producer(kafka.bootstrapServers())) {
                for (int p = 0; p < pumpCount; p++) {
                    String id = Readings.pumpId(p);
                    producer.send(new ProducerRecord<>("heatpump.config", bytes(id), bytes(config(id))));
                }
                for (byte[] v : values) {
                    producer.send(new ProducerRecord<>(READINGS, bytes(new String(v, 35, 11, StandardCharsets.US_ASCII)), v));
                }
                producer.flush();
            }
            long bytes = values.stream().mapToLong(v -> v.length).sum();
            log("pre-filled " + values.size() + " readings (" + expected + " samples, " + bytes / values.size()
                    + " bytes per reading) for " + o.pumps() + " pumps on " + o.partitions() + " partitions");

            // 2. ceiling: the same samples, encoded beforehand, straight into a fresh VictoriaMetrics; and the
            // other import formats with (at most) the first 2 million samples, each into a fresh one
            Map<Formats, FormatResult> formats = new EnumMap<>(Formats.class);
            formats.put(Formats.INFLUX, importRate(Formats.INFLUX, values, values.size(), work, o.connections()));
            double ceilingBefore = formats.get(Formats.INFLUX).samplesPerSecond();
            log("ceiling before the service's run: " + (long) ceilingBefore + " samples/s");
            if (o.formats()) {
                int subset = Math.min(values.size(), 2_000_000 / Readings.SAMPLES_PER_READING);
                for (Formats f : Formats.values()) {
                    formats.put(f, importRate(f, values, subset, work, o.connections()));
                    log("import " + f + " (" + subset * Readings.SAMPLES_PER_READING + " samples): "
                            + (long) formats.get(f).samplesPerSecond() + " samples/s");
                }
            }

            // 3. the service drains the topic into a fresh VictoriaMetrics
            Path vmDir = Files.createDirectories(work.resolve("vm-ingest"));
            try (BenchVictoriaMetrics vm = new BenchVictoriaMetrics(vmDir);
                    IngestProcess ingest = new IngestProcess(o.jar(), work, kafka.bootstrapServers(), vm.url(), o.jvmArgs())) {
                long t0 = System.nanoTime();
                double vmCpu0 = vm.cpuSeconds();
                double serviceCpu0 = 0;
                double serviceCpuHalf = 0;
                double system0 = 0;
                double ours0 = 0;
                long halfAt = 0;
                double halfCount = 0;
                long firstAt = 0;
                double firstCount = 0;
                double count = 0;
                long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
                while (count < expected) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("only " + count + " of " + expected + " samples in 10 min; see " + ingest.log);
                    }
                    Bench.sleep(firstAt == 0 ? 20 : 250); // scraping /q/metrics costs the service CPU
                    count = ingest.counter("ingest_samples_written_total");
                    if (firstAt == 0 && count > 0) {
                        firstAt = System.nanoTime();
                        firstCount = count;
                        serviceCpu0 = Bench.cpuSeconds(ingest.pid());
                        system0 = Bench.systemBusySeconds();
                        ours0 = Bench.benchmarkCpuSeconds();
                    }
                    if (halfAt == 0 && count >= expected / 2.0) {
                        halfAt = System.nanoTime();
                        halfCount = count;
                        serviceCpuHalf = Bench.cpuSeconds(ingest.pid());
                    }
                }
                long doneAt = System.nanoTime();
                if (count - firstCount < expected / 2.0) {
                    // a tiny topic drained before the first look: measure from the process start instead (slower)
                    firstAt = t0;
                    firstCount = 0;
                }
                double drainSeconds = (doneAt - firstAt) / 1e9;
                double others = (Bench.systemBusySeconds() - system0 - (Bench.benchmarkCpuSeconds() - ours0)) / drainSeconds;
                log(String.format("other processes on the machine used %.2f cores during the drain", Math.max(0, others)));
                // CPU per sample hardly depends on what else runs on the machine
                double serviceCpu = (Bench.cpuSeconds(ingest.pid()) - serviceCpu0) * 1e6 / (count - firstCount);
                double vmCpu = (vm.cpuSeconds() - vmCpu0) * 1e6 / expected;
                double serviceCpuWarm = (Bench.cpuSeconds(ingest.pid()) - serviceCpuHalf) * 1e6 / Math.max(1, count - halfCount);
                log(String.format("CPU per million samples: service %.2f s (from its first write; %.2f s in the second half),"
                        + " VictoriaMetrics %.2f s", serviceCpu, serviceCpuWarm, vmCpu));
                double seconds = (doneAt - firstAt) / 1e9;
                double rate = (count - firstCount) / seconds;
                double warmRate = doneAt > halfAt ? (count - halfCount) / ((doneAt - halfAt) / 1e9) : rate;
                log("service: " + (long) rate + " samples/s (" + (long) (count - firstCount) + " samples in "
                        + String.format("%.2f", seconds) + " s after the first write; "
                        + String.format("%.1f", (doneAt - t0) / 1e9) + " s from process start)");
                long verified = vm.countSamples(PREFIX, Duration.ofMillis(System.currentTimeMillis() - start + 60_000));
                log("service, second half of the drain (JIT warmed up): " + (long) warmRate + " samples/s");
                log("VictoriaMetrics counts " + verified + " samples (expected " + expected + ")");

                // the ceiling once more, right after, so both sides of the ratio see about the same machine load
                double ceilingAfter = importRate(Formats.INFLUX, values, values.size(), work, o.connections()).samplesPerSecond();
                // the higher of the two: the first one often runs while the broker still writes the pre-fill away
                double ceiling = Math.max(ceilingBefore, ceilingAfter);
                log("ceiling after the service's run: " + (long) ceilingAfter + " samples/s; taken: " + (long) ceiling);
                values = null;

                // 4. freshness while freshnessPumps pumps report every 10 s
                Freshness fresh = freshness(o, kafka.bootstrapServers(), ingest, vm);
                return new Result(expected, verified, rate, warmRate, seconds, ceiling, ceilingBefore, ceilingAfter,
                        formats, fresh.api, fresh.store, fresh.latency, fresh.timeouts, loadBefore, Bench.loadAverage(),
                        serviceCpu, vmCpu, Math.max(0, others));
            }
        } finally {
            Bench.deleteTree(work);
            Bench.deleteKafkaFolder(broker.port());
        }
    }

    /** Encodes the first {@code count} readings, then times their import (encoding is not part of the time). */
    private static FormatResult importRate(Formats format, List<byte[]> values, int count, Path work,
            int connections) throws IOException {
        long samples = (long) count * Readings.SAMPLES_PER_READING;
        long e0 = System.nanoTime();
        List<byte[]> bodies = format.encode(values.subList(0, count), PREFIX, SAMPLES_PER_REQUEST);
        double encodeNs = (System.nanoTime() - e0) / (double) samples;
        long size = bodies.stream().mapToLong(b -> b.length).sum();
        Path dir = Files.createDirectories(work.resolve("vm-" + format.name().toLowerCase()));
        try (BenchVictoriaMetrics vm = new BenchVictoriaMetrics(dir)) {
            ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>(bodies);
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            long t0 = System.nanoTime();
            List<java.util.concurrent.Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                jobs.add(pool.submit(() -> {
                    byte[] b;
                    while ((b = queue.poll()) != null) {
                        vm.post(format.path, b);
                    }
                }));
            }
            for (var j : jobs) {
                try {
                    j.get();
                } catch (Exception e) {
                    throw new IllegalStateException("import " + format + " failed", e);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            return new FormatResult(samples / seconds, size / (double) samples, encodeNs);
        } finally {
            Bench.deleteTree(dir);
        }
    }

    private record Freshness(Percentiles api, Percentiles store, Percentiles latency, int timeouts) {
    }

    private static Freshness freshness(Options o, String bootstrap, IngestProcess ingest, BenchVictoriaMetrics vm)
            throws InterruptedException {
        ingest.awaitReady(60_000);
        String token = Tokens.viewer();
        List<Long> api = Collections.synchronizedList(new ArrayList<>());
        List<Long> store = Collections.synchronizedList(new ArrayList<>());
        List<Long> latency = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger timeouts = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        long measureFrom = System.currentTimeMillis() + o.warmup().toMillis();
        long measureUntil = measureFrom + o.freshness().toMillis();
        ScheduledExecutorService pumps = Executors.newScheduledThreadPool(2);
        ExecutorService checks = Executors.newFixedThreadPool(32);
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            Random rnd = new Random(7);
            for (int p = 0; p < o.freshnessPumps(); p++) {
                int pump = p;
                long phase = p * CADENCE_MS / o.freshnessPumps();
                pumps.scheduleAtFixedRate(() -> {
                    long now = System.currentTimeMillis();
                    byte[] v;
                    synchronized (rnd) {
                        v = Readings.reading(pump, now, rnd);
                    }
                    producer.send(new ProducerRecord<>(READINGS, bytes(Readings.pumpId(pump)), v));
                    sent.incrementAndGet();
                    if (pump % o.sampleEvery() == 0 && now >= measureFrom && now < measureUntil) {
                        checks.submit(() -> check(ingest, vm, token, Readings.pumpId(pump), now, api, store, latency, timeouts));
                    }
                }, phase, CADENCE_MS, TimeUnit.MILLISECONDS);
            }
            log("freshness: " + o.freshnessPumps() + " pumps every 10 s, warm-up " + o.warmup().toSeconds()
                    + " s, measuring " + o.freshness().toSeconds() + " s on every " + o.sampleEvery() + ". pump");
            Thread.sleep(Math.max(0, measureUntil - System.currentTimeMillis()));
            pumps.shutdownNow();
            checks.shutdown();
            checks.awaitTermination(60, TimeUnit.SECONDS);
        }
        log("freshness: sent " + sent.get() + " readings");
        return new Freshness(Percentiles.of(api), Percentiles.of(store), Percentiles.of(latency), timeouts.get());
    }

    /** Polls until /api/data and VictoriaMetrics show the reading observed at {@code observedAt}. */
    private static void check(IngestProcess ingest, BenchVictoriaMetrics vm, String token, String id, long observedAt,
            List<Long> api, List<Long> store, List<Long> latency, AtomicInteger timeouts) {
        String vmQuery = "/api/v1/query?query=" + URLEncoder.encode("tlast_over_time(" + PREFIX
                + "_temp_outside{heatpump_id=\"" + id + "\"}[5m])", StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingest.url() + "/api/data/" + id))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
        boolean seenApi = false;
        boolean seenStore = false;
        long deadline = observedAt + 30_000;
        while ((!seenApi || !seenStore) && System.currentTimeMillis() < deadline) {
            try {
                if (!seenApi) {
                    long t0 = System.currentTimeMillis();
                    HttpResponse<String> r = BenchVictoriaMetrics.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    long t1 = System.currentTimeMillis();
                    latency.add(t1 - t0);
                    JsonNode at = Bench.JSON.readTree(r.body()).at("/values/temp_outside/observed_at");
                    if (!at.isMissingNode() && Instant.parse(at.asText()).toEpochMilli() >= observedAt) {
                        api.add(t1 - observedAt);
                        seenApi = true;
                    }
                }
                if (!seenStore) {
                    JsonNode result = Bench.JSON.readTree(vm.get(vmQuery)).at("/data/result/0/value/1");
                    long t1 = System.currentTimeMillis();
                    if (!result.isMissingNode() && Math.round(Double.parseDouble(result.asText()) * 1000) >= observedAt) {
                        store.add(t1 - observedAt);
                        seenStore = true;
                    }
                }
                Bench.sleep(20);
            } catch (IOException | RuntimeException e) {
                Bench.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!seenApi) {
            timeouts.incrementAndGet();
        }
    }

    private static void createTopics(String bootstrap, int partitions) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            List<NewTopic> topics = new ArrayList<>();
            for (String t : List.of(READINGS, "heatpump.anomalies")) {
                topics.add(new NewTopic(t, partitions, (short) 1));
                topics.add(new NewTopic(t + ".dlq", partitions, (short) 1));
            }
            topics.add(new NewTopic("heatpump.config", partitions, (short) 1).configs(Map.of("cleanup.policy", "compact")));
            topics.add(new NewTopic("heatpump.config.dlq", partitions, (short) 1));
            topics.add(new NewTopic("heatpump.catalogue", 1, (short) 1).configs(Map.of("cleanup.policy", "compact")));
            topics.add(new NewTopic("heatpump.catalogue.dlq", 1, (short) 1));
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static String config(String id) {
        return "{\"schema_version\":1,\"heatpump_id\":\"" + id + "\",\"name\":\"Bench\",\"manufacturer\":\"nibe\","
                + "\"model\":\"s1255\",\"enabled\":true,\"connection\":{\"host\":\"127.0.0.1\",\"port\":502,\"unit_id\":1,"
                + "\"timeout_ms\":1000,\"retries\":1},\"poll_interval_s\":10,\"device_config\":{},\"share_data\":false,"
                + "\"updated_at\":\"2026-01-01T00:00:00.000Z\"}";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void log(String message) {
        System.err.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }

    static String report(Options o, Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("\n### Run ").append(Instant.now().toString(), 0, 16).append("Z\n\n");
        sb.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (")
                .append(Bench.cpuModel()).append("), load average before ").append(r.loadBefore()).append(", after ")
                .append(r.loadAfter()).append("; ").append(("VictoriaMetrics " + Bench.command("dpkg-query", "-W", "-f=${Version}", "victoria-metrics")))
                .append("; Java ").append(System.getProperty("java.version")).append("; service JVM ")
                .append(String.join(" ", o.jvmArgs())).append(".\n\n");
        sb.append("| Figure | Value |\n|---|---|\n");
        sb.append(String.format("| Samples (%d pumps x %d readings x %d) | %,d (VictoriaMetrics counted %,d) |%n",
                o.pumps(), o.readingsPerPump(), Readings.SAMPLES_PER_READING, r.samples(), r.verifiedSamples()));
        sb.append(String.format("| Service: Kafka -> VictoriaMetrics, whole drain from a cold start | **%,.0f samples/s** (%.1f s from its first write) |%n",
                r.ingestPerSecond(), r.ingestSeconds()));
        sb.append(String.format("| VictoriaMetrics' own import ceiling (same samples pre-encoded, Influx, %d connections, fresh instance; before / after the service's run, the higher counts) | %,.0f / %,.0f samples/s → **%,.0f** |%n",
                o.connections(), r.ceilingBefore(), r.ceilingAfter(), r.ceilingPerSecond()));
        sb.append(String.format("| Ratio service / ceiling | **%.0f %%** |%n", 100 * r.ratio()));
        sb.append(String.format("| Cores used by other processes (other engineers' builds) during the drain | %.2f of %d |%n",
                r.otherCores(), Runtime.getRuntime().availableProcessors()));
        sb.append(String.format("| Service, second half of the drain (JIT warmed up) | %,.0f samples/s (%.0f %% of the ceiling) |%n",
                r.warmPerSecond(), 100 * r.warmPerSecond() / r.ceilingPerSecond()));
        sb.append(String.format("| CPU seconds per million samples: service (from its first write) / VictoriaMetrics | %.2f s / %.2f s |%n",
                r.serviceCpuPerMillion(), r.vmCpuPerMillion()));
        sb.append(String.format("| Freshness observed_at -> visible in /api/data/{id} | %s |%n", r.apiFreshness()));
        sb.append(String.format("| Freshness observed_at -> VictoriaMetrics query answers it | %s |%n", r.storeFreshness()));
        sb.append(String.format("| /api/data/{id} latency while measuring | %s |%n", r.apiLatency()));
        sb.append(String.format("| Readings never seen within 30 s | %d |%n", r.freshnessTimeouts()));
        if (r.formats().size() > 1) {
            sb.append("\n| Import format (first 2 M samples) | samples/s into a fresh VictoriaMetrics | bytes/sample | decode + encode ns/sample (1 thread) |\n|---|---|---|---|\n");
            r.formats().forEach((f, x) -> sb.append(String.format("| %s `%s` | %,.0f | %.1f | %.0f |%n", f, f.path,
                    x.samplesPerSecond(), x.bytesPerSample(), x.encodeNanosPerSample())));
        }
        return sb.toString();
    }
}
