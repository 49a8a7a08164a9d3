package org.heatpumpsuite.polling.command.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heatpumpsuite.polling.command.config.WritesConfig;
import org.heatpumpsuite.polling.command.service.CommandService;
import org.heatpumpsuite.polling.command.service.StandingValue;
import org.heatpumpsuite.polling.poll.service.PollingService;
import org.heatpumpsuite.polling.pump.messaging.ConfigConsumer;
import org.heatpumpsuite.polling.pump.service.PumpRegistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Scale-out by Kafka's group protocol alone: one consumer (group polling-service, range assignor) subscribed to the
 * co-partitioned heatpump.config and heatpump.commands, so the replica that is assigned config partition p also gets
 * commands partition p, i.e. the commands of exactly the pumps it polls.
 * <ul>
 * <li>On assignment: config partitions are read from the beginning (their offsets are never committed); for partitions
 * new to this replica the write governor is rebuilt from the last 24 h of heatpump.command-results and the standing
 * values from heatpump.standing-values; commands partitions stay paused until their config partition has been read up
 * to where it was at assignment, so a command never meets a pump not yet known.</li>
 * <li>On loss (revoked and not assigned again, or lost and not assigned again at re-join): the partition's pumps stop
 * being polled and their governor state is dropped.</li>
 * <li>Commands offsets are committed only once the command's result is on Kafka; undecodable records of either topic
 * go to {@code <topic>.dlq} with the reason.</li>
 * </ul>
 * Runs on its own thread; device I/O happens elsewhere (the command stages), so the loop never blocks on a pump.
 */
@ApplicationScoped
public class OwnershipConsumer {

    @Inject
    ConfigConsumer configs;
    @Inject
    CommandService commands;
    @Inject
    PumpRegistry registry;
    @Inject
    PollingService polling;
    @Inject
    WriteProducer producer;
    @Inject
    WritesConfig config;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Clock clock = Clock.systemUTC();

    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<String, String> consumer;

    // state of the poll thread only
    private final Set<Integer> owned = new HashSet<>();
    private final Map<Integer, Long> configEnd = new HashMap<>();
    private final Map<Integer, Set<String>> seenSinceAssignment = new HashMap<>();
    private final Map<Integer, TreeSet<Long>> inFlight = new HashMap<>();
    private final Map<Integer, Long> nextToCommit = new HashMap<>();
    private final Map<Integer, Long> committed = new HashMap<>();
    private final ConcurrentLinkedQueue<long[]> finished = new ConcurrentLinkedQueue<>();
    private int configPartitions = -1;

