package org.heatpumpsuite.polling.probe.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.polling.probe.service.ProbeDiagnoses.Target;
import org.heatpumpsuite.polling.probe.service.ProbeResponse.Detected;
import org.heatpumpsuite.polling.probe.service.ProbeResponse.Diagnosis;
import org.heatpumpsuite.polling.transport.ConnectErrors;
import org.heatpumpsuite.polling.transport.DeviceException;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikClient;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikConfig;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikEndpoint;
import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.transport.modbus.ModbusSession;
import org.heatpumpsuite.polling.transport.modbus.ModbusTcpTransport;
import org.heatpumpsuite.polling.transport.modbus.ModbusTransportConfig;
import org.heatpumpsuite.polling.vendor.BadAddressMemory;
import org.heatpumpsuite.polling.vendor.BlockReader;
import org.heatpumpsuite.polling.vendor.CatalogueEntry;
import org.heatpumpsuite.polling.vendor.DataDrivenDriver;
import org.heatpumpsuite.polling.vendor.Drivers;
import org.heatpumpsuite.polling.vendor.HeatpumpDriver;
import org.heatpumpsuite.polling.vendor.ProbeValues;
import org.heatpumpsuite.polling.vendor.RawData;
import org.heatpumpsuite.polling.vendor.ReadBlock;
import org.heatpumpsuite.polling.vendor.ReadError;
import org.heatpumpsuite.polling.vendor.Reading;
import org.heatpumpsuite.polling.vendor.Table;
import org.heatpumpsuite.polling.vendor.ValueDecoder;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;

/**
 * Tests a connection for a pump that is not saved yet: opens a TCP connection, then reads the model's identifying values
 * (data file {@code models[].probe}) with the model's protocol through the suite's own transports, and explains the
 * outcome in terms a user can act on ({@link ProbeDiagnoses}).
 *
 * <p>Everything runs on Vert.x and never blocks a thread. The whole test is bounded by the request's timeout: a timer
 * answers {@code timeout} when it runs out, whatever is still pending, and closes every connection the test opened.
 *
 * <p>Modbus: no reply at all for the unit id while the TCP connection works is checked against the model's default unit
 * id (when it differs) within the same bound: the first read gets half of the remaining time, the check the rest. If the
 * default unit id answers, the diagnosis is {@code wrong_unit_id}; a gateway's exception 0A/0B or a reply from another
 * unit id is {@code wrong_unit_id} at once.
 */
@ApplicationScoped
public class ProbeService {

    /** heatpump_id of the frame-error counter and the logs of connection tests. */
    static final String PROBE_ID = "probe";

    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry meters;

    Clock clock = Clock.systemUTC();

    public ProbeService() {
    }

    /** Without CDI (tests): {@code meters} may be null. */
    public ProbeService(Vertx vertx, MeterRegistry meters) {
        this.vertx = vertx;
        this.meters = meters;
    }

    /**
     * Runs the test; the stage completes within the request's timeout (plus scheduling slack), never exceptionally.
     *
     * @throws IllegalArgumentException if manufacturer/model is unknown (validate first)
     */
    public CompletionStage<ProbeResponse> probe(ProbeRequest request) {
        HeatpumpDriver driver = Drivers.forModel(request.manufacturer(), request.model());
        CatalogueEntry cat = driver.catalogue(request.model());
        ProbeValues values = ((DataDrivenDriver) driver).probeValues(request.model());
        boolean luxtronik = "luxtronik".equals(cat.protocol());
        Integer unit = luxtronik ? null : request.unitId() != null ? request.unitId() : cat.defaultUnitId();
        Target t = new Target(request.manufacturer(), request.model(), cat.displayName(), request.host(), request.port(), unit,
                cat.defaultPort(), cat.defaultUnitId(), request.effectiveTimeoutMs());
        Attempt a = new Attempt(t, values);
        a.start();
        return a.result.whenComplete((r, e) -> Log.infof("probe %s/%s at %s:%d: %s", t.manufacturer(), t.model(), t.host(), t.port(),
                r == null ? e : r.diagnosis().kind()));
    }

