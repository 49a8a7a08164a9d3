package org.heatpumpsuite.registry.outbox.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.heatpumpsuite.registry.config.RegistryConfig;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes the outbox to Kafka in id order and deletes what the broker acknowledged. While the broker is down the
 * rows wait (the API keeps working); when it returns they go out in the order they were committed. One replica at a
 * time relays (a lease row), which keeps the order per pump with several replicas. Delivery is at least once: a row
 * whose acknowledgement was lost is sent again (consumers treat config as state and commands by command_id).
 */
@ApplicationScoped
public class OutboxRelay {

    private final String replica = UUID.randomUUID().toString();
    private final KafkaProducer<String, String> producer;
    private final RegistryConfig config;
    private final Pool pool;
    private volatile boolean failing;
    private volatile long pending;

    @Inject
    public OutboxRelay(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, RegistryConfig config,
            Pool pool, MeterRegistry meters) {
        this.config = config;
        this.pool = pool;
        Map<String, Object> cfg = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (k.equals("bootstrap.servers") || k.startsWith("security.") || k.startsWith("sasl.")
                    || k.startsWith("ssl.")) {
                cfg.put(k, v);
            }
        });
        cfg.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        cfg.put(ProducerConfig.CLIENT_ID_CONFIG, "device-registry-outbox");
        cfg.put(ProducerConfig.ACKS_CONFIG, "all");
        cfg.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        cfg.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        cfg.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        cfg.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        cfg.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(5000, config.outbox().sendTimeout().toMillis()));
        cfg.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        cfg.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        cfg.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(cfg);
        meters.gauge("registry_outbox_pending", this, r -> r.pending);
    }

    @Scheduled(every = "${registry.outbox.interval:1s}", delay = 2, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            if (!holdLease()) {
                return;
            }
            while (relayBatch()) {
                // next batch
            }
        } catch (RuntimeException e) {
            Log.warnf("outbox relay round failed, retrying: %s", e.getMessage());
        }
    }

    /** Sends one batch; true if it was full and everything went out (so there may be more). */
    private boolean relayBatch() {
        int size = config.outbox().batchSize();
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT id, topic, record_key, payload FROM outbox ORDER BY id LIMIT $1")
                .execute(Tuple.of(size)).await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        pending = rows.size();
        if (rows.isEmpty()) {
            return false;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        String error = null;
        try {
            for (Row r : rows) {
                sent.add(producer.send(new ProducerRecord<>(r.getString("topic"), r.getString("record_key"),
                        r.getString("payload"))));
            }
        } catch (RuntimeException e) {
            error = e.getMessage();
        }
        long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
        for (int i = 0; i < sent.size() && error == null; i++) {
            try {
                sent.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                done.add(rows.get(i).getLong("id"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (Exception e) {
                error = e.getCause() != null ? e.getCause().getMessage() : e.toString();
            }
        }
        if (!done.isEmpty()) {
            pool.preparedQuery("DELETE FROM outbox WHERE id = ANY($1)")
                    .execute(Tuple.of(done.toArray(new Long[0]))).await().atMost(Duration.ofSeconds(10));
        }
        if (error != null) {
            if (!failing) {
                Log.warnf("outbox: broker did not take record %d (%s); %d record(s) wait and are retried",
                        rows.get(done.size()).getLong("id"), error, rows.size() - done.size());
            }
            failing = true;
            return false;
        }
        if (failing) {
            Log.info("outbox: broker reachable again, relaying the waiting records");
            failing = false;
        }
        return rows.size() == size;
    }

    private boolean holdLease() {
        return pool.preparedQuery("UPDATE outbox_lease SET holder = $1, expires_at = now() + make_interval(secs => $2)"
                + " WHERE id = 1 AND (holder = $1 OR holder IS NULL OR expires_at < now())")
                .execute(Tuple.of(replica, (double) config.outbox().lease().toSeconds()))
                .await().atMost(Duration.ofSeconds(10)).rowCount() == 1;
    }

    @PreDestroy
    void close() {
        try {
            pool.preparedQuery("UPDATE outbox_lease SET holder = NULL WHERE id = 1 AND holder = $1")
                    .execute(Tuple.of(replica)).await().atMost(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            // the lease expires by itself
        }
        producer.close(Duration.ofSeconds(2));
    }
}
