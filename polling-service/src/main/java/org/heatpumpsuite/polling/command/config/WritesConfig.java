package org.heatpumpsuite.polling.command.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The write governor and the commands/config consumer (documented in the service README, "Writes" and "Scale-out"). */
@ConfigMapping(prefix = "polling.writes")
public interface WritesConfig {

    /** Shortest time between two writes of one EEPROM-backed value of one pump. */
    @WithDefault("1h")
    Duration eepromMinInterval();

    /** Most writes of one EEPROM-backed value of one pump in any 24 h (EEPROM cells take a limited number of writes). */
    @WithDefault("10")
    int eepromDailyBudget();

    /** A command older than this (by requested_at) when it arrives is rejected, never executed late. */
    @WithDefault("1h")
    Duration commandMaxAge();

    /** Pause before reading a written value back (iDM applies changes cyclically: "allow about 15 s"). */
    @WithDefault("1s")
    Duration verifyDelay();

    /** Read-backs before a write counts as not verified (each after verify-delay, doubling). */
    @WithDefault("4")
    int verifyAttempts();

    /** How often standing cyclic values are checked for a due re-send. */
    @WithDefault("1s")
    Duration resendTick();

    /** The combined heatpump.config + heatpump.commands consumer. */
    Consumer consumer();

    interface Consumer {
        /** Consumer group shared by all replicas. */
        @WithDefault("polling-service")
        String groupId();

        /** A replica that stops heart-beating loses its pumps after this (≤ 10 s: pumps move within 30 s). */
        @WithDefault("10s")
        Duration sessionTimeout();

        @WithDefault("1s")
        Duration heartbeatInterval();
    }
}
