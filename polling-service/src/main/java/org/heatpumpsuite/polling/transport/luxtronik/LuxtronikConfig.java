package org.heatpumpsuite.polling.transport.luxtronik;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Luxtronik client.
 *
 * @param connectTimeout   how long a TCP connect may take
 * @param readTimeout      longest silence while a reply is awaited (the controller has no error frame: a bad request
 *                         shows up as a closed connection or no reply)
 * @param operationTimeout upper bound of one whole operation (connect + all its request/reply exchanges)
 * @param pauseAfterWrite  no operation on the same pump starts earlier after a write (python-luxtronik waits 1 s)
 * @param maxCount         largest value count accepted in a reply (python-luxtronik knows up to 1160 parameters)
 * @param maxQueuedPerPump operations waiting for the same pump; more fail at once
 */
public record LuxtronikConfig(Duration connectTimeout, Duration readTimeout, Duration operationTimeout,
        Duration pauseAfterWrite, int maxCount, int maxQueuedPerPump) {

    public LuxtronikConfig {
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(readTimeout);
        Objects.requireNonNull(operationTimeout);
        Objects.requireNonNull(pauseAfterWrite);
        if (connectTimeout.toMillis() < 1 || readTimeout.toMillis() < 1 || operationTimeout.toMillis() < 1
                || pauseAfterWrite.isNegative() || maxCount < 1 || maxQueuedPerPump < 1) {
            throw new IllegalArgumentException("invalid Luxtronik client settings");
        }
    }

    /** 3 s connect, 10 s read, 30 s per operation, 1 s pause after writes, at most 10,000 values, 8 queued per pump. */
    public static LuxtronikConfig defaults() {
        return new LuxtronikConfig(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(1), 10_000, 8);
    }

    public LuxtronikConfig withReadTimeout(Duration d) {
        return new LuxtronikConfig(connectTimeout, d, operationTimeout, pauseAfterWrite, maxCount, maxQueuedPerPump);
    }

    public LuxtronikConfig withPauseAfterWrite(Duration d) {
        return new LuxtronikConfig(connectTimeout, readTimeout, operationTimeout, d, maxCount, maxQueuedPerPump);
    }

    public LuxtronikConfig withOperationTimeout(Duration d) {
        return new LuxtronikConfig(connectTimeout, readTimeout, d, pauseAfterWrite, maxCount, maxQueuedPerPump);
    }

    public LuxtronikConfig withConnectTimeout(Duration d) {
        return new LuxtronikConfig(d, readTimeout, operationTimeout, pauseAfterWrite, maxCount, maxQueuedPerPump);
    }
}
