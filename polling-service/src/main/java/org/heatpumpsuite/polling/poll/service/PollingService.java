package org.heatpumpsuite.polling.poll.service;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.heatpumpsuite.polling.poll.config.PollingConfig;
import org.heatpumpsuite.polling.poll.messaging.ReadingRecord;
import org.heatpumpsuite.polling.poll.messaging.ReadingsPublisher;
import org.heatpumpsuite.polling.pump.messaging.StatusPublisher;
import org.heatpumpsuite.polling.pump.messaging.StatusRecord;
import org.heatpumpsuite.polling.pump.service.PumpConfig;
import org.heatpumpsuite.polling.pump.service.PumpRegistry;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikClient;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikConfig;
import org.heatpumpsuite.polling.transport.modbus.ModbusSession;
import org.heatpumpsuite.polling.transport.modbus.ModbusTcpTransport;
import org.heatpumpsuite.polling.transport.modbus.ModbusTransportConfig;
import org.heatpumpsuite.polling.vendor.DeviceConfig;
import org.heatpumpsuite.polling.vendor.Drivers;
import org.heatpumpsuite.polling.vendor.HeatpumpDriver;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Polls every enabled pump of the {@link PumpRegistry}: keeps one {@link PumpPoller} per pump, in step with the
 * registry (a new pump starts, a removed or disabled one stops and closes its session, changed connection settings
 * reopen it, a changed interval applies from the next poll).
 */
@ApplicationScoped
public class PollingService implements PumpPoller.Sink {

    @Inject
    Vertx vertx;
    @Inject
    PumpRegistry registry;
    @Inject
    PollingConfig config;
    @Inject
    ReadingsPublisher readings;
    @Inject
    StatusPublisher status;
    @Inject
    MeterRegistry meters;

    Clock clock = Clock.systemUTC();

    private final Map<String, PumpPoller> pollers = new ConcurrentHashMap<>();
    private final Map<String, PumpLink> links = new ConcurrentHashMap<>();
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    private ModbusTcpTransport modbus;
    private LuxtronikClient luxtronik;
    private long reconcileTimer = -1;
    private PollMetrics metrics = PollMetrics.NONE;

    void onStart(@Observes StartupEvent event) {
        PollingConfig.Loop loop = config.loop();
        modbus = new ModbusTcpTransport(vertx, ModbusTransportConfig.defaults().withConnectTimeout(loop.connectTimeout())
                .withRequestTimeout(loop.requestTimeout()), meters, clock);
        luxtronik = new LuxtronikClient(vertx, LuxtronikConfig.defaults(), meters, clock);
        meters.gaugeMapSize("polling_polled_pumps", java.util.List.of(), pollers);
        metrics = new PollMetrics(meters);
        ModbusTcpTransport transport = modbus;
        io.micrometer.core.instrument.Gauge.builder("polling.sessions.open", transport, ModbusTcpTransport::connectedSessions)
                .description("Modbus TCP connections to pumps open right now (Luxtronik connects per poll)")
                .tag("protocol", "modbus").register(meters);
        reconcileTimer = vertx.setPeriodic(loop.reconcileInterval().toMillis(), t -> reconcile());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (reconcileTimer >= 0) {
            vertx.cancelTimer(reconcileTimer);
        }
        pollers.values().forEach(PumpPoller::stop);
        pollers.clear();
        links.clear();
        if (modbus != null) {
            modbus.close();
        }
        if (luxtronik != null) {
            luxtronik.close();
        }
    }

    /** Brings the pollers in line with the registry now (after a change of the owned partitions). */
    public void reconcileNow() {
        reconcile();
    }

