package org.heatpumpsuite.polling.simulator;

import java.util.ArrayDeque;
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
 * A Modbus TCP server for simulated devices: one listening port per device (distinct ports on 127.0.0.1, or
 * distinct loopback addresses), all on the Vert.x event loops, so one JVM serves thousands of simulated pumps. MBAP
 * framing is done here by hand; requests on one connection are answered in order, one at a time. Faults of the
 * device ({@link FaultInjection}) are applied per request.
 * <p>
 * Logging uses JBoss Logging directly (not Quarkus' {@code Log}) so the simulator also runs outside a Quarkus
 * application, e.g. in a separate benchmark JVM.
 */
public final class ModbusSimulatorServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ModbusSimulatorServer.class);
    private static final int MAX_LENGTH_FIELD = 254;

    private final Vertx vertx;
    private final Map<ModbusSimulatedDevice, NetServer> servers = new ConcurrentHashMap<>();

    public ModbusSimulatorServer(Vertx vertx) {
        this.vertx = Objects.requireNonNull(vertx);
    }

    /** Starts listening for {@code device} on {@code host:port} (port 0: any free port); completes with the port. */
    public CompletableFuture<Integer> start(ModbusSimulatedDevice device, String host, int port) {
        if (servers.containsKey(device)) {
            return CompletableFuture.failedFuture(new IllegalStateException(device + " already started"));
        }
        NetServer server = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port)
                .setTcpNoDelay(true).setReuseAddress(true).setAcceptBacklog(256));
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

    /** Stops listening and closes the device's connections (a pump switched off). */
    public CompletableFuture<Void> stop(ModbusSimulatedDevice device) {
        NetServer server = servers.remove(device);
        if (server == null) {
            return CompletableFuture.completedFuture(null);
        }
        return server.close().toCompletionStage().toCompletableFuture();
    }

    public int port(ModbusSimulatedDevice device) {
        NetServer s = servers.get(device);
        if (s == null) {
            throw new IllegalStateException(device + " not started");
        }
        return s.actualPort();
    }

    public int size() {
        return servers.size();
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
        final ModbusSimulatedDevice device;
        final NetSocket socket;
        final ArrayDeque<byte[]> requests = new ArrayDeque<>();
        byte[] buffer = new byte[512];
        int filled;
        boolean busy;
        boolean closed;

        Connection(ModbusSimulatedDevice device, NetSocket socket) {
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
            byte[] in = data.getBytes();
            if (filled + in.length > buffer.length) {
                byte[] bigger = new byte[Math.max(buffer.length * 2, filled + in.length)];
                System.arraycopy(buffer, 0, bigger, 0, filled);
                buffer = bigger;
            }
            System.arraycopy(in, 0, buffer, filled, in.length);
            filled += in.length;
            int pos = 0;
            while (filled - pos >= 7) {
                int protocol = u16(buffer, pos + 2);
                int length = u16(buffer, pos + 4);
                if (protocol != 0 || length < 2 || length > MAX_LENGTH_FIELD) {
                    LOG.debugf("simulator %s: unreadable request frame, closing", device.id());
                    socket.close();
                    filled = 0;
                    return;
                }
                int total = 6 + length;
                if (filled - pos < total) {
                    break;
                }
                byte[] frame = new byte[total];
                System.arraycopy(buffer, pos, frame, 0, total);
                requests.add(frame);
                pos += total;
            }
            System.arraycopy(buffer, pos, buffer, 0, filled - pos);
            filled -= pos;
            next();
        }

        void next() {
            if (busy || closed || requests.isEmpty()) {
                return;
            }
            byte[] frame = requests.poll();
            busy = true;
            device.requestStarted();
            FaultInjection.Fault fault = device.faults().next();
            int unit = frame[6] & 0xFF;
            byte[] pdu = new byte[frame.length - 7];
            System.arraycopy(frame, 7, pdu, 0, pdu.length);
            int fc = pdu.length > 0 ? pdu[0] & 0xFF : -1;
            int address = pdu.length >= 3 ? u16(pdu, 1) : -1;
            int count = pdu.length >= 5 ? (fc == 6 ? 1 : u16(pdu, 3)) : -1;
            long delay = device.profile().replyDelayMillis(fc, address, count);
            switch (fault.kind()) {
                case NO_REPLY -> {
                    device.requestReceived();
                    done();
                    return;
                }
                case DROP_CONNECTION -> {
                    device.requestReceived();
                    socket.close();
                    return;
                }
                case EXCEPTION -> {
                    device.requestReceived();
                    send(adu(frame, new byte[] { (byte) ((pdu.length > 0 ? pdu[0] : 0) | 0x80),
                            (byte) fault.exceptionCode() }), delay, false);
                    return;
                }
                case GARBAGE -> {
                    device.requestReceived();
                    byte[] junk = new byte[12 + ThreadLocalRandom.current().nextInt(20)];
                    ThreadLocalRandom.current().nextBytes(junk);
                    junk[2] = (byte) (junk[2] | 0x40); // never a valid protocol id
                    send(junk, delay, false);
                    return;
                }
                case OVERSIZED -> {
                    device.requestReceived();
                    byte[] big = new byte[64];
                    big[0] = frame[0];
                    big[1] = frame[1];
                    big[4] = 0x04; // length 0x0400 = 1024 > 254
                    big[6] = frame[6];
                    big[7] = pdu.length > 0 ? pdu[0] : 3;
                    send(big, delay, false);
                    return;
                }
                default -> {
                }
            }
            byte[] reply = device.handle(unit, pdu);
            if (reply == null) {
                done();
                return;
            }
            byte[] adu = adu(frame, reply);
            if (fault.kind() == FaultInjection.Kind.SLOW) {
                delay += fault.delay().toMillis();
            }
            if (fault.kind() == FaultInjection.Kind.TRUNCATED) {
                byte[] half = new byte[Math.max(1, adu.length / 2)];
                System.arraycopy(adu, 0, half, 0, half.length);
                send(half, delay, true);
                return;
            }
            send(adu, delay, false);
        }

        void send(byte[] bytes, long delayMillis, boolean closeAfter) {
            Runnable r = () -> {
                if (closed) {
                    return;
                }
                if (closeAfter) {
                    socket.write(Buffer.buffer(bytes)).onComplete(ar -> socket.close());
                    return;
                }
                socket.write(Buffer.buffer(bytes));
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

    /** The MBAP header of the request (transaction id, unit) around a reply PDU. */
    private static byte[] adu(byte[] requestFrame, byte[] pdu) {
        byte[] out = new byte[7 + pdu.length];
        out[0] = requestFrame[0];
        out[1] = requestFrame[1];
        int length = 1 + pdu.length;
        out[4] = (byte) (length >>> 8);
        out[5] = (byte) length;
        out[6] = requestFrame[6];
        System.arraycopy(pdu, 0, out, 7, pdu.length);
        return out;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
