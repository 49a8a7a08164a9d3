package org.heatpumpsuite.polling.transport.modbus;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import org.heatpumpsuite.polling.transport.ConnectErrors;
import org.heatpumpsuite.polling.transport.DeviceException;
import org.heatpumpsuite.polling.transport.DeviceException.Kind;
import org.heatpumpsuite.polling.transport.FrameErrors;
import org.jboss.logging.MDC;

import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

/**
 * A {@link ModbusSession} over one Vert.x {@link NetSocket}: one persistent connection per pump, one request in
 * flight, the others queued behind it, a Vert.x timer per request, replies matched by transaction id. No thread ever
 * blocks: a slow or dead pump costs a socket, a timer and a queue, not a thread.
 * <p>
 * All state lives on one Vert.x event-loop context and is only touched there; {@link #read}/{@link #write} may be
 * called from any thread. The returned stages complete <b>on that event loop</b>: callers must not block in
 * non-async dependent stages (use the {@code *Async} variants with their own executor for blocking work).
 * <p>
 * Connection life cycle: the first request connects; a connect failure, a connection lost while a request is in
 * flight, a garbage frame, or {@code timeoutsBeforeReconnect} timeouts in a row count as failures. After {@code n}
 * consecutive failures no connection is attempted before {@link ModbusTransportConfig#backoffAfter(int)} has passed
 * on the injected {@link Clock}; requests in that window fail at once with the last failure's kind (retryable). Any
 * reply from the device (data or exception) resets the failure count. A pump closing an idle connection is not a
 * failure: the next request simply reconnects.
 */
public final class VertxModbusSession implements ModbusSession {

    private enum State {
        DISCONNECTED, CONNECTING, CONNECTED, CLOSED
    }

    private static final class Pending {
        final ModbusPduCodec.Request request;
        final CompletableFuture<int[]> result = new CompletableFuture<>();
        int transactionId;
        long timerId = -1;

        Pending(ModbusPduCodec.Request request) {
            this.request = request;
        }
    }

    private final Vertx vertx;
    private final Context context;
    private final NetClient netClient;
    private final String heatpumpId;
    private final String host;
    private final int port;
    private final int unitId;
    private final ModbusTransportConfig config;
    private final Clock clock;
    private final FrameErrors frameErrors;
    private final Runnable onClose;
    private final AtomicInteger connectionAttempts = new AtomicInteger();

    // Event-loop state
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private volatile State state = State.DISCONNECTED; // volatile only for connected(), read by metrics
    private NetSocket socket;
    private MbapFrameDecoder decoder;
    private long generation;
    private Pending inFlight;
    private int nextTransactionId = 1;
    private int consecutiveFailures;
    private int consecutiveTimeouts;
    private long retryNotBeforeMillis;
    private DeviceException lastFailure;

    VertxModbusSession(Vertx vertx, Context context, NetClient netClient, String heatpumpId, String host, int port,
            int unitId, ModbusTransportConfig config, Clock clock, FrameErrors frameErrors, Runnable onClose) {
        this.vertx = vertx;
        this.context = context;
        this.netClient = netClient;
        this.heatpumpId = heatpumpId;
        this.host = host;
        this.port = port;
        this.unitId = unitId;
        this.config = config;
        this.clock = clock;
        this.frameErrors = frameErrors;
        this.onClose = onClose;
    }

    public String heatpumpId() {
        return heatpumpId;
    }

    /** True while the TCP connection to the pump is open (read from any thread, for metrics). */
    public boolean connected() {
        return state == State.CONNECTED;
    }

    /** TCP connections opened (or attempted) so far: 1 for a healthy pump, however many requests it served. */
    public int connectionAttempts() {
        return connectionAttempts.get();
    }

