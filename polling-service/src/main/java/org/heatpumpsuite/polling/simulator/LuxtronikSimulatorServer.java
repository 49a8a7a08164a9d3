package org.heatpumpsuite.polling.simulator;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

/**
 * The Luxtronik 2.x binary protocol on a TCP port (8889 on real controllers), encoded here by hand: every field a
 * big-endian int32, except the 3005 payload of one signed byte per visibility (protocol-notes.md §2.5).
 * <ul>
 * <li>request {@code 3003 0} → {@code 3003 N N×int32}</li>
 * <li>request {@code 3004 0} → {@code 3004 status N N×int32} (status 0, as the reference's test controller)</li>
 * <li>request {@code 3005 0} → {@code 3005 N N×int8}</li>
 * <li>request {@code 3002 id value} → {@code 3002 id} (python-luxtronik's test controller echoes the id)</li>
 * </ul>
 * There is no error frame: an unknown command or a refused write closes the connection.
 */
public final class LuxtronikSimulatorServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LuxtronikSimulatorServer.class);

    private final Vertx vertx;
    private final Map<LuxtronikSimulatedDevice, NetServer> servers = new ConcurrentHashMap<>();

    public LuxtronikSimulatorServer(Vertx vertx) {
        this.vertx = Objects.requireNonNull(vertx);
    }

    public CompletableFuture<Integer> start(LuxtronikSimulatedDevice device, String host, int port) {
        if (servers.containsKey(device)) {
            return CompletableFuture.failedFuture(new IllegalStateException(device + " already started"));
        }
        NetServer server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port)
                .setTcpNoDelay(true).setReuseAddress(true));
        server.connectHandler(socket -> new Connection(device, socket));
        CompletableFuture<Integer> result = new CompletableFuture<>();
        server.listen().onComplete(ar -> {
            if (ar.succeeded()) {
                servers.put(device, server);
                result.complete(server.actualPort());
            } else {
                result.completeExceptionally(ar.cause());
            }
        });
        return result;
    }

    public CompletableFuture<Void> stop(LuxtronikSimulatedDevice device) {
        NetServer server = servers.remove(device);
        if (server == null) {
            return CompletableFuture.completedFuture(null);
        }
        return server.close().toCompletionStage().toCompletableFuture();
    }

    public int port(LuxtronikSimulatedDevice device) {
        NetServer s = servers.get(device);
        if (s == null) {
            throw new IllegalStateException(device + " not started");
        }
        return s.actualPort();
    }

    /** Stops all servers and waits for it. Blocks: not on an event loop (use {@link #closeAsync()}). */
    @Override
    public void close() {
        closeAsync().join();
    }

    public CompletableFuture<Void> closeAsync() {
        return CompletableFuture.allOf(servers.keySet().stream().map(this::stop).toArray(CompletableFuture[]::new));
    }

    private final class Connection {
        final LuxtronikSimulatedDevice device;
        final NetSocket socket;
        Buffer pending = Buffer.buffer();
        boolean busy;
        boolean closed;
        boolean servedRead;

        Connection(LuxtronikSimulatedDevice device, NetSocket socket) {
            this.device = device;
            this.socket = socket;
            device.connectionOpened();
            socket.handler(this::onData);
            socket.closeHandler(v -> {
                closed = true;
                if (busy) {
                    busy = false;
                    device.requestFinished();
                }
                device.connectionClosed();
            });
            socket.exceptionHandler(t -> LOG.debugf("simulator %s: %s", device.id(), t));
        }

        void onData(Buffer data) {
            pending.appendBuffer(data);
            next();
        }

        void next() {
            if (busy || closed || pending.length() < 4) {
                return;
            }
            int command = pending.getInt(0);
            int size = command == 3002 ? 12 : 8;
            if (command < 3002 || command > 3005) {
                LOG.debugf("simulator %s: unknown command %d, closing", device.id(), command);
                socket.close();
                return;
            }
            if (pending.length() < size) {
                return;
            }
            Buffer request = pending.getBuffer(0, size);
            pending = pending.getBuffer(size, pending.length());
            busy = true;
            device.requestReceived();
            device.requestStarted();
            FaultInjection.Fault fault = device.faults().next();
            switch (fault.kind()) {
                case NO_REPLY -> {
                    done();
                    return;
                }
                case DROP_CONNECTION, EXCEPTION -> {
                    socket.close();
                    return;
                }
                case GARBAGE -> {
                    byte[] junk = new byte[8 + ThreadLocalRandom.current().nextInt(24)];
                    ThreadLocalRandom.current().nextBytes(junk);
                    junk[0] = (byte) (junk[0] | 0x40); // never a valid echo
                    send(Buffer.buffer(junk), 0, false);
                    return;
                }
                case OVERSIZED -> {
                    Buffer big = Buffer.buffer().appendInt(command);
                    if (command == 3004) {
                        big.appendInt(0);
                    }
                    big.appendInt(Integer.MAX_VALUE);
                    send(big, 0, false);
                    return;
                }
                default -> {
                }
            }
            Buffer reply = reply(command, request);
            if (reply == null) {
                socket.close();
                return;
            }
            long delay = fault.kind() == FaultInjection.Kind.SLOW ? fault.delay().toMillis() : 0;
            if (fault.kind() == FaultInjection.Kind.TRUNCATED) {
                send(reply.getBuffer(0, Math.max(1, reply.length() / 2)), delay, true);
                return;
            }
            send(reply, delay, false);
        }

        Buffer reply(int command, Buffer request) {
            switch (command) {
                case 3003 -> {
                    servedRead = true;
                    return ints(Buffer.buffer().appendInt(3003), device.parameters());
                }
                case 3004 -> {
                    servedRead = true;
                    return ints(Buffer.buffer().appendInt(3004).appendInt(0), device.calculations());
                }
                case 3005 -> {
                    servedRead = true;
                    byte[] v = device.visibilities();
                    return Buffer.buffer().appendInt(3005).appendInt(v.length).appendBytes(v);
                }
                default -> { // 3002
                    int id = request.getInt(4);
                    int value = request.getInt(8);
                    boolean accepted = device.writeParameter(id, value);
                    if (!accepted) {
                        LOG.debugf("simulator %s: write of parameter %d = %d refused", device.id(), id, value);
                        return null;
                    }
                    if (servedRead && device.noAckAfterReadOnSameConnection()) {
                        return Buffer.buffer(); // stored, never acknowledged
                    }
                    return Buffer.buffer().appendInt(3002).appendInt(id);
                }
            }
        }

        Buffer ints(Buffer head, int[] values) {
            head.appendInt(values.length);
            for (int v : values) {
                head.appendInt(v);
            }
            return head;
        }

        void send(Buffer bytes, long delayMillis, boolean closeAfter) {
            Runnable r = () -> {
                if (closed) {
                    return;
                }
                if (closeAfter) {
                    socket.write(bytes).onComplete(ar -> socket.close());
                    return;
                }
                if (bytes.length() > 0) {
                    socket.write(bytes);
                }
                done();
            };
            if (delayMillis > 0) {
                vertx.setTimer(delayMillis, id -> r.run());
            } else {
                r.run();
            }
        }

        void done() {
            if (busy) {
                busy = false;
                device.requestFinished();
            }
            next();
        }
    }
}
