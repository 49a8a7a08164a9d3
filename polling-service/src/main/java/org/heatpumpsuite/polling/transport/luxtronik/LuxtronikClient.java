package org.heatpumpsuite.polling.transport.luxtronik;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.heatpumpsuite.polling.transport.ConnectErrors;
import org.heatpumpsuite.polling.transport.DeviceException;
import org.heatpumpsuite.polling.transport.DeviceException.Kind;
import org.heatpumpsuite.polling.transport.FrameErrors;
import org.jboss.logging.MDC;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;

/**
 * Luxtronik 2.0/2.1 binary protocol client (protocol-notes.md §2.5): a fresh TCP connection per operation, closed
 * afterwards; one operation at a time per controller (a per-pump queue, not a blocked thread); a read timeout on every
 * reply; a pause after each write before the next operation on that pump. Runs on Vert.x event loops and never
 * blocks. Returns raw values: decoding them is the vendor layer's job.
 * <p>
 * The returned stages complete on a Vert.x event loop; do not block in non-async dependent stages.
 */
public final class LuxtronikClient implements AutoCloseable {

    private final Vertx vertx;
    private final LuxtronikConfig config;
    private final FrameErrors frameErrors;
    private final NetClient netClient;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();

    private static final class Lane {
        CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
        int queued;
    }

    public LuxtronikClient(Vertx vertx, LuxtronikConfig config, MeterRegistry registry, Clock clock) {
        this.vertx = Objects.requireNonNull(vertx);
        this.config = Objects.requireNonNull(config);
        this.frameErrors = new FrameErrors(registry, clock, "Luxtronik");
        this.netClient = vertx.createNetClient(new NetClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .setTcpNoDelay(true).setReconnectAttempts(0));
    }

    public LuxtronikClient(Vertx vertx, LuxtronikConfig config) {
        this(vertx, config, null, Clock.systemUTC());
    }

    /** 3004: calculations (index = calculation id). */
    public CompletionStage<int[]> readCalculations(LuxtronikEndpoint pump) {
        return serialized(pump, false, () -> exchange(pump, List.of(LuxtronikResponseParser.READ_CALCULATIONS)))
                .thenApply(r -> r.get(0).ints());
    }

    /** 3003: parameters (index = parameter id). */
    public CompletionStage<int[]> readParameters(LuxtronikEndpoint pump) {
        return serialized(pump, false, () -> exchange(pump, List.of(LuxtronikResponseParser.READ_PARAMETERS)))
                .thenApply(r -> r.get(0).ints());
    }

    /** 3005: visibilities, one signed byte each. */
    public CompletionStage<byte[]> readVisibilities(LuxtronikEndpoint pump) {
        return serialized(pump, false, () -> exchange(pump, List.of(LuxtronikResponseParser.READ_VISIBILITIES)))
                .thenApply(r -> r.get(0).bytes());
    }

    /** 3003, 3004 and 3005 on one connection, as python-luxtronik reads. */
    public CompletionStage<LuxtronikSnapshot> readAll(LuxtronikEndpoint pump) {
        return serialized(pump, false, () -> exchange(pump, List.of(LuxtronikResponseParser.READ_PARAMETERS,
                LuxtronikResponseParser.READ_CALCULATIONS, LuxtronikResponseParser.READ_VISIBILITIES)))
                .thenApply(r -> new LuxtronikSnapshot(r.get(0).ints(), r.get(1).ints(), r.get(1).calculationStatus(),
                        r.get(2).bytes()));
    }