    // ------------------------------------------------------------------------------------------------ judging

    /**
     * What one read says: the diagnosis, the identifying values and what the device revealed; {@code unitCheck} when
     * nothing answered in time while the TCP connection worked (worth asking the default unit id).
     */
    record Judgement(Diagnosis diagnosis, Map<String, Object> values, Detected detected, boolean unitCheck) {
    }

    /** Judges a decoded read of the probe values; {@code answered}: the device answered at least one request. */
    static Judgement judge(Target t, ProbeValues probe, Reading reading, boolean answered) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String id : probe.values()) {
            Object v = reading.values().get(id);
            if (v != null) {
                values.put(id, v);
            }
        }
        Map<String, String> found = new LinkedHashMap<>();
        probe.detected().forEach((field, id) -> {
            if (reading.values().get(id) instanceof String s && !s.isBlank()) {
                found.put(field, s.strip());
            }
        });
        Detected detected = found.isEmpty() ? null : new Detected(found.get("model"), found.get("firmware"), found.get("serial"));
        Diagnosis d = null;
        boolean unitCheck = false;
        List<ReadError> errors = reading.errors();
        ReadError e;
        if ((e = first(errors, x -> "modbus_exception".equals(x.kind()) && isGatewayCode(x.modbusExceptionCode()))) != null) {
            d = ProbeDiagnoses.wrongUnitIdGateway(t, e.modbusExceptionCode());
        } else if (first(errors, x -> "protocol".equals(x.kind()) && x.message() != null && x.message().contains("reply from unit ")) != null) {
            d = ProbeDiagnoses.wrongUnitIdOtherUnit(t);
        } else if ((e = first(errors, x -> "modbus_exception".equals(x.kind()))) != null) {
            d = ProbeDiagnoses.modbusException(t, e.modbusExceptionCode());
        } else if (first(errors, x -> "protocol".equals(x.kind())) != null) {
            d = ProbeDiagnoses.protocol(t);
        } else if (first(errors, x -> "timeout".equals(x.kind())) != null) {
            d = answered ? ProbeDiagnoses.connectTimeout(t) : ProbeDiagnoses.noReply(t);
            unitCheck = !answered && !t.luxtronik();
        } else if (first(errors, x -> "refused".equals(x.kind())) != null) {
            d = ProbeDiagnoses.refused(t);
        } else if (first(errors, x -> "dns".equals(x.kind())) != null) {
            d = ProbeDiagnoses.dns(t);
        } else if ((e = first(errors, x -> !"not_supported".equals(x.kind()))) != null) {
            d = ProbeDiagnoses.other(t, e.message());
        }
        if (d == null) {
            d = ProbeDiagnoses.ok(t, values.size());
        }
        return new Judgement(d, values, detected, unitCheck);
    }

    private static ReadError first(List<ReadError> errors, java.util.function.Predicate<ReadError> p) {
        return errors.stream().filter(p).findFirst().orElse(null);
    }

    static boolean isGatewayCode(Integer code) {
        return code != null && (code == 0x0A || code == 0x0B);
    }

    /** Diagnosis of a failed TCP connect. */
    static Diagnosis connectFailure(Target t, Throwable failure) {
        DeviceException d = ConnectErrors.classify(failure, t.host(), t.port());
        return switch (d.kind()) {
            case DNS -> ProbeDiagnoses.dns(t);
            case REFUSED -> ProbeDiagnoses.refused(t);
            case TIMEOUT -> ProbeDiagnoses.connectTimeout(t);
            default -> ProbeDiagnoses.other(t, d.getMessage());
        };
    }

    /** Diagnosis of a failed Luxtronik read after the TCP connection worked. */
    static Diagnosis luxtronikFailure(Target t, Throwable failure) {
        if (failure instanceof DeviceException d) {
            return switch (d.kind()) {
                case TIMEOUT -> ProbeDiagnoses.noReply(t);
                case PROTOCOL -> ProbeDiagnoses.protocol(t);
                case REFUSED, DNS -> connectFailure(t, d.getCause() != null ? d.getCause() : d);
                default -> ProbeDiagnoses.other(t, d.getMessage());
            };
        }
        return ProbeDiagnoses.other(t, "unexpected failure");
    }

    // ------------------------------------------------------------------------------------------------ one test

    private final class Attempt {
        final Target t;
        final ProbeValues probe;
        final CompletableFuture<ProbeResponse> result = new CompletableFuture<>();
        final long startNanos = System.nanoTime();
        final AtomicLong firstAnswerNanos = new AtomicLong(-1);
        final List<AutoCloseable> resources = new ArrayList<>();
        volatile boolean connected;
        boolean closed;
        long timer = -1;

        Attempt(Target t, ProbeValues probe) {
            this.t = t;
            this.probe = probe;
        }

        void start() {
            timer = vertx.setTimer(t.timeoutMs(), id -> respond(connected ? firstAnswerNanos.get() >= 0 ? ProbeDiagnoses.connectTimeout(t)
                    : ProbeDiagnoses.noReply(t) : ProbeDiagnoses.connectTimeout(t), Map.of(), null));
            result.whenComplete((r, e) -> {
                vertx.cancelTimer(timer);
                closeAll();
            });
            try {
                NetClient tcp = vertx.createNetClient(new NetClientOptions().setConnectTimeout(t.timeoutMs()).setReconnectAttempts(0));
                track(tcp::close);
                tcp.connect(t.port(), t.host()).onComplete(ar -> {
                    if (ar.failed()) {
                        respond(connectFailure(t, ar.cause()), Map.of(), null);
                        return;
                    }
                    ar.result().close();
                    connected = true;
                    if (result.isDone()) {
                        return;
                    }
                    if (t.luxtronik()) {
                        readLuxtronik();
                    } else {
                        readModbus();
                    }
                });
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        void readModbus() {
            long remaining = remainingMillis();
            boolean canCheckDefault = t.defaultUnitId() != null && !t.defaultUnitId().equals(t.unitId());
            long first = Math.max(1, canCheckDefault ? remaining / 2 : remaining);
            ModbusTransportConfig config = ModbusTransportConfig.defaults().withConnectTimeout(Duration.ofMillis(Math.max(1, remaining)))
                    .withRequestTimeout(Duration.ofMillis(first));
            ModbusTcpTransport transport = new ModbusTcpTransport(vertx, config, meters, clock);
            track(transport);
            AnswerWatch session = new AnswerWatch(transport.open(PROBE_ID, t.host(), t.port(), t.unitId()));
            BlockReader.read(session, probe.plan(), new BadAddressMemory()).whenComplete((raw, err) -> {
                session.close();
                if (err != null) {
                    fail(err);
                    return;
                }
                Reading reading = ValueDecoder.decode(probe.sensors(), raw);
                Judgement j = judge(t, probe, reading, firstAnswerNanos.get() >= 0);
                if (j.unitCheck() && canCheckDefault && remainingMillis() > 0 && !probe.plan().blocks().isEmpty()) {
                    checkDefaultUnit(transport, config);
                } else {
                    respond(j.diagnosis(), j.values(), j.detected());
                }
            });
        }

        /** Nothing answered for the unit id: does the model's default unit id answer the first probe request? */
        void checkDefaultUnit(ModbusTcpTransport transport, ModbusTransportConfig config) {
            ModbusSession s = transport.open(PROBE_ID, t.host(), t.port(), t.defaultUnitId(),
                    config.withRequestTimeout(Duration.ofMillis(Math.max(1, remainingMillis()))));
            ReadBlock b = probe.plan().blocks().get(0);
            s.read(b.functionCode(), b.address(), b.count()).whenComplete((words, err) -> {
                s.close();
                Throwable e = unwrap(err);
                boolean answered = words != null || e instanceof DeviceException d && d.kind() == DeviceException.Kind.MODBUS_EXCEPTION
                        && !isGatewayCode(d.modbusExceptionCode());
                respond(answered ? ProbeDiagnoses.wrongUnitIdDefaultAnswers(t) : ProbeDiagnoses.noReply(t), Map.of(), null);
            });
        }

        void readLuxtronik() {
            Duration remaining = Duration.ofMillis(Math.max(1, remainingMillis()));
            LuxtronikClient client = new LuxtronikClient(vertx, LuxtronikConfig.defaults().withConnectTimeout(remaining)
                    .withReadTimeout(remaining).withOperationTimeout(remaining), meters, clock);
            track(client);
            LuxtronikEndpoint pump = new LuxtronikEndpoint(PROBE_ID, t.host(), t.port());
            CompletionStage<RawData> read = probe.arrays().equals(Set.of(Table.CALCULATIONS))
                    ? client.readCalculations(pump).thenApply(c -> RawData.luxtronik(c, null, null))
                    : client.readAll(pump).thenApply(s -> RawData.luxtronik(s.calculations(), s.parameters(), s.visibilities()));
            read.whenComplete((raw, err) -> {
                if (err != null) {
                    Throwable e = unwrap(err);
                    if (e instanceof DeviceException d && d.kind() == DeviceException.Kind.PROTOCOL) {
                        answered();
                    }
                    respond(luxtronikFailure(t, e), Map.of(), null);
                    return;
                }
                answered();
                Judgement j = judge(t, probe, ValueDecoder.decode(probe.sensors(), raw), true);
                respond(j.diagnosis(), j.values(), j.detected());
            });
        }

        void answered() {
            firstAnswerNanos.compareAndSet(-1, System.nanoTime());
        }

        long remainingMillis() {
            return t.timeoutMs() - (System.nanoTime() - startNanos) / 1_000_000;
        }

        void respond(Diagnosis d, Map<String, Object> values, Detected detected) {
            if (result.isDone()) {
                return;
            }
            long answeredAt = firstAnswerNanos.get();
            Long latency = answeredAt < 0 ? null : Math.max(0, (answeredAt - startNanos) / 1_000_000);
            result.complete(new ProbeResponse("ok".equals(d.kind()), latency, detected, values, d));
        }

        void fail(Throwable e) {
            Throwable cause = unwrap(e);
            Log.warnf("probe %s/%s at %s:%d failed unexpectedly: %s", t.manufacturer(), t.model(), t.host(), t.port(), cause);
            respond(ProbeDiagnoses.other(t, "internal error, see the polling service's log"), Map.of(), null);
        }

        synchronized void track(AutoCloseable c) {
            if (closed) {
                closeQuietly(c);
            } else {
                resources.add(c);
            }
        }

        synchronized void closeAll() {
            closed = true;
            resources.forEach(ProbeService::closeQuietly);
            resources.clear();
        }

        /** Marks the first answer of the device (data, an exception reply or a malformed reply; not a timeout). */
        final class AnswerWatch implements ModbusSession {
            final ModbusSession delegate;

            AnswerWatch(ModbusSession delegate) {
                this.delegate = delegate;
            }

            @Override
            public CompletionStage<int[]> read(FunctionCode fc, int address, int count) {
                return delegate.read(fc, address, count).whenComplete((w, err) -> {
                    Throwable e = unwrap(err);
                    if (w != null || e instanceof DeviceException d && (d.kind() == DeviceException.Kind.MODBUS_EXCEPTION
                            || d.kind() == DeviceException.Kind.PROTOCOL)) {
                        answered();
                    }
                });
            }

            @Override
            public CompletionStage<Void> write(FunctionCode fc, int address, int[] words) {
                return CompletableFuture.failedFuture(new UnsupportedOperationException("a connection test never writes"));
            }

            @Override
            public void close() {
                delegate.close();
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            Log.debugf("closing a probe resource: %s", e);
        }
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
