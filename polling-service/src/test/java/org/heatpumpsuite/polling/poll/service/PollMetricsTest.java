package org.heatpumpsuite.polling.poll.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.heatpumpsuite.polling.poll.messaging.ReadingRecord;
import org.heatpumpsuite.polling.pump.messaging.StatusRecord;

import org.heatpumpsuite.polling.simulator.DemoPumps;
import org.heatpumpsuite.polling.simulator.SimulationClock;
import org.heatpumpsuite.polling.transport.modbus.ModbusTcpTransport;
import org.heatpumpsuite.polling.transport.modbus.ModbusTransportConfig;
import org.heatpumpsuite.polling.vendor.DeviceConfig;
import org.heatpumpsuite.polling.vendor.Drivers;
import org.heatpumpsuite.testsupport.Ports;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;

/** The loop's meters: polls by outcome, errors by kind, lateness histogram, Modbus requests per cycle, open sessions. */
class PollMetricsTest {

    static final class Metered implements PumpPoller.Sink {
        final List<ReadingRecord> readings = new CopyOnWriteArrayList<>();
        final List<StatusRecord> statuses = new CopyOnWriteArrayList<>();
        final PollMetrics metrics;

        Metered(MeterRegistry registry) {
            metrics = new PollMetrics(registry);
        }

        @Override
        public void reading(ReadingRecord reading) {
            readings.add(reading);
        }

        @Override
        public void status(StatusRecord status) {
            statuses.add(status);
        }

        @Override
        public boolean owns(String heatpumpId) {
            return true;
        }

        @Override
        public PollMetrics metrics() {
            return metrics;
        }
    }

    @Test
    void aGoodPollCountsItsRequestsAndLatenessAndARefusedPumpCountsAnErrorOfKindRefused() throws Exception {
        Vertx vertx = Vertx.vertx();
        MeterRegistry registry = new SimpleMeterRegistry();
        try (DemoPumps demo = DemoPumps.start(vertx, List.of(new DemoPumps.Placement("nibe", "s1255", "127.0.0.1", 0)),
                SimulationClock.realTime());
                ModbusTcpTransport modbus = new ModbusTcpTransport(vertx, ModbusTransportConfig.defaults())) {
            int port = demo.pumps().get(0).port();
            Metered sink = new Metered(registry);
            PumpPoller good = new PumpPoller(vertx, PumpPollerTest.config(null, port), Drivers.forModel("nibe", "s1255"),
                    DeviceConfig.empty(), modbus.open("hp-0000e001", "127.0.0.1", port, 1), null, sink, Clock.systemUTC(), 0.1,
                    Duration.ofSeconds(60));
            int dead = Ports.free();
            PumpPoller refused = new PumpPoller(vertx, PumpPollerTest.config(null, dead), Drivers.forModel("nibe", "s1255"),
                    DeviceConfig.empty(), modbus.open("hp-0000e002", "127.0.0.1", dead, 1), null, sink, Clock.systemUTC(), 0.1,
                    Duration.ofSeconds(60));
            good.start(Duration.ZERO);
            refused.start(Duration.ZERO);
            await().atMost(Duration.ofSeconds(10)).until(() -> !sink.readings.isEmpty() && sink.statuses.stream()
                    .anyMatch(s -> !s.connected()));

            double polled = registry.find("polling.polls").tag("model", "s1255").counters().stream()
                    .filter(c -> !c.getId().getTag("outcome").equals("failed")).mapToDouble(c -> c.count()).sum();
            assertThat(polled).isEqualTo(1);
            assertThat(registry.get("polling.polls").tag("outcome", "failed").counter().count()).isEqualTo(1);
            assertThat(registry.get("polling.poll.errors").tag("kind", "refused").counter().count()).isEqualTo(1);
            assertThat(registry.find("polling.poll.errors").tag("kind", "timeout").counter()).isNull();

            // both polls sent requests: the good one one per read block, the refused one its first and only
            var requests = registry.get("polling.modbus.requests.per.cycle").summary();
            assertThat(requests.count()).isEqualTo(2);
            assertThat(requests.max()).isGreaterThanOrEqualTo(2).isEqualTo(requests.totalAmount() - 1);

            // the first polls were due at once: started within a second of it, and the histogram has the 1 s bucket
            Timer lateness = registry.get("polling.cycle.lateness").tag("manufacturer", "nibe").timer();
            assertThat(lateness.count()).isEqualTo(2);
            assertThat(lateness.max(TimeUnit.SECONDS)).isLessThan(1);
            CountAtBucket[] buckets = lateness.takeSnapshot().histogramCounts();
            assertThat(buckets).anyMatch(b -> b.bucket(TimeUnit.SECONDS) == 1.0 && b.count() == 2);

            assertThat(modbus.connectedSessions()).isEqualTo(1);
            assertThat(modbus.openSessions()).isEqualTo(2);
            good.stop();
            refused.stop();
            await().atMost(Duration.ofSeconds(5)).until(() -> modbus.connectedSessions() == 0);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
