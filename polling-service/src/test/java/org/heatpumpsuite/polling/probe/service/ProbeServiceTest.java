package org.heatpumpsuite.polling.probe.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.heatpumpsuite.polling.simulator.DemoPumps;
import org.heatpumpsuite.polling.simulator.LuxtronikSimulatedDevice;
import org.heatpumpsuite.polling.simulator.ModbusSimulatedDevice;
import org.heatpumpsuite.polling.simulator.ModbusSimulatedDevice.UnitIdBehaviour;
import org.heatpumpsuite.polling.simulator.RegisterLayout.Table;
import org.heatpumpsuite.polling.simulator.SimulationClock;
import org.heatpumpsuite.polling.simulator.TestSupport;
import org.heatpumpsuite.polling.vendor.luxtronik.LuxtronikSimulator;
import org.heatpumpsuite.testsupport.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

/**
 * The connection test against simulated pumps of every family in this JVM (no Quarkus): what it reads, how it judges
 * exceptions, unit ids and silence, and that it keeps to its timeout. The simulators' clock stands still, so values
 * planted in their registers stay until read.
 */
class ProbeServiceTest {

    static Vertx vertx;
    static DemoPumps pumps;
    static ProbeService service;

    @BeforeAll
    static void start() {
        vertx = TestSupport.vertx(1);
        SimulationClock still = new SimulationClock(Clock.fixed(Instant.parse("2026-01-15T06:00:00Z"), ZoneOffset.UTC), 1.0, null);
        pumps = DemoPumps.start(vertx, List.of(new DemoPumps.Placement("idm", "navigator_2_0", "127.0.0.1", 0),
                new DemoPumps.Placement("nibe", "s1155", "127.0.0.1", 0), new DemoPumps.Placement("nibe", "f1155", "127.0.0.1", 0),
                new DemoPumps.Placement("daikin", "altherma_3", "127.0.0.1", 0),
                new DemoPumps.Placement("luxtronik", "luxtronik_2_1", "127.0.0.1", 0)), still);
        service = new ProbeService(vertx, null);
        // Known outdoor temperatures, each in its device's own encoding (reference data types):
        modbus("navigator_2_0").poke(Table.HOLDING, 1000, 0x0000, 0xC0F0); // FLOAT -7.5, low word first
        modbus("s1155").poke(Table.INPUT, 1, 0xFFB7); // s16 /10: -7.3
        modbus("f1155").poke(Table.HOLDING, 3, 0xFFBC); // 40004 s16 /10: -6.8
        modbus("altherma_3").poke(Table.INPUT, 43, 0xFE00); // input 44 Temp16 /100: -5.12
        ((LuxtronikSimulatedDevice) pump("luxtronik_2_1").device()).pokeCalculation(15, -55); // int32 /10: -5.5
    }

    @AfterAll
    static void stop() {
        pumps.close();
        TestSupport.close(vertx);
    }

    @AfterEach
    void reset() {
        for (DemoPumps.DemoPump p : pumps.pumps()) {
            p.device().faults().clear();
            if (p.device() instanceof ModbusSimulatedDevice d) {
                d.setUnitIdBehaviour(UnitIdBehaviour.SILENT);
            }
        }
    }

    static DemoPumps.DemoPump pump(String model) {
        return pumps.pumps().stream().filter(p -> p.model().equals(model)).findFirst().orElseThrow();
    }

    static ModbusSimulatedDevice modbus(String model) {
        return (ModbusSimulatedDevice) pump(model).device();
    }

    static ProbeResponse probe(String manufacturer, String model, String host, int port, Integer unit, int timeoutMs) {
        try {
            return service.probe(new ProbeRequest(manufacturer, model, host, port, unit, timeoutMs)).toCompletableFuture()
                    .get(timeoutMs + 5000L, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("probe did not answer", e);
        }
    }

    static ProbeResponse probe(String model, Integer unit, int timeoutMs) {
        DemoPumps.DemoPump p = pump(model);
        return probe(p.manufacturer(), model, p.host(), p.port(), unit, timeoutMs);
    }

    @Test
    void everyFamilyAnswersWithItsIdentifyingValues() {
        Map<String, Double> outdoor = Map.of("navigator_2_0", -7.5, "s1155", -7.3, "f1155", -6.8, "altherma_3", -5.12,
                "luxtronik_2_1", -5.5);
        for (DemoPumps.DemoPump p : pumps.pumps()) {
            ProbeResponse r = probe(p.model(), p.protocol().equals("luxtronik") ? null : 1, 3000);
            assertThat(r.diagnosis().kind()).as(p.model() + ": " + r.diagnosis().messageEn()).isEqualTo("ok");
            assertThat(r.ok()).isTrue();
            assertThat(r.latencyMs()).isNotNull().isBetween(0L, 3000L);
            assertThat(((Number) r.values().get("temp_outside")).doubleValue()).as(p.model()).isEqualTo(outdoor.get(p.model()));
            assertThat(r.values()).containsKey("temp_flow");
            assertThat(r.diagnosis().messageEn()).contains("read " + r.values().size() + " values");
            if (p.protocol().equals("luxtronik")) {
                assertThat(r.values()).containsKey("operating_mode");
                assertThat(r.detected()).isEqualTo(new ProbeResponse.Detected(null, LuxtronikSimulator.FIRMWARE, null));
            } else {
                assertThat(r.values()).containsKey("temp_hot_water");
                assertThat(r.detected()).isNull();
            }
        }
    }

    @Test
    void anIdmProbedAsNibeSAnswersIllegalAddress() {
        DemoPumps.DemoPump idm = pump("navigator_2_0");
        ProbeResponse r = probe("nibe", "s1155", idm.host(), idm.port(), 1, 2000);
        assertThat(r.ok()).isFalse();
        assertThat(r.diagnosis().kind()).isEqualTo("modbus_exception");
        assertThat(r.diagnosis().modbusExceptionCode()).isEqualTo(2);
        assertThat(r.diagnosis().hintEn()).startsWith("Wrong model or firmware?");
        assertThat(r.diagnosis().hintDe()).startsWith("Falsches Modell oder falsche Firmware?");
        assertThat(r.latencyMs()).isNotNull();
    }

    @Test
    void aSilentWrongUnitIdIsFoundByTheDefaultUnitId() {
        long start = System.nanoTime();
        ProbeResponse r = probe("s1155", 7, 1000);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.diagnosis().kind()).isEqualTo("wrong_unit_id");
        assertThat(r.diagnosis().hintEn()).isEqualTo("Check the unit id (default 1 for this model).");
        assertThat(r.latencyMs()).isNull();
        assertThat(ms).isLessThan(2200);
    }

