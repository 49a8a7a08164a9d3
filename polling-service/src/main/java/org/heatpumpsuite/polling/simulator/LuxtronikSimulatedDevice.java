package org.heatpumpsuite.polling.simulator;

import java.time.Instant;

/** A simulated Luxtronik 2.x controller: calculations, parameters and visibilities behind the binary protocol. */
public final class LuxtronikSimulatedDevice extends SimulatedDevice {

    private final LuxtronikDeviceProfile profile;
    private final int[] calculations;
    private final int[] parameters;
    private final byte[] visibilities;
    private long renderedAtMillis = Long.MIN_VALUE;
    private PumpState lastState;
    private volatile boolean noAckAfterReadOnSameConnection;

    public LuxtronikSimulatedDevice(String id, LuxtronikDeviceProfile profile, SimulationClock clock, long seed) {
        super(id, "luxtronik", profile.model(), clock, new PumpPhysics(seed, profile.airSource()));
        this.profile = profile;
        this.calculations = new int[profile.calculationCount()];
        this.parameters = new int[profile.parameterCount()];
        this.visibilities = new byte[profile.visibilityCount()];
        profile.initialise(parameters, visibilities);
        refresh();
    }

    public LuxtronikDeviceProfile profile() {
        return profile;
    }

    /**
     * Emulates firmware V1.90.0 (BenPru/luxtronik #761): a 3002 on a connection that has already served a read gets
     * no acknowledgement.
     */
    public void setNoAckAfterReadOnSameConnection(boolean on) {
        this.noAckAfterReadOnSameConnection = on;
    }

    boolean noAckAfterReadOnSameConnection() {
        return noAckAfterReadOnSameConnection;
    }

    @Override
    public synchronized PumpState state() {
        refresh();
        return lastState;
    }

    public synchronized int[] calculations() {
        refresh();
        return calculations.clone();
    }

    public synchronized int[] parameters() {
        refresh();
        return parameters.clone();
    }

    public synchronized byte[] visibilities() {
        return visibilities.clone();
    }

    /** Applies a 3002 write; false when the controller refuses it. */
    public synchronized boolean writeParameter(int id, int rawValue) {
        writeReceived();
        if (id < 0 || id >= parameters.length || !profile.acceptWrite(id, rawValue)) {
            return false;
        }
        parameters[id] = rawValue;
        renderedAtMillis = Long.MIN_VALUE; // let the next read reflect the new setting
        return true;
    }

    /** Overwrites a calculation (simulator side, for tests). */
    public synchronized void pokeCalculation(int id, int value) {
        calculations[id] = value;
        renderedAtMillis = Long.MAX_VALUE; // keep it until the clock moves past
    }

    private void refresh() {
        Instant now = clock().now();
        long ms = now.toEpochMilli();
        if (renderedAtMillis == Long.MAX_VALUE) {
            return;
        }
        if (lastState != null && renderedAtMillis != Long.MIN_VALUE && ms >= renderedAtMillis
                && ms - renderedAtMillis < 1000) {
            return;
        }
        profile.applySettings(parameters, physics());
        lastState = physics().advanceTo(now);
        profile.render(lastState, calculations, parameters);
        renderedAtMillis = ms;
    }
}
