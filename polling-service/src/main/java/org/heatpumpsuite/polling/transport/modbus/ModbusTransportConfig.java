package org.heatpumpsuite.polling.transport.modbus;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Modbus TCP transport.
 *
 * @param connectTimeout          how long a TCP connect may take
 * @param requestTimeout          how long to wait for the reply to one request (a Vert.x timer per request); NIBE
 *                                MODBUS 40 gateways take up to 2.1 s per request
 * @param initialBackoff          wait after the first failed connection before connecting again; doubles with each
 *                                further consecutive failure (Xerolux: 1 s to 60 s)
 * @param maxBackoff              upper bound of the back-off
 * @param maxQueuedRequests       requests waiting behind the one in flight, per pump; more fail at once
 * @param timeoutsBeforeReconnect consecutive request timeouts after which the connection is considered dead (a
 *                                half-open TCP connection never reports itself) and is re-established
 */
public record ModbusTransportConfig(Duration connectTimeout, Duration requestTimeout, Duration initialBackoff,
        Duration maxBackoff, int maxQueuedRequests, int timeoutsBeforeReconnect) {

    public ModbusTransportConfig {
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(requestTimeout);
        Objects.requireNonNull(initialBackoff);
        Objects.requireNonNull(maxBackoff);
        if (connectTimeout.toMillis() < 1 || requestTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeouts must be at least 1 ms");
        }
        if (maxQueuedRequests < 0 || timeoutsBeforeReconnect < 1) {
            throw new IllegalArgumentException("maxQueuedRequests >= 0, timeoutsBeforeReconnect >= 1");
        }
    }

    /** 3 s connect, 5 s per request (yozik04/nibe uses 5 s), back-off 1 s doubling to 60 s, 64 queued, reset after 2 timeouts. */
    public static ModbusTransportConfig defaults() {
        return new ModbusTransportConfig(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofSeconds(60), 64, 2);
    }

    public ModbusTransportConfig withConnectTimeout(Duration d) {
        return new ModbusTransportConfig(d, requestTimeout, initialBackoff, maxBackoff, maxQueuedRequests,
                timeoutsBeforeReconnect);
    }

    public ModbusTransportConfig withRequestTimeout(Duration d) {
        return new ModbusTransportConfig(connectTimeout, d, initialBackoff, maxBackoff, maxQueuedRequests,
                timeoutsBeforeReconnect);
    }

    public ModbusTransportConfig withBackoff(Duration initial, Duration max) {
        return new ModbusTransportConfig(connectTimeout, requestTimeout, initial, max, maxQueuedRequests,
                timeoutsBeforeReconnect);
    }

    public ModbusTransportConfig withMaxQueuedRequests(int n) {
        return new ModbusTransportConfig(connectTimeout, requestTimeout, initialBackoff, maxBackoff, n,
                timeoutsBeforeReconnect);
    }

    public ModbusTransportConfig withTimeoutsBeforeReconnect(int n) {
        return new ModbusTransportConfig(connectTimeout, requestTimeout, initialBackoff, maxBackoff,
                maxQueuedRequests, n);
    }

    /** The wait before the next connection attempt after {@code failures} consecutive failures (0 → none). */
    public Duration backoffAfter(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long initial = initialBackoff.toMillis();
        long max = maxBackoff.toMillis();
        int shift = Math.min(failures - 1, 30);
        long ms = initial > (Long.MAX_VALUE >> shift) ? max : Math.min(max, initial << shift);
        return Duration.ofMillis(ms);
    }
}
