package org.heatpumpsuite.polling.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The simulated time of the pumps: {@code simStart + (real now - real start) * speed}. Demo mode runs at speed 1 (a
 * compressor cycle every ~40 minutes, a hot-water charge every 6 hours); tests use a controllable {@link Clock} and
 * move time forward without sleeping.
 */
public final class SimulationClock {

    private final Clock real;
    private final long realStartMillis;
    private final long simStartMillis;
    private final double speed;

    public SimulationClock(Clock real, double speed, Instant simStart) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0");
        }
        this.real = Objects.requireNonNull(real);
        this.realStartMillis = real.millis();
        this.simStartMillis = simStart == null ? realStartMillis : simStart.toEpochMilli();
        this.speed = speed;
    }

    /** Real time, real speed. */
    public static SimulationClock realTime() {
        return new SimulationClock(Clock.systemUTC(), 1.0, null);
    }

    /** Follows {@code real}, starting now, at {@code speed} times real time. */
    public static SimulationClock of(Clock real, double speed) {
        return new SimulationClock(real, speed, null);
    }

    public Instant now() {
        long elapsed = real.millis() - realStartMillis;
        return Instant.ofEpochMilli(simStartMillis + (long) (elapsed * speed));
    }

    public double speed() {
        return speed;
    }
}
