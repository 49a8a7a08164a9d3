package org.heatpumpsuite.polling.poll.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the polling loop, the readings producer and demo mode (documented in the service README). */
@ConfigMapping(prefix = "polling")
public interface PollingConfig {

    /** The readings producer. */
    Readings readings();

    /** The polling loop. */
    Loop loop();

    /** Demo mode. */
    Demo demo();

    interface Readings {
        /** Readings held while the broker does not acknowledge them; more are dropped and counted. */
        @WithDefault("10000")
        int bufferSize();
    }

    interface Loop {
        /** Largest random shift of a poll, as a fraction of the pump's interval (spreads pumps over time). */
        @WithDefault("0.1")
        double jitter();

        /** Most a first poll waits after a pump is taken over (random in 0..this). */
        @WithDefault("2s")
        Duration initialDelay();

        /** How often the loop compares the polled pumps with the configured ones. */
        @WithDefault("1s")
        Duration reconcileInterval();

        /** After successful polls the status is republished at most this often (keeps last_reading_at fresh). */
        @WithDefault("60s")
        Duration statusRefresh();

        /** Modbus TCP connect timeout. */
        @WithDefault("3s")
        Duration connectTimeout();

        /** Modbus reply timeout when the pump's config names no connection.timeout_ms. */
        @WithDefault("5s")
        Duration requestTimeout();
    }

    interface Demo {
        /** Start one simulated pump per model family on the registry's demo ports (env POLLING_DEMO_ENABLED). */
        @WithDefault("false")
        boolean enabled();

        /** Address the demo pumps listen on. */
        @WithDefault("127.0.0.1")
        String host();
    }
}
