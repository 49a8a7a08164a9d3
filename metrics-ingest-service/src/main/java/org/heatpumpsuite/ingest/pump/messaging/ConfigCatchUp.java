package org.heatpumpsuite.ingest.pump.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heatpumpsuite.ingest.pump.service.PumpDirectory;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Tells when this replica has read heatpump.config up to the end offsets the topic had when the service started:
 * before that, a pump it has not read yet is not "unknown", so the pump directory is not complete (readiness check
 * {@code config} down, the read API answers 503 "starting"). Asks the broker for the end offsets until it answers,
 * then follows the offsets {@link ConfigConsumer} has processed. Once caught up it stays so.
 */
@ApplicationScoped
public class ConfigCatchUp {

    private final String bootstrap;
    private final String topic;
    @Inject
    PumpDirectory directory;

    private Admin admin;
    /** Per partition: the first offset not yet present at start-up; null until the broker answered. */
    private volatile Map<Integer, Long> target;
    /** Per partition: the offset after the last record processed. */
    private final Map<Integer, Long> next = new ConcurrentHashMap<>();
    private final Instant startedAt = Instant.now();

    @Inject
    ConfigCatchUp(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "mp.messaging.incoming.config.topic") String topic) {
        this.bootstrap = String.valueOf(kafkaConfig.getOrDefault("bootstrap.servers", "127.0.0.1:9092"));
        this.topic = topic;
    }

    /** Called for every heatpump.config record once it is processed (decodable or not). */
    public void processed(int partition, long offset) {
        next.merge(partition, offset + 1, Math::max);
        if (!directory.complete() && target != null) {
            evaluate();
        }
    }

    @Scheduled(every = "1s", delay = 0, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (directory.complete()) {
            closeAdmin();
            return;
        }
        if (target == null) {
            Map<Integer, Long> end = endOffsets();
            if (end == null) {
                return;
            }
            Log.infof("%s at start-up: end offsets %s; not ready until they are read", topic, end);
            startedWith(end);
        }
        evaluate();
    }

    /** The end offsets at start-up (partition -> first offset not present), once the broker told them. */
    void startedWith(Map<Integer, Long> endOffsets) {
        target = Map.copyOf(endOffsets);
        evaluate();
    }

    /** Cheap (no I/O): runs on the consumer's thread too. */
    private synchronized void evaluate() {
        Map<Integer, Long> t = target;
        if (directory.complete() || t == null) {
            return;
        }
        for (Map.Entry<Integer, Long> e : t.entrySet()) {
            if (next.getOrDefault(e.getKey(), 0L) < e.getValue()) {
                return;
            }
        }
        directory.markComplete();
        Log.infof("%s read up to its end offsets at start-up in %d ms: %d pump(s) known", topic,
                Duration.between(startedAt, Instant.now()).toMillis(), directory.all().size());
    }

    /** Partition -> end offset, leaving out partitions with nothing to read; null if the broker did not answer. */
    private Map<Integer, Long> endOffsets() {
        try {
            if (admin == null) {
                Map<String, Object> cfg = new HashMap<>();
                cfg.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                cfg.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
                cfg.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
                cfg.put(AdminClientConfig.CLIENT_ID_CONFIG, "config-catch-up");
                admin = Admin.create(cfg);
            }
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(4, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            d.partitions().forEach(p -> {
                latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
            });
            Map<TopicPartition, ListOffsetsResultInfo> end = admin.listOffsets(latest).all().get(4, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> start = admin.listOffsets(earliest).all().get(4, TimeUnit.SECONDS);
            Map<Integer, Long> out = new HashMap<>();
            end.forEach((tp, info) -> {
                if (info.offset() > start.get(tp).offset()) {
                    out.put(tp.partition(), info.offset());
                }
            });
            return Map.copyOf(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            Log.debugf("end offsets of %s not available yet: %s", topic, e.getMessage());
            return null;
        }
    }

    /** For the readiness check: what is still to be read, per partition (empty once caught up). */
    public Map<Integer, Long> remaining() {
        Map<Integer, Long> t = target;
        Map<Integer, Long> out = new HashMap<>();
        if (t != null && !directory.complete()) {
            t.forEach((p, end) -> {
                long left = end - next.getOrDefault(p, 0L);
                if (left > 0) {
                    out.put(p, left);
                }
            });
        }
        return out;
    }

    /** Whether the end offsets at start-up are known yet. */
    public boolean endOffsetsKnown() {
        return target != null;
    }

    @PreDestroy
    void closeAdmin() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