    /** Brings the pollers in line with the registry. Cheap; runs on a timer. */
    synchronized void reconcile() {
        try {
            Set<String> wanted = new HashSet<>();
            for (PumpConfig c : registry.all()) {
                if (!c.enabled()) {
                    continue;
                }
                wanted.add(c.heatpumpId());
                PumpPoller current = pollers.get(c.heatpumpId());
                if (current != null && sameConnection(current.config(), c)) {
                    current.updateInterval(c);
                    continue;
                }
                if (current != null) {
                    links.remove(c.heatpumpId());
                    pollers.remove(c.heatpumpId()).stop();
                    Log.infof("pump %s: connection settings changed, session reopened", c.heatpumpId());
                }
                start(c);
            }
            for (String id : Set.copyOf(pollers.keySet())) {
                if (!wanted.contains(id)) {
                    links.remove(id);
                    pollers.remove(id).stop();
                    Log.infof("pump %s no longer polled (removed or disabled)", id);
                }
            }
            rejected.retainAll(wanted);
        } catch (RuntimeException e) {
            Log.warn("reconciling the polled pumps failed", e);
        }
    }

    private void start(PumpConfig c) {
        HeatpumpDriver driver;
        DeviceConfig deviceConfig;
        try {
            driver = Drivers.forModel(c.manufacturer(), c.model());
            deviceConfig = DeviceConfig.fromJson(c.raw().get("device_config"));
            driver.sensors(c.model(), deviceConfig); // validates the device config against the model
        } catch (RuntimeException e) {
            if (rejected.add(c.heatpumpId())) {
                Log.warnf("pump %s (%s/%s) cannot be polled: %s", c.heatpumpId(), c.manufacturer(), c.model(), e.getMessage());
            }
            return;
        }
        rejected.remove(c.heatpumpId());
        ModbusSession session = null;
        if (!"luxtronik".equals(driver.catalogue(c.model()).protocol())) {
            ModbusTransportConfig settings = ModbusTransportConfig.defaults().withConnectTimeout(config.loop().connectTimeout())
                    .withRequestTimeout(requestTimeout(c));
            int unit = c.unitId() != null ? c.unitId()
                    : Objects.requireNonNullElse(driver.catalogue(c.model()).defaultUnitId(), 1);
            session = modbus.open(c.heatpumpId(), c.host(), c.port(), unit, settings);
        }
        PumpPoller poller = new PumpPoller(vertx, c, driver, deviceConfig, session, luxtronik, this, clock,
                config.loop().jitter(), config.loop().statusRefresh());
        pollers.put(c.heatpumpId(), poller);
        links.put(c.heatpumpId(), new PumpLink(c, driver, deviceConfig, session, luxtronik, session != null ? null
                : new org.heatpumpsuite.polling.transport.luxtronik.LuxtronikEndpoint(c.heatpumpId(), c.host(), c.port())));
        poller.start(config.loop().initialDelay());
        Log.infof("polling pump %s (%s/%s at %s:%d) every %d s", c.heatpumpId(), c.manufacturer(), c.model(), c.host(),
                c.port(), poller.intervalS());
    }

    private Duration requestTimeout(PumpConfig c) {
        JsonNode t = c.raw().path("connection").path("timeout_ms");
        return t.canConvertToInt() && t.asInt() > 0 ? Duration.ofMillis(t.asInt()) : config.loop().requestTimeout();
    }

    /** Everything but the interval: a difference reopens the session and forgets the learnt bad addresses. */
    private static boolean sameConnection(PumpConfig a, PumpConfig b) {
        return a.manufacturer().equals(b.manufacturer()) && a.model().equals(b.model()) && a.host().equals(b.host())
                && a.port() == b.port() && Objects.equals(a.unitId(), b.unitId())
                && Objects.equals(a.raw().get("device_config"), b.raw().get("device_config"))
                && Objects.equals(a.raw().path("connection").get("timeout_ms"), b.raw().path("connection").get("timeout_ms"));
    }

    /** Pumps polled right now. */
    public Set<String> polled() {
        return Set.copyOf(pollers.keySet());
    }

    /** How to write to a pump this replica polls right now. */
    public java.util.Optional<PumpLink> link(String heatpumpId) {
        return java.util.Optional.ofNullable(links.get(heatpumpId));
    }

    @Override
    public void reading(ReadingRecord reading) {
        readings.publish(reading);
    }

    @Override
    public void status(StatusRecord record) {
        status.publish(record);
    }

    @Override
    public PollMetrics metrics() {
        return metrics;
    }

    @Override
    public boolean owns(String heatpumpId) {
        return registry.get(heatpumpId).filter(PumpConfig::enabled).isPresent() && pollers.containsKey(heatpumpId);
    }
}
