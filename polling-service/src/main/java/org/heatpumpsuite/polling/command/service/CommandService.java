package org.heatpumpsuite.polling.command.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.heatpumpsuite.polling.command.config.WritesConfig;
import org.heatpumpsuite.polling.command.messaging.CommandRecord;
import org.heatpumpsuite.polling.command.messaging.CommandResultRecord;
import org.heatpumpsuite.polling.command.messaging.StandingValuesRecord;
import org.heatpumpsuite.polling.command.messaging.WriteProducer;
import org.heatpumpsuite.polling.poll.service.PollingService;
import org.heatpumpsuite.polling.poll.service.PumpLink;
import org.heatpumpsuite.polling.pump.service.PumpConfig;
import org.heatpumpsuite.polling.pump.service.PumpRegistry;
import org.heatpumpsuite.polling.vendor.Persistence;
import org.heatpumpsuite.polling.vendor.SensorDefinition;
import org.heatpumpsuite.polling.vendor.WritableDefinition;
import org.heatpumpsuite.polling.vendor.Write;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Executes the commands of the pumps this replica polls: driver validation, then the {@link WriteGovernor}, then
 * read-before, write and read-back on the pump's own session, then one result on heatpump.command-results. Commands
 * of one pump run one after the other. Standing values of cyclic writables are re-sent on a timer while they stand.
 */
@ApplicationScoped
public class CommandService {

    @Inject
    PollingService polling;
    @Inject
    PumpRegistry registry;
    @Inject
    WriteProducer producer;
    @Inject
    WritesConfig config;
    @Inject
    MeterRegistry meters;
    @Inject
    Vertx vertx;

    Clock clock = Clock.systemUTC();
    WriteGovernor governor;

    private final Map<String, CompletableFuture<Void>> lanes = new ConcurrentHashMap<>();
    private final Set<String> resending = ConcurrentHashMap.newKeySet();
    private long resendTimer = -1;

    @PostConstruct
    void init() {
        governor = new WriteGovernor(clock, new WriteGovernor.Limits(config.eepromMinInterval(), config.eepromDailyBudget()));
    }

    void onStart(@Observes StartupEvent event) {
        resendTimer = vertx.setPeriodic(config.resendTick().toMillis(), t -> resendDue());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (resendTimer >= 0) {
            vertx.cancelTimer(resendTimer);
        }
    }

    public WriteGovernor governor() {
        return governor;
    }

    /**
     * Handles one command; the stage completes once its result is on Kafka (or the command was a redelivery and was
     * dropped). Never completes exceptionally.
     */
    public CompletionStage<Void> handle(CommandRecord cmd) {
        if (!governor.firstSeen(cmd.heatpumpId(), cmd.commandId())) {
            count("duplicate");
            log(cmd.heatpumpId(), () -> Log.infof("command %s for %s seen before: not executed again", cmd.commandId(),
                    cmd.heatpumpId()));
            return CompletableFuture.completedFuture(null);
        }
        return serialized(cmd.heatpumpId(), () -> execute(cmd.commandId(), cmd.heatpumpId(), cmd.sensor(), cmd.value(),
                cmd.requestedBy(), cmd.requestedAt(), false));
    }

    /** A pump left this replica or was removed: forget its governor state (the new owner rebuilds it). */
    public void drop(String heatpumpId) {
        governor.drop(heatpumpId);
    }

    /** A pump was removed from the suite: its standing values end (tombstone on the standing-values topic). */
    public void removed(String heatpumpId) {
        if (!governor.standing(heatpumpId).isEmpty()) {
            governor.clearStanding(heatpumpId);
            producer.standing(heatpumpId, null);
        }
        governor.drop(heatpumpId);
    }

    // ---- one write ----

