package org.heatpumpsuite.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A Kafka broker (KRaft, single node) in its own JVM process, for outage tests: it can be stopped and started again
 * on the same port with the same data, which an in-JVM broker cannot do reliably.
 */
public final class KafkaProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    public KafkaProcess() {
        try {
            this.dir = Files.createTempDirectory("kafka-outage-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = Ports.free();
        this.controllerPort = Ports.free();
        writeConfig();
        EmbeddedKafkaBroker.formatStorage(List.of(dir.resolve("data").toString()), "hp-suite-outage-test1",
                1, true);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker (again) and waits until it accepts connections. */
    public synchronized KafkaProcess start() {
        if (isRunning()) {
            return this;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-cp", classPath(), "kafka.Kafka",
                dir.resolve("server.properties").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kafka.log").toFile()));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka process", e);
        }
        Ports.awaitOpen(port, Duration.ofSeconds(60), "Kafka process (log: " + dir.resolve("kafka.log") + ")");
        return this;
    }

    /** Stops the broker the way an outage would (SIGTERM, then SIGKILL after 20 s) and waits for the port to close. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        Ports.awaitClosed(port, Duration.ofSeconds(10), "stopped Kafka process");
    }

    @Override
    public void close() {
        stop();
        TempDirs.delete(dir);
    }

    private void writeConfig() {
        String props = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "");
        try {
            Files.writeString(dir.resolve("server.properties"), props);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }
}