    void onStart(@Observes @Priority(3000) StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "polling-ownership-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Properties props(boolean group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (group) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumer().groupId());
            p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
            p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(config.consumer().sessionTimeout().toMillis()));
            p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Long.toString(config.consumer().heartbeatInterval().toMillis()));
            p.put(ConsumerConfig.CLIENT_ID_CONFIG, "polling-service-ownership");
        } else {
            p.put(ConsumerConfig.CLIENT_ID_CONFIG, "polling-service-history");
        }
        return p;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props(true))) {
                consumer = c;
                c.subscribe(List.of(CommandTopics.CONFIG, CommandTopics.COMMANDS), new Listener());
                while (running) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                        if (CommandTopics.CONFIG.equals(r.topic())) {
                            config(r);
                        } else {
                            command(r);
                        }
                    }
                    resumeCaughtUp();
                    commitFinished(false);
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (RuntimeException e) {
                Log.warn("heatpump.config/heatpump.commands consumer failed; restarting it in 1 s (pumps not assigned "
                        + "again at the next assignment stop being polled there)", e);
                sleep(1000);
            } finally {
                consumer = null;
            }
        }
    }

    // ---- records ----

    private void config(ConsumerRecord<String, String> r) {
        try {
            ConfigConsumer.Applied a = configs.consume(r);
            if (a.heatpumpId() != null) {
                seenSinceAssignment.computeIfAbsent(r.partition(), p -> new HashSet<>()).add(a.heatpumpId());
                if (a.removed()) {
                    commands.removed(a.heatpumpId());
                }
            }
        } catch (IllegalArgumentException e) {
            producer.deadLetter(r, e);
        }
    }

    private void command(ConsumerRecord<String, String> r) {
        CommandRecord cmd;
        try {
            if (r.value() == null) {
                throw new IllegalArgumentException("null value on heatpump.commands (not a compacted topic)");
            }
            JsonNode json;
            try {
                json = mapper.readTree(r.value());
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("not JSON: " + e.getMessage());
            }
            cmd = CommandRecord.parse(r.key(), json);
        } catch (IllegalArgumentException e) {
            Log.warnf("undecodable command %s at offset %d: %s", r.key(), r.offset(), e.getMessage());
            producer.deadLetter(r, e);
            nextToCommit.merge(r.partition(), r.offset() + 1, Math::max);
            return;
        }
        int partition = r.partition();
        long offset = r.offset();
        inFlight.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
        nextToCommit.merge(partition, offset + 1, Math::max);
        commands.handle(cmd).whenComplete((v, e) -> finished.add(new long[] { partition, offset }));
    }

    /** Commits, per commands partition, the offset below which every command has its result on Kafka. */
    private void commitFinished(boolean sync) {
        long[] f;
        while ((f = finished.poll()) != null) {
            TreeSet<Long> s = inFlight.get((int) f[0]);
            if (s != null) {
                s.remove(f[1]);
            }
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Integer p : owned) {
            Long next = nextToCommit.get(p);
            if (next == null) {
                continue;
            }
            TreeSet<Long> s = inFlight.get(p);
            long safe = s == null || s.isEmpty() ? next : s.first();
            if (safe > committed.getOrDefault(p, -1L)) {
                offsets.put(new TopicPartition(CommandTopics.COMMANDS, p), new OffsetAndMetadata(safe));
                committed.put(p, safe);
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        if (sync) {
            try {
                consumer.commitSync(offsets, Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                Log.warnf("committing commands offsets failed: %s", e.getMessage());
            }
        } else {
            consumer.commitAsync(offsets, (o, e) -> {
                if (e != null) {
                    Log.debugf("committing commands offsets failed: %s", e.getMessage());
                }
            });
        }
    }

    /** Resumes the commands partitions whose config partition has been read to where it ended at assignment. */
    private void resumeCaughtUp() {
        if (configEnd.isEmpty()) {
            return;
        }
        List<TopicPartition> resume = new ArrayList<>();
        for (Map.Entry<Integer, Long> e : List.copyOf(configEnd.entrySet())) {
            TopicPartition tp = new TopicPartition(CommandTopics.CONFIG, e.getKey());
            if (consumer.position(tp) >= e.getValue()) {
                int p = e.getKey();
                configEnd.remove(p);
                // pumps of this partition not in its records any more (compacted away after removal) are gone
                Set<String> seen = seenSinceAssignment.getOrDefault(p, Set.of());
                for (String stale : registry.inPartitions(List.of(p))) {
                    if (!seen.contains(stale)) {
                        registry.remove(stale);
                        commands.drop(stale);
                    }
                }
                resume.add(new TopicPartition(CommandTopics.COMMANDS, p));
            }
        }
        if (!resume.isEmpty()) {
            polling.reconcileNow();
            consumer.resume(resume);
            Log.infof("config partitions %s read; polling %d pumps; taking their commands", resume.stream()
                    .map(TopicPartition::partition).toList(), polling.polled().size());
        }
    }

    // ---- ownership ----

    private final class Listener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commitFinished(true);
        }

        /**
         * Called when the client finds out at re-join that its session expired (e.g. after a broker outage). Polling
         * goes on until the assignment that follows: pumps not assigned again are dropped there, those assigned again
         * (a lone replica) keep polling without a gap. Offsets of the lost partitions are not committed any more.
         */
        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            for (int p : numbers(partitions)) {
                inFlight.remove(p);
                nextToCommit.remove(p);
                committed.remove(p);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Set<Integer> now = new HashSet<>();
            for (TopicPartition tp : consumer.assignment()) {
                if (CommandTopics.CONFIG.equals(tp.topic())) {
                    now.add(tp.partition());
                }
            }
            List<PartitionInfo> info = consumer.partitionsFor(CommandTopics.CONFIG);
            if (info != null && !info.isEmpty()) {
                configPartitions = info.size();
            }
            Set<Integer> gone = new HashSet<>(owned);
            gone.removeAll(now);
            lose(gone);
            Set<Integer> gained = new HashSet<>(now);
            gained.removeAll(owned);
            owned.addAll(now);
            List<TopicPartition> configTps = now.stream().map(p -> new TopicPartition(CommandTopics.CONFIG, p)).toList();
            List<TopicPartition> commandTps = consumer.assignment().stream()
                    .filter(tp -> CommandTopics.COMMANDS.equals(tp.topic())).toList();
            consumer.pause(commandTps);
            consumer.seekToBeginning(configTps);
            configEnd.clear();
            consumer.endOffsets(configTps).forEach((tp, end) -> configEnd.put(tp.partition(), end));
            for (int p : now) {
                seenSinceAssignment.put(p, new HashSet<>());
                inFlight.remove(p);
                nextToCommit.remove(p);
                committed.remove(p);
            }
            if (!gained.isEmpty()) {
                rebuild(gained);
            }
            Log.infof("assigned config/commands partitions %s (new: %s)", new TreeSet<>(now), new TreeSet<>(gained));
        }
    }

    private void lose(Set<Integer> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        owned.removeAll(partitions);
        for (int p : partitions) {
            configEnd.remove(p);
            seenSinceAssignment.remove(p);
            inFlight.remove(p);
            nextToCommit.remove(p);
            committed.remove(p);
        }
        Set<String> pumps = registry.inPartitions(partitions);
        pumps.forEach(id -> {
            registry.remove(id);
            commands.drop(id);
        });
        int count = configPartitions;
        if (count > 0) {
            commands.governor().dropWhere(id -> partitions.contains(partitionOf(id, count)));
        }
        polling.reconcileNow();
        Log.infof("config/commands partitions %s moved away: %d pumps no longer polled here", new TreeSet<>(partitions),
                pumps.size());
    }

    // ---- governor state from Kafka ----

    /** Reads the last 24 h of command results and the standing values of the pumps of these config partitions. */
    private void rebuild(Set<Integer> partitions) {
        long started = System.nanoTime();
        int[] counts = new int[2];
        try (KafkaConsumer<String, String> history = new KafkaConsumer<>(props(false))) {
            int configCount = partitionCount(history, CommandTopics.CONFIG);
            Instant since = clock.instant().minus(org.heatpumpsuite.polling.command.service.WriteGovernor.WINDOW);
            readTopic(history, CommandTopics.RESULTS, partitions, configCount, since, r -> {
                counts[0]++;
                result(r);
            });
            Map<String, String> latest = new HashMap<>();
            readTopic(history, CommandTopics.STANDING_VALUES, partitions, configCount, null, r -> latest.put(r.key(), r.value()));
            for (Map.Entry<String, String> e : latest.entrySet()) {
                if (e.getValue() != null) {
                    counts[1] += standing(e.getKey(), e.getValue());
                }
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "rebuilding the write governor for partitions %s failed; budgets start empty", partitions);
        }
        Log.infof("write governor for partitions %s rebuilt from %d results and %d standing values in %d ms",
                new TreeSet<>(partitions), counts[0], counts[1], (System.nanoTime() - started) / 1_000_000);
    }

    private void result(ConsumerRecord<String, String> r) {
        if (r.value() == null) {
            return;
        }
        try {
            JsonNode j = mapper.readTree(r.value());
            commands.governor().rebuild(r.key(), j.path("sensor").asText(), j.path("command_id").asText(),
                    j.path("outcome").asText(), Instant.parse(j.path("completed_at").asText()));
        } catch (java.io.IOException | RuntimeException e) {
            Log.debugf("command result %s at offset %d skipped: %s", r.key(), r.offset(), e.getMessage());
        }
    }

    private int standing(String pump, String value) {
        try {
            StandingValuesRecord rec = mapper.readValue(value, StandingValuesRecord.class);
            List<StandingValue> values = rec.values().stream()
                    .map(v -> new StandingValue(v.sensor(), v.value(), v.commandId(), v.requestedBy(), v.setAt())).toList();
            commands.governor().replaceStanding(pump, values);
            return values.size();
        } catch (java.io.IOException | RuntimeException e) {
            Log.warnf("standing values of %s unreadable, ignored: %s", pump, e.getMessage());
            return 0;
        }
    }

    /**
     * Reads the records of {@code topic} whose key belongs to one of the config partitions (same-numbered partitions
     * when the counts match, as the contracts require; else every partition, filtered by key), from {@code since} (or
     * the beginning) to the end offsets at the start of the read.
     */
    private void readTopic(KafkaConsumer<String, String> c, String topic, Set<Integer> configParts, int configCount,
            Instant since, java.util.function.Consumer<ConsumerRecord<String, String>> sink) {
        int count = partitionCount(c, topic);
        if (count <= 0) {
            Log.warnf("topic %s not found: nothing to rebuild from", topic);
            return;
        }
        boolean aligned = count == configCount;
        List<TopicPartition> tps = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            if (!aligned || configParts.contains(p)) {
                tps.add(new TopicPartition(topic, p));
            }
        }
        c.assign(tps);
        Map<TopicPartition, Long> end = c.endOffsets(tps);
        if (since == null) {
            c.seekToBeginning(tps);
        } else {
            Map<TopicPartition, Long> query = new HashMap<>();
            tps.forEach(tp -> query.put(tp, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = c.offsetsForTimes(query);
            for (TopicPartition tp : tps) {
                OffsetAndTimestamp o = found.get(tp);
                c.seek(tp, o == null ? end.get(tp) : o.offset());
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition())) || r.key() == null) {
                    continue;
                }
                if (aligned || configParts.contains(partitionOf(r.key(), configCount))) {
                    sink.accept(r);
                }
            }
        }
        c.unsubscribe();
    }

    private static int partitionCount(KafkaConsumer<String, String> c, String topic) {
        List<PartitionInfo> info = c.partitionsFor(topic, Duration.ofSeconds(10));
        return info == null ? -1 : info.size();
    }

    /** Kafka's default partitioner for a string key. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
    }

    private static Set<Integer> numbers(Collection<TopicPartition> tps) {
        Set<Integer> s = new HashSet<>();
        tps.forEach(tp -> s.add(tp.partition()));
        return s;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
