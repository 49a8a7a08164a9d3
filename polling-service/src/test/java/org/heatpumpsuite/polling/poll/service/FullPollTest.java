package org.heatpumpsuite.polling.poll.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.heatpumpsuite.polling.poll.messaging.ReadingRecord;
import org.heatpumpsuite.polling.pump.service.PumpConfig;
import org.heatpumpsuite.polling.simulator.DemoPumps;
import org.heatpumpsuite.polling.simulator.SimulationClock;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikClient;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikConfig;
import org.heatpumpsuite.polling.transport.modbus.ModbusTcpTransport;
import org.heatpumpsuite.polling.transport.modbus.ModbusTransportConfig;
import org.heatpumpsuite.polling.vendor.CanonicalIds;
import org.heatpumpsuite.polling.vendor.DeviceConfig;
import org.heatpumpsuite.polling.vendor.Drivers;
import org.heatpumpsuite.polling.vendor.HeatpumpDriver;
import org.heatpumpsuite.polling.vendor.SensorDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;

/**
 * A full poll of every model against its simulator over real sockets: the values come back with their units
 * (canonical ids with the canonical unit), no value fails, nothing undefined appears, every canonical value the model
 * defines is there, and the few defined values that are absent are ones the device marks "not available".
 */
class FullPollTest {

    static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({ "idm, navigator_2_0", "nibe, s1155", "nibe, s1255", "nibe, s2125", "nibe, f1145", "nibe, f1245",
            "nibe, f1155", "nibe, f1255", "nibe, f750", "nibe, f730", "daikin, altherma_3", "luxtronik, luxtronik_2_1" })
    void aFullPollReturnsEveryDefinedValueWithItsUnit(String manufacturer, String model) throws Exception {
        HeatpumpDriver driver = Drivers.forModel(manufacturer, model);
        DeviceConfig deviceConfig = manufacturer.equals("idm")
                ? DeviceConfig.idm(List.of("A", "B"), List.of(new DeviceConfig.ZoneModule(1, 2)))
                : DeviceConfig.empty();
        try (DemoPumps demo = DemoPumps.start(vertx, List.of(new DemoPumps.Placement(manufacturer, model, "127.0.0.1", 0)),
                SimulationClock.realTime());
                ModbusTcpTransport modbus = new ModbusTcpTransport(vertx, ModbusTransportConfig.defaults())) {
            int port = demo.pumps().get(0).port();
            boolean lux = manufacturer.equals("luxtronik");
            PumpConfig config = PumpConfig.parse("hp-0000f011", new ObjectMapper().readTree("""
                    {"heatpump_id":"hp-0000f011","manufacturer":"%s","model":"%s","enabled":true,
                     "connection":{"host":"127.0.0.1","port":%d%s},"device_config":{}}
                    """.formatted(manufacturer, model, port, lux ? "" : ",\"unit_id\":1")));
            PumpPollerTest.Recording sink = new PumpPollerTest.Recording();
            PumpPoller poller = new PumpPoller(vertx, config, driver, deviceConfig,
                    lux ? null : modbus.open("hp-0000f011", "127.0.0.1", port, 1),
                    lux ? new LuxtronikClient(vertx, LuxtronikConfig.defaults()) : null, sink, Clock.systemUTC(), 0.0,
                    Duration.ofSeconds(60));
            poller.start(Duration.ZERO);
            await().atMost(Duration.ofSeconds(120)).until(() -> !sink.readings.isEmpty());
            poller.stop();

            ReadingRecord reading = sink.readings.get(0);
            Set<String> defined = driver.sensors(model, deviceConfig).stream()
                    .filter(s -> s.access().readable()).map(SensorDefinition::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(reading.errors()).as("per-value errors").isEmpty();
            assertThat(defined).as("values the driver defines but the poll did not return")
                    .containsAll(reading.values().keySet());
            Set<String> missing = new TreeSet<>(defined);
            missing.removeAll(reading.values().keySet());
            // Absent values are those the simulated device marks "not available" (e.g. sensors a model lacks, no
            // current error); the canonical ones a model defines must all be there, error_code only when a fault is.
            assertThat(missing.stream().filter(CanonicalIds::isCanonical).filter(id -> !id.equals("error_code")))
                    .as("canonical values missing from a full poll").isEmpty();
            assertThat(missing.size()).as("values missing from a full poll: " + missing)
                    .isLessThanOrEqualTo(Math.max(3, defined.size() / 10));
            assertThat(reading.units().keySet()).isEqualTo(reading.values().keySet());
            reading.values().keySet().stream().filter(CanonicalIds::isCanonical).forEach(id -> assertThat(
                    reading.units().get(id)).as("unit of " + id).isEqualTo(CanonicalIds.unit(id)));
        }
    }
}
