/*
 * Creates the suite's Kafka topics idempotently in one JVM, with Kafka's Admin client.
 * Run in source-file mode (no build step):
 *
 *   java -cp "$(cat .suite/kafka/classpath.txt)" deploy/local/kafka/CreateTopics.java BOOTSTRAP SPEC...
 *
 * SPEC is NAME:PARTITIONS[:KEY=VALUE[,KEY=VALUE...]], e.g.
 *   heatpump.readings:12:retention.ms=604800000
 *   heatpump.config:12:cleanup.policy=compact
 *
 * For each topic: created when missing (replication factor = the broker's default.replication.factor);
 * when it exists, partitions are raised to PARTITIONS if fewer (never lowered: that is impossible in Kafka)
 * and the listed configs are set where they differ. Other configs are left alone.
 *
 * Optional: SUITE_KAFKA_CLIENT_PROPERTIES names a properties file with extra client settings
 * (security.protocol, sasl.*, ssl.* ...) for an external cluster.
 * Exit code 0 when every topic is as specified, 1 otherwise.
 */

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

public class CreateTopics {

    record Spec(String name, int partitions, Map<String, String> configs) {
        static Spec parse(String arg) {
            String[] parts = arg.split(":", 3);
            if (parts.length < 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("bad topic spec '" + arg + "' (want NAME:PARTITIONS[:K=V,...])");
            }
            Map<String, String> configs = new LinkedHashMap<>();
            if (parts.length == 3 && !parts[2].isBlank()) {
                for (String kv : parts[2].split(",")) {
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("bad config '" + kv + "' in spec '" + arg + "'");
                    }
                    configs.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
                }
            }
            return new Spec(parts[0].trim(), Integer.parseInt(parts[1].trim()), configs);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CreateTopics BOOTSTRAP NAME:PARTITIONS[:K=V,...]...");
            System.exit(2);
        }
        List<Spec> specs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            specs.add(Spec.parse(args[i]));
        }

        Properties props = new Properties();
        String extra = System.getenv("SUITE_KAFKA_CLIENT_PROPERTIES");
        if (extra != null && !extra.isBlank()) {
            try (InputStream in = new FileInputStream(extra)) {
                props.load(in);
            }
        }
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "heatpump-suite-create-topics");
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");

        boolean ok = true;
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();

            List<NewTopic> toCreate = new ArrayList<>();
            List<Spec> present = new ArrayList<>();
            for (Spec s : specs) {
                if (existing.contains(s.name())) {
                    present.add(s);
                } else {
                    toCreate.add(new NewTopic(s.name(), Optional.of(s.partitions()), Optional.empty())
                            .configs(s.configs()));
                }
            }

            if (!toCreate.isEmpty()) {
                var result = admin.createTopics(toCreate);
                for (NewTopic t : toCreate) {
                    try {
                        result.values().get(t.name()).get();
                        System.out.printf("  created  %-34s partitions=%d %s%n", t.name(), t.numPartitions(),
                                t.configs().isEmpty() ? "" : t.configs());
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof TopicExistsException) {
                            // created concurrently by someone else: check it like an existing one
                            present.add(specs.stream().filter(s -> s.name().equals(t.name())).findFirst().orElseThrow());
                        } else {
                            ok = false;
                            System.err.printf("  FAILED   %-34s %s%n", t.name(), e.getCause());
                        }
                    }
                }
            }

            if (!present.isEmpty()) {
                ok &= reconcile(admin, present);
            }
        }
        System.exit(ok ? 0 : 1);
    }

    private static boolean reconcile(Admin admin, List<Spec> present) throws Exception {
        boolean ok = true;
        List<String> names = present.stream().map(Spec::name).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();

        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();

        Map<String, NewPartitions> grow = new LinkedHashMap<>();
        Map<ConfigResource, Collection<AlterConfigOp>> alter = new LinkedHashMap<>();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        Set<String> changed = new java.util.HashSet<>();

        for (Spec s : present) {
            List<String> note = new ArrayList<>();
            int actual = descriptions.get(s.name()).partitions().size();
            if (actual < s.partitions()) {
                grow.put(s.name(), NewPartitions.increaseTo(s.partitions()));
                changed.add(s.name());
                note.add("partitions " + actual + "->" + s.partitions());
            } else if (actual > s.partitions()) {
                note.add("has " + actual + " partitions (wanted " + s.partitions() + "; Kafka cannot lower it, left as is)");
            }
            ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, s.name());
            Config current = configs.get(res);
            List<AlterConfigOp> ops = new ArrayList<>();
            for (Map.Entry<String, String> want : s.configs().entrySet()) {
                ConfigEntry entry = current.get(want.getKey());
                String value = entry == null ? null : entry.value();
                if (!want.getValue().equals(value)) {
                    ops.add(new AlterConfigOp(new ConfigEntry(want.getKey(), want.getValue()), AlterConfigOp.OpType.SET));
                    changed.add(s.name());
                    note.add(want.getKey() + " " + value + "->" + want.getValue());
                }
            }
            if (!ops.isEmpty()) {
                alter.put(res, ops);
            }
            notes.put(s.name(), note);
        }

        if (!grow.isEmpty()) {
            try {
                admin.createPartitions(grow).all().get();
            } catch (ExecutionException e) {
                ok = false;
                System.err.println("  FAILED to add partitions: " + e.getCause());
            }
        }
        if (!alter.isEmpty()) {
            try {
                admin.incrementalAlterConfigs(alter).all().get();
            } catch (ExecutionException e) {
                ok = false;
                System.err.println("  FAILED to alter configs: " + e.getCause());
            }
        }
        for (Spec s : present) {
            List<String> note = notes.get(s.name());
            System.out.printf("  %-8s %-34s partitions=%d %s%n", changed.contains(s.name()) ? "updated" : "exists", s.name(),
                    Math.max(s.partitions(), descriptions.get(s.name()).partitions().size()),
                    note.isEmpty() ? "" : note);
        }
        return ok;
    }
}
