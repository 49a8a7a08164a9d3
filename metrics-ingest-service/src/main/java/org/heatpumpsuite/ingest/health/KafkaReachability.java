package org.heatpumpsuite.ingest.health;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Asks the broker every few seconds whether it answers (off the event loop) and remembers the answer, so health
 * checks and the {@code kafka_broker_reachable} gauge never block on a dead broker.
 */
@ApplicationScoped
public class KafkaReachability {

    private final Admin admin;
    private volatile boolean reachable;
    private volatile Instant since = Instant.now();

    @Inject
    public KafkaReachability(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry) {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.getOrDefault("bootstrap.servers", "127.0.0.1:9092"));
        cfg.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        cfg.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        cfg.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        cfg.put(AdminClientConfig.CLIENT_ID_CONFIG, "health-probe");
        this.admin = Admin.create(cfg);
        registry.gauge("kafka_broker_reachable", this, k -> k.reachable ? 1 : 0);
    }

    @Scheduled(every = "${health.kafka.probe-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        boolean now;
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000)).clusterId().get(4, TimeUnit.SECONDS);
            now = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            now = false;
        }
        if (now != reachable) {
            since = Instant.now();
            if (now) {
                Log.info("Kafka broker reachable");
            } else {
                Log.warn("Kafka broker unreachable; consumers and producers retry until it returns");
            }
        }
        reachable = now;
    }

    public boolean reachable() {
        return reachable;
    }

    public Instant since() {
        return since;
    }

    @PreDestroy
    void close() {
        admin.close(java.time.Duration.ofSeconds(1));
    }
}
