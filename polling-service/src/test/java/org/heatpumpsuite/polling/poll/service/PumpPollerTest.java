package org.heatpumpsuite.polling.poll.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.heatpumpsuite.polling.poll.messaging.ReadingRecord;
import org.heatpumpsuite.polling.pump.messaging.StatusRecord;
import org.heatpumpsuite.polling.pump.service.PumpConfig;
import org.heatpumpsuite.polling.simulator.DemoPumps;
import org.heatpumpsuite.polling.simulator.SimulationClock;
import org.heatpumpsuite.polling.transport.modbus.ModbusTcpTransport;
import org.heatpumpsuite.polling.transport.modbus.ModbusTransportConfig;
import org.heatpumpsuite.polling.vendor.DeviceConfig;
import org.heatpumpsuite.polling.vendor.Drivers;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;

/** One pump's loop against a simulated NIBE S1255: interval rules, readings and status. */
class PumpPollerTest {

    static PumpConfig config(Integer interval, int port) throws Exception {
        return PumpConfig.parse("hp-0000e001", new ObjectMapper().readTree("""
                {"heatpump_id":"hp-0000e001","manufacturer":"nibe","model":"s1255","enabled":true,
                 "connection":{"host":"127.0.0.1","port":%d,"unit_id":1},"poll_interval_s":%s,"device_config":{}}
                """.formatted(port, interval)));
    }

    static final class Recording implements PumpPoller.Sink {
        final List<ReadingRecord> readings = new CopyOnWriteArrayList<>();
        final List<StatusRecord> statuses = new CopyOnWriteArrayList<>();

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
    }

    @Test
    void aPollPublishesAReadingAndTheConnectedStatusAndTheIntervalNeverGoesBelowTheModelsMinimum() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (DemoPumps demo = DemoPumps.start(vertx, List.of(new DemoPumps.Placement("nibe", "s1255", "127.0.0.1", 0)),
                SimulationClock.realTime());
                ModbusTcpTransport modbus = new ModbusTcpTransport(vertx, ModbusTransportConfig.defaults())) {
            int port = demo.pumps().get(0).port();
            Recording sink = new Recording();
            PumpPoller poller = new PumpPoller(vertx, config(null, port), Drivers.forModel("nibe", "s1255"), DeviceConfig.empty(),
                    modbus.open("hp-0000e001", "127.0.0.1", port, 1), null, sink, Clock.systemUTC(), 0.1, Duration.ofSeconds(60));
            assertThat(poller.intervalS()).isEqualTo(10);
            assertThat(poller.intervalFor(config(5, port))).isEqualTo(10);
            assertThat(poller.intervalFor(config(25, port))).isEqualTo(25);

            poller.start(Duration.ZERO);
            await().atMost(Duration.ofSeconds(10)).until(() -> !sink.readings.isEmpty() && !sink.statuses.isEmpty());
            ReadingRecord r = sink.readings.get(0);
            assertThat(r.values()).containsKeys("temp_outside", "temp_flow");
            assertThat(r.units().keySet()).isEqualTo(r.values().keySet());
            StatusRecord s = sink.statuses.get(0);
            assertThat(s.connected()).isTrue();
            assertThat(s.consecutiveErrors()).isZero();
            assertThat(s.lastReadingAt()).isEqualTo(r.observedAt());
            poller.stop();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