    private CompletionStage<Void> execute(String commandId, String pump, String sensor, JsonNode requested,
            String requestedBy, Instant requestedAt, boolean resend) {
        Result r = new Result(commandId, pump, sensor, requested, resend);
        if (!resend && requestedAt.isBefore(clock.instant().minus(config.commandMaxAge()))) {
            return publish(r.rejected("expired: requested at " + requestedAt + ", more than " + config.commandMaxAge()
                    + " ago; not executed late"));
        }
        Optional<PumpConfig> cfg = registry.get(pump);
        Optional<PumpLink> link = polling.link(pump);
        if (cfg.isEmpty() || link.isEmpty() || !cfg.get().enabled()) {
            return publish(r.rejected(cfg.isPresent() && !cfg.get().enabled() ? "the pump is disabled"
                    : "the pump is not polled by this replica (unknown, removed, or its configuration cannot be polled)"));
        }
        PumpLink l = link.get();
        Write write;
        SensorDefinition s;
        try {
            write = l.driver().encodeWrite(l.config().model(), sensor, CommandRecord.driverValue(requested), l.deviceConfig());
            s = sensorOf(l, sensor);
        } catch (IllegalArgumentException e) { // WriteRejectedException: unknown, read-only, range, step, options
            return publish(r.rejected(e.getMessage()));
        }
        WritableDefinition w = write.writable();
        r.eeprom = w.persistence() == Persistence.EEPROM;
        Optional<String> limit = governor.checkLimits(pump, sensor, w, resend);
        if (limit.isPresent()) {
            return publish(r.rejected(limit.get()));
        }
        if (!resend && w.persistence() == Persistence.CYCLIC && !w.oneShot()) {
            stand(pump, new StandingValue(sensor, requested, commandId, requestedBy, clock.instant()));
        }
        Object wanted = WriteExecutor.written(s, write);
        boolean readable = WriteExecutor.readable(s);
        CompletionStage<Object> before = readable ? WriteExecutor.read(l, s) : CompletableFuture.completedFuture(null);
        return before.handle((old, error) -> {
            if (error != null) {
                return publish(r.rejected("could not read the current value before writing: " + WriteExecutor.message(error)));
            }
            r.oldValue = old;
            Optional<String> unchanged = WriteGovernor.checkChange(old, wanted, resend);
            if (unchanged.isPresent()) {
                return publish(r.rejected(unchanged.get()));
            }
            return WriteExecutor.write(l, write).handle((ok, writeError) -> {
                governor.recordWrite(pump, sensor, clock.instant());
                if (writeError != null && !WriteExecutor.maybeApplied(writeError)) {
                    return publish(r.done(CommandResultRecord.FAILED, "write failed: " + WriteExecutor.message(writeError)));
                }
                String noAck = writeError == null ? null : "no acknowledgement (" + WriteExecutor.message(writeError) + ")";
                if (!readable) {
                    return publish(r.done(CommandResultRecord.WRITTEN_NOT_VERIFIED,
                            noAck != null ? noAck : "write-only value: it cannot be read back"));
                }
                return verify(l, s, wanted, r, noAck, 0, config.verifyDelay());
            }).thenCompose(x -> x);
        }).thenCompose(x -> x);
    }

    private CompletionStage<Void> verify(PumpLink l, SensorDefinition s, Object wanted, Result r, String noAck, int attempt,
            Duration delay) {
        CompletableFuture<Object> read = new CompletableFuture<>();
        vertx.setTimer(Math.max(1, delay.toMillis()), t -> WriteExecutor.read(l, s).whenComplete((v, e) -> {
            if (e != null) {
                read.completeExceptionally(e);
            } else {
                read.complete(v);
            }
        }));
        return read.handle((v, e) -> {
            if (e == null) {
                r.readBack = v;
            }
            if (e == null && WriteGovernor.same(v, wanted)) {
                return publish(r.done(CommandResultRecord.WRITTEN_VERIFIED, null));
            }
            if (attempt + 1 < config.verifyAttempts()) {
                return verify(l, s, wanted, r, noAck, attempt + 1, delay.multipliedBy(2));
            }
            String why = e != null ? "read-back failed: " + WriteExecutor.message(e)
                    : "read back " + v + ", expected " + wanted + " (the device has not applied it yet, or changed it)";
            return publish(r.done(CommandResultRecord.WRITTEN_NOT_VERIFIED, noAck != null ? noAck + "; " + why : why));
        }).thenCompose(x -> x);
    }

    private static SensorDefinition sensorOf(PumpLink l, String sensor) {
        return l.driver().sensors(l.config().model(), l.deviceConfig()).stream().filter(d -> d.id().equals(sensor)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(sensor + ": no such value"));
    }

    // ---- standing values and re-sends ----

