package org.heatpumpsuite.polling.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults a simulated device shows to its clients, switchable at runtime (thread-safe). A fault applies to every
 * request until {@link #clear()}, or only to the next {@code n} requests after {@link #times(int)}.
 * <ul>
 * <li>{@link Kind#SLOW}: the reply is sent after a delay.</li>
 * <li>{@link Kind#NO_REPLY}: the request is swallowed, the connection stays open (the client times out).</li>
 * <li>{@link Kind#DROP_CONNECTION}: the connection is closed on receipt of the request.</li>
 * <li>{@link Kind#EXCEPTION}: a Modbus exception reply with the given code (Luxtronik has no error frame: the
 * connection is closed instead).</li>
 * <li>{@link Kind#GARBAGE}: random bytes that are not a valid frame.</li>
 * <li>{@link Kind#TRUNCATED}: the first half of the real reply, then the connection is closed.</li>
 * <li>{@link Kind#OVERSIZED}: a frame header announcing more than the protocol allows.</li>
 * </ul>
 */
public final class FaultInjection {

    public enum Kind {
        NONE, SLOW, NO_REPLY, DROP_CONNECTION, EXCEPTION, GARBAGE, TRUNCATED, OVERSIZED
    }

    /** One fault: {@code delay} for SLOW, {@code exceptionCode} for EXCEPTION. */
    public record Fault(Kind kind, Duration delay, int exceptionCode) {
        public static final Fault NONE = new Fault(Kind.NONE, Duration.ZERO, 0);
    }

    private record State(Fault fault, int remaining) {
    }

    private final AtomicReference<State> state = new AtomicReference<>(new State(Fault.NONE, -1));

    public FaultInjection slow(Duration delay) {
        return set(new Fault(Kind.SLOW, Objects.requireNonNull(delay), 0));
    }

    public FaultInjection noReply() {
        return set(new Fault(Kind.NO_REPLY, Duration.ZERO, 0));
    }

    public FaultInjection dropConnection() {
        return set(new Fault(Kind.DROP_CONNECTION, Duration.ZERO, 0));
    }

    public FaultInjection exception(int code) {
        return set(new Fault(Kind.EXCEPTION, Duration.ZERO, code));
    }

    public FaultInjection garbage() {
        return set(new Fault(Kind.GARBAGE, Duration.ZERO, 0));
    }

    public FaultInjection truncated() {
        return set(new Fault(Kind.TRUNCATED, Duration.ZERO, 0));
    }

    public FaultInjection oversized() {
        return set(new Fault(Kind.OVERSIZED, Duration.ZERO, 0));
    }

    public FaultInjection clear() {
        return set(Fault.NONE);
    }

    /** Limits the current fault to the next {@code n} requests. */
    public FaultInjection times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n >= 1");
        }
        state.updateAndGet(s -> new State(s.fault(), n));
        return this;
    }

    /** The fault for the request being handled now (consumes one of a limited number). */
    public Fault next() {
        while (true) {
            State s = state.get();
            if (s.fault().kind() == Kind.NONE || s.remaining() < 0) {
                return s.fault();
            }
            State after = s.remaining() <= 1 ? new State(Fault.NONE, -1) : new State(s.fault(), s.remaining() - 1);
            if (state.compareAndSet(s, after)) {
                return s.fault();
            }
        }
    }

    /** The active fault, without consuming it. */
    public Fault current() {
        return state.get().fault();
    }

    private FaultInjection set(Fault fault) {
        state.set(new State(fault, -1));
        return this;
    }
}