    /**
     * 3002: writes one parameter's raw value on a fresh connection (BenPru/luxtronik #761: a 3002 on a socket that
     * had just read parameters went unacknowledged). Completes with the int32 the controller returns after the echo
     * (the reference's test controller returns the parameter id). Some firmware never acknowledges: that is a
     * TIMEOUT, and the write may still have been applied - verify by reading back.
     */
    public CompletionStage<Integer> writeParameter(LuxtronikEndpoint pump, int parameterId, int rawValue) {
        if (parameterId < 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("parameter id >= 0"));
        }
        return serialized(pump, true, () -> exchange(pump, List.of(new int[] { LuxtronikResponseParser.WRITE_PARAMETER,
                parameterId, rawValue }))).thenApply(r -> r.get(0).writeAck());
    }

    /** TCP connections opened so far (one per operation). */
    public int connectionsOpened() {
        return connections.get();
    }

    public FrameErrors frameErrors() {
        return frameErrors;
    }

    @Override
    public void close() {
        netClient.close();
    }

    // ---- per-pump serialisation ----

    private <T> CompletableFuture<T> serialized(LuxtronikEndpoint pump, boolean write,
            Supplier<CompletableFuture<T>> operation) {
        String key = pump.lockKey();
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        CompletableFuture<Void> previous;
        Lane lane;
        synchronized (lanes) {
            lane = lanes.computeIfAbsent(key, k -> new Lane());
            if (lane.queued >= config.maxQueuedPerPump()) {
                return CompletableFuture.failedFuture(new DeviceException(Kind.OTHER, "Too many Luxtronik operations "
                        + "queued for " + pump.heatpumpId() + " (" + lane.queued + ")", true, null));
            }
            lane.queued++;
            previous = lane.tail;
            lane.tail = gate;
        }
        Lane own = lane;
        previous.whenComplete((v, e) -> {
            CompletableFuture<T> op;
            try {
                op = operation.get();
            } catch (RuntimeException ex) {
                op = CompletableFuture.failedFuture(ex);
            }
            op.whenComplete((value, error) -> {
                Runnable release = () -> {
                    synchronized (lanes) {
                        own.queued--;
                        if (own.tail == gate) {
                            lanes.remove(key, own);
                        }
                    }
                    gate.complete(null);
                };
                if (write && !config.pauseAfterWrite().isZero()) {
                    vertx.setTimer(config.pauseAfterWrite().toMillis(), t -> release.run());
                } else {
                    release.run();
                }
                if (error != null) {
                    result.completeExceptionally(error instanceof java.util.concurrent.CompletionException
                            && error.getCause() != null ? error.getCause() : error);
                } else {
                    result.complete(value);
                }
            });
        });
        return result;
    }

    // ---- one connection, one or more request/reply exchanges ----

    private CompletableFuture<List<LuxtronikResponseParser>> exchange(LuxtronikEndpoint pump, List<?> requests) {
        Exchange ex = new Exchange(pump, requests);
        newContext().runOnContext(v -> ex.start());
        return ex.result;
    }

    private final class Exchange {
        final LuxtronikEndpoint pump;
        final List<int[]> requests = new ArrayList<>();
        final List<LuxtronikResponseParser> done = new ArrayList<>();
        final CompletableFuture<List<LuxtronikResponseParser>> result = new CompletableFuture<>();
        NetSocket socket;
        LuxtronikResponseParser current;
        long readTimer = -1;
        long operationTimer = -1;
        boolean finished;

        Exchange(LuxtronikEndpoint pump, List<?> requests) {
            this.pump = pump;
            for (Object r : requests) {
                this.requests.add(r instanceof int[] a ? a : new int[] { (Integer) r, 0 });
            }
        }

        void start() {
            operationTimer = vertx.setTimer(config.operationTimeout().toMillis(), t -> fail(new DeviceException(
                    Kind.TIMEOUT, "Luxtronik operation on " + pump.heatpumpId() + " took longer than "
                            + config.operationTimeout().toMillis() + " ms", true, null)));
            connections.incrementAndGet();
            try {
                netClient.connect(pump.port(), pump.host()).onComplete(ar -> {
                    if (finished) {
                        if (ar.succeeded()) {
                            ar.result().close();
                        }
                        return;
                    }
                    if (ar.failed()) {
                        fail(ConnectErrors.classify(ar.cause(), pump.host(), pump.port()));
                        return;
                    }
                    socket = ar.result();
                    socket.handler(this::onData);
                    socket.closeHandler(v -> onClosed());
                    socket.exceptionHandler(t -> {
                        if (!finished) {
                            fail(new DeviceException(Kind.OTHER, "Luxtronik connection to " + pump.heatpumpId()
                                    + " failed: " + t.getMessage(), true, t));
                        }
                    });
                    sendNext();
                });
            } catch (RuntimeException e) {
                fail(ConnectErrors.classify(e, pump.host(), pump.port()));
            }
        }

        void sendNext() {
            int[] request = requests.get(done.size());
            current = new LuxtronikResponseParser(request[0], config.maxCount());
            Buffer buf = Buffer.buffer(request.length * 4);
            for (int v : request) {
                buf.appendInt(v); // big-endian
            }
            socket.write(buf);
            armReadTimer();
        }

        void armReadTimer() {
            if (readTimer >= 0) {
                vertx.cancelTimer(readTimer);
            }
            readTimer = vertx.setTimer(config.readTimeout().toMillis(), t -> {
                readTimer = -1;
                String hint = current.command() == LuxtronikResponseParser.WRITE_PARAMETER
                        ? " (some firmware never acknowledges writes: verify by reading back)"
                        : "";
                fail(new DeviceException(Kind.TIMEOUT, "No reply from Luxtronik " + pump.heatpumpId() + " ("
                        + pump.host() + ":" + pump.port() + ") to " + current.command() + " within "
                        + config.readTimeout().toMillis() + " ms" + hint, true, null));
            });
        }

        void onData(Buffer buffer) {
            if (finished) {
                return;
            }
            // The next request's reply cannot start before we sent that request, so bytes after a complete reply
            // are garbage: the parser reports them as an error.
            byte[] bytes = buffer.getBytes();
            LuxtronikResponseParser.Status status = current.feed(bytes, 0, bytes.length);
            if (status == LuxtronikResponseParser.Status.ERROR) {
                protocolError(current);
                return;
            }
            if (status == LuxtronikResponseParser.Status.COMPLETE) {
                completeCurrent(); // sends the next request (and arms its timer) or finishes
            } else {
                armReadTimer();
            }
        }

        void completeCurrent() {
            if (current.command() == LuxtronikResponseParser.READ_CALCULATIONS && current.calculationStatus() != 0) {
                log("Luxtronik %s: 3004 status %d (undocumented)", pump.heatpumpId(), current.calculationStatus());
            }
            done.add(current);
            if (done.size() == requests.size()) {
                finish();
            } else {
                sendNext();
            }
        }

        void onClosed() {
            if (finished) {
                return;
            }
            socket = null;
            LuxtronikResponseParser.Status s = current == null ? LuxtronikResponseParser.Status.ERROR
                    : current.endOfStream();
            if (s == LuxtronikResponseParser.Status.COMPLETE) {
                completeCurrent();
                if (!finished) {
                    fail(new DeviceException(Kind.OTHER, "Luxtronik " + pump.heatpumpId() + " closed the connection "
                            + "before the next request", true, null));
                }
            } else if (current != null && "no_reply".equals(current.errorKind())) {
                fail(new DeviceException(Kind.OTHER, "Luxtronik " + pump.heatpumpId() + " closed the connection "
                        + "without replying to " + current.command() + " (connection died)", true, null));
            } else if (current != null) {
                protocolError(current);
            } else {
                fail(new DeviceException(Kind.OTHER, "Luxtronik connection to " + pump.heatpumpId() + " closed",
                        true, null));
            }
        }

        void protocolError(LuxtronikResponseParser parser) {
            frameErrors.record(pump.heatpumpId(), parser.errorKind(), parser.errorDetail());
            fail(new DeviceException(Kind.PROTOCOL, "Invalid Luxtronik reply from " + pump.heatpumpId() + " ("
                    + parser.errorKind() + "): " + parser.errorDetail(), true, null));
        }

        void finish() {
            if (finished) {
                return;
            }
            List<LuxtronikResponseParser> replies = List.copyOf(done);
            cleanup().onComplete(v -> result.complete(replies));
        }

        void fail(DeviceException e) {
            if (finished) {
                return;
            }
            log("Luxtronik %s (%s): %s", pump.heatpumpId(), e.kind().wire(), e.getMessage());
            cleanup().onComplete(v -> result.completeExceptionally(e));
        }

        /** Ends the exchange; the connection is closed before the pump's next operation may start. */
        Future<Void> cleanup() {
            finished = true;
            if (readTimer >= 0) {
                vertx.cancelTimer(readTimer);
            }
            vertx.cancelTimer(operationTimer);
            if (socket != null) {
                Future<Void> closed = socket.close();
                socket = null;
                return closed.recover(t -> Future.succeededFuture());
            }
            return Future.succeededFuture();
        }

        void log(String format, Object... args) {
            MDC.put("heatpump_id", pump.heatpumpId());
            try {
                Log.debugf(format, args);
            } finally {
                MDC.remove("heatpump_id");
            }
        }
    }

    private Context newContext() {
        if (vertx instanceof VertxInternal internal) {
            return internal.createEventLoopContext();
        }
        return vertx.getOrCreateContext();
    }
}
