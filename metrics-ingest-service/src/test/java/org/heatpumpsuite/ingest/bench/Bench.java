package org.heatpumpsuite.ingest.bench;

import org.heatpumpsuite.testsupport.ProcessStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Small helpers of the benchmark. */
final class Bench {

    static final ObjectMapper JSON = new ObjectMapper();

    private Bench() {
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Percentiles of a list of values (ms). */
    record Percentiles(int count, long p50, long p90, long p99, long max) {
        static Percentiles of(List<Long> values) {
            List<Long> v = new ArrayList<>(values);
            Collections.sort(v);
            if (v.isEmpty()) {
                return new Percentiles(0, -1, -1, -1, -1);
            }
            return new Percentiles(v.size(), at(v, 0.50), at(v, 0.90), at(v, 0.99), v.get(v.size() - 1));
        }

        private static long at(List<Long> sorted, double q) {
            int i = (int) Math.ceil(q * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
        }

        @Override
        public String toString() {
            return "n=" + count + " p50=" + p50 + " ms, p90=" + p90 + " ms, p99=" + p99 + " ms, max=" + max + " ms";
        }
    }

    /** CPU seconds (user + system) a process has used so far; -1 if unknown. */
    static double cpuSeconds(long pid) {
        return ProcessStats.cpuSeconds(pid);
    }

    /** CPU seconds the whole machine has been busy (all cores, from /proc/stat). */
    static double systemBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU seconds used by this JVM and every process it started (Kafka, VictoriaMetrics, the service). */
    static double benchmarkCpuSeconds() {
        double sum = cpuSeconds(ProcessHandle.current().pid());
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            double c = cpuSeconds(child.pid());
            if (c > 0) {
                sum += c;
            }
        }
        return sum;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static String command(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return out;
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /**
     * Deletes the data folder of a stopped {@code KafkaProcess} (test-support keeps it; the benchmark's pre-filled
     * topic is some hundred MB): the temp folder whose server.properties listens on that port.
     */
    static void deleteKafkaFolder(int port) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var dirs = Files.list(tmp)) {
            dirs.filter(d -> d.getFileName().toString().startsWith("kafka-outage-")).filter(d -> {
                try {
                    return Files.readString(d.resolve("server.properties")).contains("PLAINTEXT://127.0.0.1:" + port + ",");
                } catch (IOException e) {
                    return false;
                }
            }).forEach(Bench::deleteTree);
        } catch (IOException e) {
            // best effort
        }
    }

    static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