    @Override
    public CompletionStage<int[]> read(FunctionCode fc, int address, int count) {
        if (fc != FunctionCode.READ_HOLDING_REGISTERS && fc != FunctionCode.READ_INPUT_REGISTERS) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("read needs FC03 or FC04, not " + fc));
        }
        if (count < 1 || count > 125) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "a read covers 1..125 registers, not " + count));
        }
        if (address < 0 || address + count > 65536) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("address " + address + " + " + count
                    + " outside 0..65535"));
        }
        return submit(ModbusPduCodec.Request.read(unitId, fc, address, count));
    }

    @Override
    public CompletionStage<Void> write(FunctionCode fc, int address, int[] words) {
        int max = switch (fc) {
            case WRITE_SINGLE_REGISTER -> 1;
            case WRITE_MULTIPLE_REGISTERS -> 123;
            default -> 0;
        };
        if (max == 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("write needs FC06 or FC16, not " + fc));
        }
        if (words == null || words.length < 1 || words.length > max) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(fc + " writes 1.." + max
                    + " registers, not " + (words == null ? 0 : words.length)));
        }
        if (address < 0 || address + words.length > 65536) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("address " + address + " + "
                    + words.length + " outside 0..65535"));
        }
        for (int w : words) {
            if (w < 0 || w > 0xFFFF) {
                return CompletableFuture.failedFuture(new IllegalArgumentException(
                        "register values are unsigned 16-bit words (0..65535), not " + w));
            }
        }
        return submit(ModbusPduCodec.Request.write(unitId, fc, address, words)).thenApply(w -> null);
    }

    @Override
    public void close() {
        context.runOnContext(v -> {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            generation++;
            if (socket != null) {
                socket.close();
                socket = null;
            }
            DeviceException ex = new DeviceException(Kind.OTHER, "Modbus session of " + heatpumpId + " closed", false,
                    null);
            if (inFlight != null) {
                vertx.cancelTimer(inFlight.timerId);
                inFlight.result.completeExceptionally(ex);
                inFlight = null;
            }
            failQueued(ex);
            onClose.run();
        });
    }

    // ---- event loop from here on ----

    private CompletableFuture<int[]> submit(ModbusPduCodec.Request request) {
        Pending p = new Pending(request);
        context.runOnContext(v -> enqueue(p));
        return p.result;
    }

    private void enqueue(Pending p) {
        if (state == State.CLOSED) {
            p.result.completeExceptionally(new DeviceException(Kind.OTHER, "Modbus session of " + heatpumpId
                    + " is closed", false, null));
            return;
        }
        int allowed = config.maxQueuedRequests() + (inFlight == null ? 1 : 0);
        if (queue.size() >= allowed) {
            p.result.completeExceptionally(new DeviceException(Kind.OTHER, "Too many requests queued for "
                    + heatpumpId + " (" + queue.size() + ")", true, null));
            return;
        }
        queue.add(p);
        pump();
    }

    private void pump() {
        if (state == State.CLOSED || inFlight != null || queue.isEmpty()) {
            return;
        }
        switch (state) {
            case CONNECTED -> send(queue.poll());
            case CONNECTING -> {
                // requests wait for the connection
            }
            case DISCONNECTED -> {
                long wait = retryNotBeforeMillis - clock.millis();
                if (wait > 0 && lastFailure != null) {
                    failQueued(new DeviceException(lastFailure.kind(), lastFailure.getMessage() + "; next connection "
                            + "attempt in " + wait + " ms (back-off after " + consecutiveFailures + " failures)", true,
                            lastFailure));
                } else {
                    connect();
                }
            }
            default -> {
            }
        }
    }

    private void connect() {
        state = State.CONNECTING;
        long gen = ++generation;
        connectionAttempts.incrementAndGet();
        try {
            netClient.connect(port, host).onComplete(ar -> {
                if (gen != generation || state == State.CLOSED) {
                    if (ar.succeeded()) {
                        ar.result().close();
                    }
                    return;
                }
                if (ar.succeeded()) {
                    onConnected(gen, ar.result());
                } else {
                    onConnectFailed(ar.cause());
                }
            });
        } catch (RuntimeException e) {
            onConnectFailed(e);
        }
    }

    private void onConnected(long gen, NetSocket s) {
        socket = s;
        decoder = new MbapFrameDecoder();
        state = State.CONNECTED;
        MbapFrameDecoder.Listener listener = new MbapFrameDecoder.Listener() {
            @Override
            public void onFrame(MbapFrameDecoder.Adu adu) {
                if (gen == generation) {
                    handleAdu(adu);
                }
            }

            @Override
            public void onFramingError(String kind, String detail) {
                if (gen == generation) {
                    handleFramingError(kind, detail);
                }
            }
        };
        s.handler(buf -> {
            if (gen == generation) {
                byte[] bytes = buf.getBytes();
                decoder.feed(bytes, 0, bytes.length, listener);
            }
        });
        s.closeHandler(v -> onClosed(gen));
        s.exceptionHandler(t -> {
            if (gen == generation) {
                log(false, "Modbus connection to %s:%d failed: %s", host, port, t.toString());
                s.close();
            }
        });
        if (consecutiveFailures > 0) {
            log(true, "Modbus connection to %s:%d re-established after %d failures", host, port, consecutiveFailures);
        }
        pump();
    }

    private void onConnectFailed(Throwable t) {
        state = State.DISCONNECTED;
        socket = null;
        DeviceException ex = ConnectErrors.classify(t, host, port);
        recordFailure(ex);
        failQueued(ex);
    }

    private void send(Pending p) {
        p.transactionId = nextTransactionId;
        nextTransactionId = nextTransactionId == 0xFFFF ? 1 : nextTransactionId + 1;
        inFlight = p;
        socket.write(Buffer.buffer(ModbusPduCodec.encode(p.transactionId, p.request)));
        p.timerId = vertx.setTimer(config.requestTimeout().toMillis(), id -> onTimeout(p));
    }

    private void handleAdu(MbapFrameDecoder.Adu adu) {
        Pending p = inFlight;
        if (p == null) {
            frameErrors.record(heatpumpId, "unsolicited", "reply with transaction id " + adu.transactionId()
                    + " while no request was in flight");
            return;
        }
        if (adu.transactionId() != p.transactionId) {
            frameErrors.record(heatpumpId, "stale_reply", "reply with transaction id " + adu.transactionId()
                    + " while waiting for " + p.transactionId + " (a late reply to a timed-out request?)");
            return;
        }
        vertx.cancelTimer(p.timerId);
        inFlight = null;
        ModbusPduCodec.Decoded decoded = ModbusPduCodec.decode(adu, p.request);
        if (decoded instanceof ModbusPduCodec.Decoded.Registers r) {
            deviceAnswered();
            p.result.complete(r.words());
        } else if (decoded instanceof ModbusPduCodec.Decoded.WriteAck) {
            deviceAnswered();
            p.result.complete(new int[0]);
        } else if (decoded instanceof ModbusPduCodec.Decoded.Exception e) {
            deviceAnswered();
            String what = describe(p.request);
            frameErrors.record(heatpumpId, "exception_reply", "exception code " + e.code() + " to " + what);
            p.result.completeExceptionally(DeviceException.modbus(e.code(), "Modbus exception " + e.code() + " ("
                    + exceptionName(e.code()) + ") from " + heatpumpId + " to " + what));
        } else if (decoded instanceof ModbusPduCodec.Decoded.Invalid i) {
            frameErrors.record(heatpumpId, i.kind(), i.detail());
            p.result.completeExceptionally(new DeviceException(Kind.PROTOCOL, "Invalid reply from " + heatpumpId
                    + " to " + describe(p.request) + ": " + i.detail(), true, null));
        }
        pump();
    }

    private void handleFramingError(String kind, String detail) {
        frameErrors.record(heatpumpId, kind, detail);
        DeviceException ex = new DeviceException(Kind.PROTOCOL, "Unreadable data from " + heatpumpId + " (" + kind
                + "): " + detail, true, null);
        Pending p = inFlight;
        inFlight = null;
        if (p != null) {
            vertx.cancelTimer(p.timerId);
        }
        // State first, then the caller: a caller reacting at once already sees the reset and the back-off.
        closeSocket();
        recordFailure(ex);
        if (p != null) {
            p.result.completeExceptionally(ex);
        }
        pump();
    }

    private void onTimeout(Pending p) {
        if (inFlight != p) {
            return;
        }
        inFlight = null;
        consecutiveTimeouts++;
        DeviceException ex = new DeviceException(Kind.TIMEOUT, "No reply from " + heatpumpId + " (" + host + ":" + port
                + ") within " + config.requestTimeout().toMillis() + " ms to " + describe(p.request), true, null);
        if (consecutiveTimeouts >= config.timeoutsBeforeReconnect()) {
            closeSocket();
            recordFailure(ex);
        }
        p.result.completeExceptionally(ex);
        pump();
    }

    private void onClosed(long gen) {
        if (gen != generation || state == State.CLOSED) {
            return;
        }
        generation++;
        socket = null;
        state = State.DISCONNECTED;
        int partial = decoder == null ? 0 : decoder.pendingBytes();
        Pending p = inFlight;
        if (p != null) {
            vertx.cancelTimer(p.timerId);
            inFlight = null;
            DeviceException ex;
            if (partial > 0) {
                frameErrors.record(heatpumpId, "truncated", "connection closed after " + partial
                        + " bytes of a reply frame");
                ex = new DeviceException(Kind.PROTOCOL, "Truncated reply from " + heatpumpId + ": connection closed "
                        + "after " + partial + " bytes of the frame", true, null);
            } else {
                ex = new DeviceException(Kind.OTHER, "Connection closed by " + heatpumpId + " (" + host + ":" + port
                        + ") before the reply to " + describe(p.request), true, null);
            }
            recordFailure(ex);
            p.result.completeExceptionally(ex);
        } else if (partial > 0) {
            frameErrors.record(heatpumpId, "truncated", "idle connection closed after " + partial
                    + " bytes of an unsolicited frame");
        }
        pump();
    }

    private void closeSocket() {
        generation++;
        if (socket != null) {
            socket.close();
            socket = null;
        }
        state = State.DISCONNECTED;
    }

    private void recordFailure(DeviceException ex) {
        consecutiveFailures++;
        consecutiveTimeouts = 0;
        lastFailure = ex;
        long backoff = config.backoffAfter(consecutiveFailures).toMillis();
        retryNotBeforeMillis = clock.millis() + backoff;
        log(consecutiveFailures == 1, "Modbus %s (%s): %s; failure %d, next connection attempt in %d ms",
                heatpumpId, ex.kind().wire(), ex.getMessage(), consecutiveFailures, backoff);
    }

    private void deviceAnswered() {
        consecutiveFailures = 0;
        consecutiveTimeouts = 0;
        lastFailure = null;
        retryNotBeforeMillis = 0;
    }

    private void failQueued(DeviceException ex) {
        Pending p;
        while ((p = queue.poll()) != null) {
            p.result.completeExceptionally(ex);
        }
    }

    private void log(boolean info, String format, Object... args) {
        MDC.put("heatpump_id", heatpumpId);
        try {
            if (info) {
                Log.infof(format, args);
            } else {
                Log.debugf(format, args);
            }
        } finally {
            MDC.remove("heatpump_id");
        }
    }

    private static String describe(ModbusPduCodec.Request r) {
        return String.format("FC%02d at %d x%d (unit %d)", r.fc().code(), r.address(), r.count(), r.unitId());
    }

    static String exceptionName(int code) {
        return switch (code) {
            case 1 -> "illegal function";
            case 2 -> "illegal data address";
            case 3 -> "illegal data value";
            case 4 -> "server device failure";
            case 5 -> "acknowledge";
            case 6 -> "server device busy";
            case 10 -> "gateway path unavailable";
            case 11 -> "gateway target device failed to respond";
            default -> "unknown code";
        };
    }
}
