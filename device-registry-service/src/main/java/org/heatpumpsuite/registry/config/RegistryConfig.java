package org.heatpumpsuite.registry.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Everything an operator of the registry may change (documented in the README). */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    /** Base URL of the polling service, whose POST /api/probe tests connections (env REGISTRY_PROBE_URL). */
    @WithName("probe-url")
    @WithDefault("http://127.0.0.1:8082")
    String probeUrl();

    /** How often the start-up tasks (legacy import file, demo pumps) retry until the catalogue lists their models. */
    @WithName("startup-interval")
    @WithDefault("5s")
    Duration startupInterval();

    /** The first administrator, created at start-up when no user of that name exists. */
    Admin admin();

    /** Lifetimes of the tokens the registry signs. */
    Tokens tokens();

    /** Slowing down repeated failed logins. */
    Login login();

    /** Defaults and bounds of a pump's connection. */
    Connection connection();

    /** The transactional outbox relay. */
    Outbox outbox();

    /** Scheduled jobs. */
    Jobs jobs();

    /** Demo pumps registered at start-up (the local run's demo mode). */
    Demo demo();

    /** Import of the old single-pump logger's export. */
    @WithName("legacy-import")
    LegacyImport legacyImport();

    interface Admin {
        /** User name of the first administrator. */
        @WithDefault("admin")
        String username();

        /** Its initial password (env HEATPUMP_ADMIN_PASSWORD); the prod profile refuses an empty or default one. */
        Optional<String> password();
    }

    interface Tokens {
        /** Lifetime of a login token. */
        @WithName("login-lifetime")
        @WithDefault("PT8H")
        Duration loginLifetime();

        /** Default lifetime of an API token; other services accept a revoked API token until it expires. */
        @WithName("api-lifetime")
        @WithDefault("P90D")
        Duration apiLifetime();

        /** Longest lifetime an admin may give an API token. */
        @WithName("api-max-lifetime")
        @WithDefault("P365D")
        Duration apiMaxLifetime();
    }

    interface Login {
        /** Failed logins of one user name (or address) answered without delay. */
        @WithName("free-failures")
        @WithDefault("3")
        int freeFailures();

        /** Delay after the first failure beyond the free ones; doubles with each further failure. */
        @WithName("initial-delay")
        @WithDefault("PT1S")
        Duration initialDelay();

        /** Upper bound of the delay. */
        @WithName("max-delay")
        @WithDefault("PT30S")
        Duration maxDelay();

        /** A failure counter is forgotten after this quiet time. */
        @WithName("forget-after")
        @WithDefault("PT15M")
        Duration forgetAfter();
    }

    interface Connection {
        /** Request timeout of a new pump when the request names none (ms, 100..30000). */
        @WithName("default-timeout-ms")
        @WithDefault("10000")
        int defaultTimeoutMs();

        /** Retries of a new pump when the request names none (0..10). */
        @WithName("default-retries")
        @WithDefault("3")
        int defaultRetries();
    }

    interface Outbox {
        /** How often the relay looks for unpublished rows (also {@code @Scheduled} in OutboxRelay). */
        @WithDefault("1s")
        Duration interval();

        /** Rows relayed per round. */
        @WithName("batch-size")
        @WithDefault("200")
        int batchSize();

        /** How long one send may wait for the broker before the round gives up and retries later. */
        @WithName("send-timeout")
        @WithDefault("PT10S")
        Duration sendTimeout();

        /** How long a replica holds the relay lease without renewing it. */
        @WithName("lease")
        @WithDefault("PT30S")
        Duration lease();
    }

    interface Jobs {
        /** How often due jobs are looked for (also {@code @Scheduled} in JobRunner). */
        @WithName("check-interval")
        @WithDefault("10s")
        Duration checkInterval();

        /** Time zone of a job that names none; empty = the installation's (the JVM's) zone. */
        @WithName("default-time-zone")
        Optional<String> defaultTimeZone();

        /** A run missed by up to this much (registry down) is still made up; older ones are skipped. */
        @WithName("catch-up")
        @WithDefault("PT10M")
        Duration catchUp();
    }

    interface Demo {
        /** Register the simulated pumps at start-up (env REGISTRY_DEMO_ENABLED). */
        @WithDefault("false")
        boolean enabled();

        /** The simulated pumps: fixed ids, so they are created once. */
        List<DemoPump> pumps();
    }

    interface DemoPump {
        /** Fixed pump id (hp- + 8 hex). */
        String id();

        /** Display name. */
        String name();

        String manufacturer();

        String model();

        String host();

        int port();

        /** Modbus unit id; absent for Luxtronik. */
        @WithName("unit-id")
        Optional<Integer> unitId();
    }

    interface LegacyImport {
        /** Export file of the old single-pump logger, imported once at start-up when set. */
        Optional<String> file();
    }
}
