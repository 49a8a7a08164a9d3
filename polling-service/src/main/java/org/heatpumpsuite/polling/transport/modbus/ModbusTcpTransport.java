package org.heatpumpsuite.polling.transport.modbus;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.heatpumpsuite.polling.transport.FrameErrors;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;

/**
 * Creates {@link ModbusSession}s over Vert.x: one persistent TCP connection per pump, all pumps sharing the Vert.x
 * event loops (no thread per pump). Usable without CDI: construct it with a {@link Vertx}, a config, optionally a
 * {@link MeterRegistry} (for {@code polling_frame_errors_total}) and a {@link Clock} (back-off decisions; tests pass
 * a controllable clock).
 */
public final class ModbusTcpTransport implements AutoCloseable {

    private final Vertx vertx;
    private final ModbusTransportConfig config;
    private final Clock clock;
    private final FrameErrors frameErrors;
    private final Map<Duration, NetClient> clients = new ConcurrentHashMap<>();
    private final Set<VertxModbusSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public ModbusTcpTransport(Vertx vertx, ModbusTransportConfig config, MeterRegistry registry, Clock clock) {
        this.vertx = Objects.requireNonNull(vertx);
        this.config = Objects.requireNonNull(config);
        this.clock = Objects.requireNonNull(clock);
        this.frameErrors = new FrameErrors(registry, clock, "Modbus");
    }

    public ModbusTcpTransport(Vertx vertx, ModbusTransportConfig config) {
        this(vertx, config, null, Clock.systemUTC());
    }

    /** Opens a session with the transport's settings. The connection is made by the first request. */
    public ModbusSession open(String heatpumpId, String host, int port, int unitId) {
        return open(heatpumpId, host, port, unitId, config);
    }

    /** Opens a session with its own settings (e.g. a longer request timeout for a NIBE MODBUS 40 gateway). */
    public ModbusSession open(String heatpumpId, String host, int port, int unitId, ModbusTransportConfig settings) {
        if (closed) {
            throw new IllegalStateException("transport closed");
        }
        if (unitId < 0 || unitId > 255 || port < 1 || port > 65535) {
            throw new IllegalArgumentException("unit id 0..255 and port 1..65535 required");
        }
        NetClient client = clients.computeIfAbsent(settings.connectTimeout(), t -> vertx.createNetClient(
                new NetClientOptions().setConnectTimeout((int) Math.min(Integer.MAX_VALUE, t.toMillis()))
                        .setTcpNoDelay(true).setTcpKeepAlive(true).setReconnectAttempts(0)));
        VertxModbusSession[] holder = new VertxModbusSession[1];
        VertxModbusSession session = new VertxModbusSession(vertx, newContext(), client, heatpumpId, host, port, unitId,
                settings, clock, frameErrors, () -> sessions.remove(holder[0]));
        holder[0] = session;
        sessions.add(session);
        return session;
    }

    /** Counts of frame errors per pump and kind (also published to Micrometer when a registry was given). */
    public FrameErrors frameErrors() {
        return frameErrors;
    }

    public int openSessions() {
        return sessions.size();
    }

    /** Sessions whose TCP connection is open right now (a pump in back-off or never reached has none). */
    public int connectedSessions() {
        int n = 0;
        for (VertxModbusSession s : sessions) {
            if (s.connected()) {
                n++;
            }
        }
        return n;
    }

    /** Closes every session (pending requests fail) and the Vert.x clients. The {@link Vertx} stays open. */
    @Override
    public void close() {
        closed = true;
        for (VertxModbusSession s : sessions) {
            s.close();
        }
        clients.values().forEach(NetClient::close);
        clients.clear();
    }

    /** Spreads sessions over the event loops, also when called from an event-loop thread. */
    private Context newContext() {
        if (vertx instanceof VertxInternal internal) {
            return internal.createEventLoopContext();
        }
        return vertx.getOrCreateContext();
    }
}