    @Test
    void aGatewayReportingItsTargetMissingIsAWrongUnitId() {
        modbus("f1155").setUnitIdBehaviour(UnitIdBehaviour.GATEWAY_TARGET_FAILED);
        ProbeResponse r = probe("f1155", 5, 2000);
        assertThat(r.diagnosis().kind()).isEqualTo("wrong_unit_id");
        assertThat(r.diagnosis().modbusExceptionCode()).isEqualTo(0x0B);
        assertThat(r.diagnosis().messageEn()).contains("exception 0B");
        assertThat(r.diagnosis().hintEn()).contains("MODBUS 40 slave address");
    }

    @Test
    void aDeviceIgnoringTheUnitIdPasses() {
        modbus("altherma_3").setUnitIdBehaviour(UnitIdBehaviour.ANSWER_ANY);
        assertThat(probe("altherma_3", 9, 2000).diagnosis().kind()).isEqualTo("ok");
    }

    @Test
    void garbageIsAProtocolError() {
        pump("s1155").device().faults().garbage();
        ProbeResponse r = probe("s1155", 1, 2000);
        assertThat(r.diagnosis().kind()).isEqualTo("protocol");
        assertThat(r.diagnosis().hintEn()).contains("502");
    }

    @Test
    void aBusyDeviceIsAModbusExceptionWithAHint() {
        pump("navigator_2_0").device().faults().exception(6);
        ProbeResponse r = probe("navigator_2_0", 1, 2000);
        assertThat(r.diagnosis().kind()).isEqualTo("modbus_exception");
        assertThat(r.diagnosis().modbusExceptionCode()).isEqualTo(6);
        assertThat(r.diagnosis().hintEn()).contains("try again");
    }

    @Test
    void aLuxtronikThatNeverAnswersTimesOutWithinTheBound() {
        pump("luxtronik_2_1").device().faults().noReply();
        long start = System.nanoTime();
        ProbeResponse r = probe("luxtronik_2_1", null, 800);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.diagnosis().kind()).isEqualTo("timeout");
        assertThat(r.diagnosis().hintEn()).contains("8889");
        assertThat(ms).isBetween(700L, 2000L);
    }

    @Test
    void aListenerThatNeverAnswersTimesOutWithinTheBound() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            for (Integer unit : new Integer[] { 1, 3 }) {
                long start = System.nanoTime();
                ProbeResponse r = probe("idm", "navigator_2_0", "127.0.0.1", silent.getLocalPort(), unit, 700);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertThat(r.diagnosis().kind()).as("unit " + unit).isEqualTo("timeout");
                assertThat(r.diagnosis().messageEn()).contains("accepted the connection");
                assertThat(r.diagnosis().hintEn()).contains("default 1").contains("restarting the Navigator");
                assertThat(r.latencyMs()).isNull();
                assertThat(ms).as("unit " + unit).isBetween(600L, 1900L);
            }
        }
    }

    @Test
    void refusedAndUnknownHostsAreNamed() {
        ProbeResponse refused = probe("nibe", "s1155", "127.0.0.1", Ports.free(), 1, 1000);
        assertThat(refused.diagnosis().kind()).isEqualTo("refused");
        assertThat(refused.diagnosis().hintEn()).startsWith("Is Modbus TCP enabled (NIBE S: menu 7.5.9)?");
        assertThat(refused.latencyMs()).isNull();
        ProbeResponse dns = probe("daikin", "altherma_3", "no-such-pump.invalid", 502, 1, 2000);
        assertThat(dns.diagnosis().kind()).isEqualTo("dns");
    }
}
