package org.heatpumpsuite.polling.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.heatpumpsuite.testsupport.ProcessStats;
import org.heatpumpsuite.testsupport.KafkaProcess;
import org.heatpumpsuite.testsupport.Ports;
import org.heatpumpsuite.testsupport.Tokens;
import org.heatpumpsuite.testsupport.Topics;

/**
 * The polling load benchmark (docs/benchmarks.md, "Polling load"); run by deploy/bench/polling-benchmark.
 * <p>
 * For each pump count N: a Kafka broker in its own process, N simulated pumps in their own JVM
 * ({@link SimulatorMain}, an equal share of each model family), the packaged polling-service (prod profile, one replica)
 * with a config record per pump at its model's default interval. After a warm-up, a measurement window: p99 of the
 * cycle lateness from the {@code polling_cycle_lateness_seconds} histogram, Modbus requests/s from
 * {@code polling_modbus_requests_per_cycle_sum}, polls by outcome, and CPU (from /proc/pid/stat) and RSS (VmRSS) of the
 * poller and the simulator. The largest N whose p99 is at most 1 s is the figure.
 */
public final class PollingBenchmark {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What to run. */
    public record Options(List<Integer> steps, Duration warmup, Duration window, Path jar, List<String> jvmArgs,
            List<String> simulatorJvmArgs, boolean stopAtFailure) {

        static Options parse(String[] args) {
            Map<String, String> a = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("arguments look like --pumps=500,1000; got " + arg);
                }
                a.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            List<Integer> steps = new ArrayList<>();
            for (String s : a.getOrDefault("pumps", "500,1000,2000,3000,5000").split(",")) {
                steps.add(Integer.parseInt(s.trim()));
            }
            return new Options(steps, Duration.ofSeconds(Long.parseLong(a.getOrDefault("warmup-seconds", "60"))),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("window-seconds", "120"))),
                    Path.of(a.getOrDefault("jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath(),
                    List.of(a.getOrDefault("jvm-args", "-Xmx1g").split(" ")),
                    List.of(a.getOrDefault("simulator-jvm-args", "-Xmx1g").split(" ")),
                    Boolean.parseBoolean(a.getOrDefault("stop-at-failure", "true")));
        }
    }

    /** The figures of one pump count. */
    public record Step(int pumps, int polled, long polls, long failedPolls, long latenessCount, double p99Seconds,
            double shareWithinOneSecond, double maxBucketSeconds, double requestsPerSecond, double pollsPerSecond,
            double pollerCpuPercent, double simulatorCpuPercent, double kafkaCpuPercent, long pollerRssMb,
            long simulatorRssMb, double dropped, String load) {

        /** p99 of the cycle lateness at most 1 s (at least 99 % of the window's polls started at most 1 s late). */
        public boolean meetsObjective() {
            return latenessCount > 0 && shareWithinOneSecond >= 0.99;
        }
    }

    private PollingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        List<Step> steps = new ArrayList<>();
        for (int n : o.steps()) {
            Step s = run(n, o);
            steps.add(s);
            log(row(s));
            if (!s.meetsObjective() && o.stopAtFailure()) {
                break;
            }
        }
        System.out.println(report(o, steps));
        System.exit(0);
    }

    /** One pump count, from a fresh broker, simulator and poller to the figures. */
    public static Step run(int pumps, Options o) throws Exception {
        Path work = Files.createTempDirectory("polling-bench-");
        log("N=" + pumps + ": work folder " + work + ", load average " + loadAverage());
        try (KafkaProcess kafka = new KafkaProcess().start()) {
            Topics.createAll(kafka.bootstrapServers());
            return measure(pumps, o, work, kafka);
        } finally {
            deleteTree(work);
        }
    }

    private static Step measure(int pumps, Options o, Path work, KafkaProcess kafka) throws Exception {
        try (Child simulator = startSimulator(pumps, work, o.simulatorJvmArgs())) {
            // the poller's HTTP port is chosen once the pumps listen: they take thousands of free ports
            List<String[]> ports = awaitPorts(work.resolve("ports"), simulator, pumps);
            try (Child poller = startPoller(o, work, kafka.bootstrapServers())) {
                return measure(pumps, o, kafka, simulator, poller, ports);
            }
        }
    }

    private static Step measure(int pumps, Options o, KafkaProcess kafka, Child simulator, Child poller, List<String[]> ports)
            throws Exception {
        String url = "http://127.0.0.1:" + poller.port;
        awaitReady(url, poller);
        sendConfigs(kafka.bootstrapServers(), ports);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (gauge(scrape(url), "polling_polled_pumps") < pumps && System.nanoTime() < deadline) {
            sleep(500);
        }
        log("N=" + pumps + ": " + (int) gauge(scrape(url), "polling_polled_pumps") + " pumps polled; warming up "
                + o.warmup().toSeconds() + " s");
        sleep(o.warmup().toMillis());

        long kafkaPid = kafkaPid(kafka);
        String before = scrape(url);
        double pollerCpu0 = ProcessStats.cpuSeconds(poller.process.pid());
        double simCpu0 = ProcessStats.cpuSeconds(simulator.process.pid());
        double kafkaCpu0 = kafkaPid < 0 ? -1 : ProcessStats.cpuSeconds(kafkaPid);
        long t0 = System.nanoTime();
        sleep(o.window().toMillis());
        String after = scrape(url);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double pollerCpu = (ProcessStats.cpuSeconds(poller.process.pid()) - pollerCpu0) / seconds * 100;
        double simCpu = (ProcessStats.cpuSeconds(simulator.process.pid()) - simCpu0) / seconds * 100;
        double kafkaCpu = kafkaPid < 0 ? -1 : (ProcessStats.cpuSeconds(kafkaPid) - kafkaCpu0) / seconds * 100;

        TreeMap<Double, Double> buckets = new TreeMap<>();
        latenessBuckets(after).forEach((le, c) -> buckets.put(le, c - latenessBuckets(before).getOrDefault(le, 0.0)));
        double count = buckets.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        double within = buckets.getOrDefault(1.0, 0.0);
        double maxBucket = 0;
        double previous = 0;
        for (Map.Entry<Double, Double> b : buckets.entrySet()) {
            if (b.getValue() > previous) {
                maxBucket = b.getKey();
            }
            previous = b.getValue();
        }
        double polls = sum(after, "polling_polls_total") - sum(before, "polling_polls_total");
        double failed = sum(after, "polling_polls_total", "outcome=\"failed\"")
                - sum(before, "polling_polls_total", "outcome=\"failed\"");
        double requests = sum(after, "polling_modbus_requests_per_cycle_sum")
                - sum(before, "polling_modbus_requests_per_cycle_sum");
        return new Step(pumps, (int) gauge(after, "polling_polled_pumps"), Math.round(polls), Math.round(failed),
                Math.round(count), percentile(buckets, 0.99), count == 0 ? 0 : within / count, maxBucket,
                requests / seconds, polls / seconds, pollerCpu, simCpu, kafkaCpu, ProcessStats.rssMb(poller.process.pid()),
                ProcessStats.rssMb(simulator.process.pid()), sum(after, "polling_readings_dropped_total"), loadAverage());
    }

    // ---- processes

    /** A JVM the benchmark started; closing it ends it. */
    static final class Child implements AutoCloseable {
        final Process process;
        final Path log;
        final int port;

        Child(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.port = port;
        }

        @Override
        public void close() {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // gone already
            }
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Child startSimulator(int pumps, Path work, List<String> jvmArgs) {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SimulatorMain.class.getName(),
                Integer.toString(pumps), work.resolve("ports").toString()));
        return start(cmd, work.resolve("simulator.log"), Map.of(), 0);
    }

    static Child startPoller(Options o, Path work, String kafka) {
        if (!Files.isRegularFile(o.jar())) {
            throw new IllegalStateException(o.jar() + " is missing: mvn -pl polling-service package -DskipTests");
        }
        int port = Ports.free();
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(o.jvmArgs());
        cmd.addAll(List.of("-jar", o.jar().toString()));
        Map<String, String> env = Map.of("QUARKUS_HTTP_PORT", Integer.toString(port), "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", Tokens.publicKeyPem().toUri().toString(),
                // one line per failed poll would measure the log, not the poller
                "QUARKUS_LOG_CATEGORY__ORG_HEATPUMPSUITE__LEVEL", "WARN");
        return start(cmd, work.resolve("polling-service.log"), env, port);
    }

    private static Child start(List<String> cmd, Path log, Map<String, String> env, int port) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        try {
            return new Child(pb.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String[]> awaitPorts(Path file, Child simulator, int pumps) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.exists(file)) {
            if (!simulator.process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("simulated pumps did not start; see " + Files.readString(simulator.log));
            }
            sleep(200);
        }
        List<String[]> ports = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> l.split(" ")).toList();
        if (ports.size() != pumps) {
            throw new IllegalStateException(ports.size() + " simulated pumps instead of " + pumps);
        }
        return ports;
    }

    static void awaitReady(String url, Child poller) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!poller.process.isAlive()) {
                throw new IllegalStateException("polling-service exited: " + Files.readString(poller.log));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("polling-service not ready; see " + poller.log);
    }

    /** One config record per pump (heatpump_id hp-b + 7 hex digits), interval null: the model's default. */
    static void sendConfigs(String bootstrap, List<String[]> ports) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < ports.size(); i++) {
                String[] pump = ports.get(i);
                String id = String.format("hp-b%07x", i);
                boolean lux = "luxtronik".equals(pump[0]);
                producer.send(new ProducerRecord<>("heatpump.config", id, """
                        {"schema_version":1,"heatpump_id":"%s","name":"Bench %d","manufacturer":"%s","model":"%s","enabled":true,
                         "connection":{"host":"127.0.0.1","port":%s,"unit_id":%s,"timeout_ms":3000,"retries":1},
                         "poll_interval_s":null,"device_config":{},"share_data":false,"updated_at":"2026-11-27T08:00:00Z"}
                        """.formatted(id, i, pump[0], pump[1], pump[2], lux ? "null" : "1")));
            }
            producer.flush();
        }
    }

    // ---- metrics

    static String scrape(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sum of a metric's series whose labels contain every one of {@code labels}. */
    static double sum(String metrics, String name, String... labels) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> List.of(labels).stream().allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static double gauge(String metrics, String name) {
        return sum(metrics, name);
    }

    /** Cumulative lateness bucket counts (le → count), summed over every model. */
    static Map<Double, Double> latenessBuckets(String metrics) {
        Map<Double, Double> buckets = new TreeMap<>();
        for (String line : metrics.lines().toList()) {
            if (line.startsWith("polling_cycle_lateness_seconds_bucket{")) {
                int at = line.indexOf("le=\"") + 4;
                String le = line.substring(at, line.indexOf('"', at));
                buckets.merge("+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le),
                        Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
            }
        }
        return buckets;
    }

    /** A quantile from cumulative buckets, interpolated linearly inside its bucket (as Prometheus does); NaN if empty. */
    static double percentile(TreeMap<Double, Double> cumulative, double q) {
        double count = cumulative.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (count <= 0) {
            return Double.NaN;
        }
        double rank = q * count;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> b : cumulative.entrySet()) {
            if (b.getValue() >= rank) {
                if (b.getKey().isInfinite()) {
                    return lowerBound; // beyond the last finite bucket: its bound is all we know
                }
                double inBucket = b.getValue() - lowerCount;
                return inBucket <= 0 ? b.getKey() : lowerBound + (b.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = b.getKey();
            lowerCount = b.getValue();
        }
        return lowerBound;
    }

    // ---- /proc

    /** The broker's pid: the child process of this JVM that runs kafka.Kafka with this broker's folder. */
    static long kafkaPid(KafkaProcess kafka) {
        return ProcessHandle.current().children().filter(p -> {
            try {
                return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).contains("kafka.Kafka");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }).mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    // ---- report

    static String report(Options o, List<Step> steps) {
        StringBuilder b = new StringBuilder();
        b.append("\n## Polling load\n\n");
        b.append(String.format(Locale.ROOT, "warm-up %d s, window %d s, poller %s, simulator %s, %d cores%n%n",
                o.warmup().toSeconds(), o.window().toSeconds(), String.join(" ", o.jvmArgs()),
                String.join(" ", o.simulatorJvmArgs()), Runtime.getRuntime().availableProcessors()));
        b.append("| pumps | polled | polls/s | Modbus req/s | lateness p99 | ≤ 1 s late | failed polls | poller CPU | poller RSS "
                + "| simulator CPU | simulator RSS | Kafka CPU | load average (1/5/15 min) |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        int best = 0;
        for (Step s : steps) {
            b.append(row(s)).append('\n');
            if (s.meetsObjective()) {
                best = Math.max(best, s.pumps());
            }
        }
        b.append("\nLargest N with p99 cycle lateness ≤ 1 s: ").append(best == 0 ? "none" : best).append('\n');
        return b.toString();
    }

    static String row(Step s) {
        return String.format(Locale.ROOT, "| %,d | %,d | %.1f | %,.0f | %s | %.2f %% | %d of %d | %.0f %% | %d MB | %.0f %% | %d MB "
                + "| %.0f %% | %s |", s.pumps(), s.polled(), s.pollsPerSecond(), s.requestsPerSecond(),
                Double.isNaN(s.p99Seconds()) ? "–" : String.format(Locale.ROOT, "%.3f s", s.p99Seconds()),
                s.shareWithinOneSecond() * 100, s.failedPolls(), s.polls(), s.pollerCpuPercent(), s.pollerRssMb(),
                s.simulatorCpuPercent(), s.simulatorRssMb(), s.kafkaCpuPercent(), s.load());
    }

    // ---- helpers

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void log(String line) {
        System.err.println("[polling-bench] " + line);
    }

    static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
