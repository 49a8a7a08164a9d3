package org.heatpumpsuite.polling.simulator;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated heat pump: identity, simulated time, physics, faults and connection statistics. Subclasses speak a
 * protocol (Modbus TCP or Luxtronik) and render the physics into their own registers.
 */
public abstract class SimulatedDevice {

    private final String id;
    private final String manufacturer;
    private final String model;
    private final SimulationClock clock;
    private final PumpPhysics physics;
    private final FaultInjection faults = new FaultInjection();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicInteger maxOpenConnections = new AtomicInteger();
    private final AtomicLong connectionsAccepted = new AtomicLong();
    private final AtomicInteger requestsInProgress = new AtomicInteger();
    private final AtomicInteger maxRequestsInProgress = new AtomicInteger();
    private final AtomicLong writes = new AtomicLong();

    protected SimulatedDevice(String id, String manufacturer, String model, SimulationClock clock, PumpPhysics physics) {
        this.id = Objects.requireNonNull(id);
        this.manufacturer = Objects.requireNonNull(manufacturer);
        this.model = Objects.requireNonNull(model);
        this.clock = Objects.requireNonNull(clock);
        this.physics = Objects.requireNonNull(physics);
    }

    public String id() {
        return id;
    }

    public String manufacturer() {
        return manufacturer;
    }

    public String model() {
        return model;
    }

    public SimulationClock clock() {
        return clock;
    }

    public PumpPhysics physics() {
        return physics;
    }

    /** Switch faults on and off at runtime. */
    public FaultInjection faults() {
        return faults;
    }

    /** The physical state now (also refreshes the device's registers). */
    public abstract PumpState state();

    public long requestsServed() {
        return requests.get();
    }

    /**
     * Write requests that reached the device (Modbus FC06/FC16, Luxtronik 3002), whether it accepted them or not:
     * tests assert with it that a rejected write never went on the wire.
     */
    public long writesReceived() {
        return writes.get();
    }

    void writeReceived() {
        writes.incrementAndGet();
    }

    /** Connections open right now. */
    public int openConnections() {
        return openConnections.get();
    }

    /** The most connections that were open at the same time. */
    public int maxOpenConnections() {
        return maxOpenConnections.get();
    }

    public long connectionsAccepted() {
        return connectionsAccepted.get();
    }

    /** The most requests that were being answered at the same time (on any connections). */
    public int maxConcurrentRequests() {
        return maxRequestsInProgress.get();
    }

    void requestReceived() {
        requests.incrementAndGet();
    }

    void requestStarted() {
        int now = requestsInProgress.incrementAndGet();
        maxRequestsInProgress.accumulateAndGet(now, Math::max);
    }

    void requestFinished() {
        requestsInProgress.decrementAndGet();
    }

    void connectionOpened() {
        connectionsAccepted.incrementAndGet();
        int now = openConnections.incrementAndGet();
        maxOpenConnections.accumulateAndGet(now, Math::max);
    }

    void connectionClosed() {
        openConnections.decrementAndGet();
    }

    @Override
    public String toString() {
        return id + " (" + manufacturer + "/" + model + ")";
    }
}