    private void stand(String pump, StandingValue v) {
        governor.stand(pump, v);
        publishStanding(pump);
    }

    private void publishStanding(String pump) {
        List<StandingValuesRecord.Value> values = governor.standing(pump).values().stream()
                .sorted(Comparator.comparing(StandingValue::sensor))
                .map(v -> new StandingValuesRecord.Value(v.sensor(), v.value(), v.commandId(), v.requestedBy(), v.setAt()))
                .toList();
        producer.standing(pump, values.isEmpty() ? null : new StandingValuesRecord(1, pump, values, clock.instant()));
    }

    /** Re-sends every standing value whose resend interval has passed since its last write. */
    void resendDue() {
        try {
            Instant now = clock.instant();
            for (String pump : governor.pumpsWithStandingValues()) {
                Optional<PumpLink> link = polling.link(pump);
                if (link.isEmpty()) {
                    continue;
                }
                for (StandingValue v : governor.standing(pump).values()) {
                    Integer interval;
                    try {
                        WritableDefinition w = sensorOf(link.get(), v.sensor()).writable();
                        interval = w == null || w.persistence() != Persistence.CYCLIC || w.oneShot() ? null : w.resendIntervalS();
                    } catch (IllegalArgumentException e) {
                        interval = null;
                    }
                    if (interval == null) {
                        continue;
                    }
                    Optional<Instant> last = governor.lastWrite(pump, v.sensor());
                    if (last.isPresent() && now.isBefore(last.get().plusSeconds(interval))) {
                        continue;
                    }
                    String key = pump + "/" + v.sensor();
                    if (resending.add(key)) {
                        serialized(pump, () -> execute(v.commandId(), pump, v.sensor(), v.value(), v.requestedBy(), now, true))
                                .whenComplete((x, e) -> resending.remove(key));
                    }
                }
            }
        } catch (RuntimeException e) {
            Log.warn("re-sending standing values failed", e);
        }
    }

    // ---- plumbing ----

    private CompletionStage<Void> serialized(String pump, java.util.function.Supplier<CompletionStage<Void>> op) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> previous;
        synchronized (lanes) {
            previous = lanes.getOrDefault(pump, CompletableFuture.completedFuture(null));
            lanes.put(pump, done);
        }
        previous.whenComplete((x, e) -> {
            CompletionStage<Void> stage;
            try {
                stage = op.get();
            } catch (RuntimeException ex) {
                Log.warnf(ex, "command for %s failed unexpectedly", pump);
                stage = CompletableFuture.completedFuture(null);
            }
            stage.whenComplete((y, err) -> {
                synchronized (lanes) {
                    lanes.remove(pump, done);
                }
                done.complete(null);
            });
        });
        return done;
    }

    private CompletionStage<Void> publish(CommandResultRecord result) {
        count(result.outcome());
        log(result.heatpumpId(), () -> Log.infof("command %s on %s: %s %s = %s%s", result.commandId(), result.heatpumpId(),
                result.outcome(), result.sensor(), result.requestedValue(), result.reason() == null ? "" : " (" + result.reason() + ")"));
        return producer.result(result).exceptionally(e -> null);
    }

    private void count(String outcome) {
        meters.counter("polling_writes_total", List.of(Tag.of("outcome", outcome))).increment();
    }

    private static void log(String pump, Runnable r) {
        MDC.put("heatpump_id", pump);
        try {
            r.run();
        } finally {
            MDC.remove("heatpump_id");
        }
    }

    /** The fields of a result as they become known. */
    private final class Result {
        final String commandId;
        final String pump;
        final String sensor;
        final JsonNode requested;
        final boolean resend;
        boolean eeprom;
        Object oldValue;
        Object readBack;

        Result(String commandId, String pump, String sensor, JsonNode requested, boolean resend) {
            this.commandId = commandId;
            this.pump = pump;
            this.sensor = sensor;
            this.requested = requested;
            this.resend = resend;
        }

        CommandResultRecord rejected(String reason) {
            return done(CommandResultRecord.REJECTED, reason);
        }

        CommandResultRecord done(String outcome, String reason) {
            return new CommandResultRecord(1, commandId, pump, sensor, requested, outcome, reason, oldValue, readBack, eeprom,
                    resend, clock.instant());
        }
    }
}
