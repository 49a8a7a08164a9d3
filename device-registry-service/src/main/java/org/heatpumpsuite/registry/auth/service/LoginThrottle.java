package org.heatpumpsuite.registry.auth.service;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.registry.config.RegistryConfig;

/**
 * Slows down guessing: after {@code registry.login.free-failures} failed logins for a user name every further
 * attempt for that name waits, doubling up to {@code max-delay}; a success or a quiet period resets the count. Kept per replica and per user name (not per
 * address: users behind one NAT must not slow each other down) (several replicas each slow down on their own).
 */
@ApplicationScoped
public class LoginThrottle {

    private record Failures(int count, long lastNanos) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @Inject
    RegistryConfig config;

    /** How long an attempt for these keys must wait before it is checked. */
    public Duration delay(String... keys) {
        long forget = config.login().forgetAfter().toNanos();
        int worst = 0;
        for (String k : keys) {
            Failures f = failures.get(norm(k));
            if (f != null && System.nanoTime() - f.lastNanos() < forget) {
                worst = Math.max(worst, f.count());
            }
        }
        int over = worst - config.login().freeFailures();
        if (over < 0) {
            return Duration.ZERO;
        }
        long ms = config.login().initialDelay().toMillis() << Math.min(over, 20);
        return Duration.ofMillis(Math.min(ms, config.login().maxDelay().toMillis()));
    }

    public void failed(String... keys) {
        long now = System.nanoTime();
        long forget = config.login().forgetAfter().toNanos();
        for (String k : keys) {
            failures.compute(norm(k), (key, f) -> f == null || now - f.lastNanos() >= forget ? new Failures(1, now)
                    : new Failures(f.count() + 1, now));
        }
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> now - e.getValue().lastNanos() >= forget);
        }
    }

    public void succeeded(String username) {
        failures.remove(norm(username));
    }

    private static String norm(String k) {
        return k == null ? "" : k.toLowerCase(Locale.ROOT);
    }
}
