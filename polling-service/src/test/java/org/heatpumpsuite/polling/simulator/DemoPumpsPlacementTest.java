package org.heatpumpsuite.polling.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatpumpsuite.polling.simulator.TestSupport.join;

import java.util.List;

import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.transport.modbus.ModbusSession;
import org.heatpumpsuite.polling.transport.modbus.ModbusTcpTransport;
import org.heatpumpsuite.polling.transport.modbus.ModbusTransportConfig;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

/** Demo pumps placed by model and port, as the registry's demo pumps expect them; one can be switched off. */
class DemoPumpsPlacementTest {

    @Test
    void theRegistryDemoModelsCanBePlacedAndSwitchedOff() {
        assertThat(DemoPumps.registryPlacements("127.0.0.1").stream().map(p -> p.model() + "@" + p.port()).toList())
                .containsExactly("navigator_2_0@15020", "s1255@15021", "f1155@15022", "altherma_3@15023", "luxtronik_2_1@18889");
        Vertx vertx = TestSupport.vertx(1);
        try (DemoPumps demo = DemoPumps.start(vertx, List.of(new DemoPumps.Placement("nibe", "s1255", "127.0.0.1", 0),
                new DemoPumps.Placement("luxtronik", "luxtronik_2_1", "127.0.0.1", 0)), SimulationClock.realTime());
                ModbusTcpTransport modbus = new ModbusTcpTransport(vertx, ModbusTransportConfig.defaults())) {
            assertThat(demo.pumps()).extracting(DemoPumps.DemoPump::model).containsExactly("s1255", "luxtronik_2_1");
            DemoPumps.DemoPump nibe = demo.pumps().get(0);
            ModbusSession s = modbus.open("hp-0000d001", nibe.host(), nibe.port(), nibe.unitId());
            assertThat(join(s.read(FunctionCode.READ_INPUT_REGISTERS, 1, 1))).hasSize(1);
            join(demo.stop(nibe));
            ModbusSession again = modbus.open("hp-0000d002", nibe.host(), nibe.port(), nibe.unitId());
            assertThat(again.read(FunctionCode.READ_INPUT_REGISTERS, 1, 1).toCompletableFuture())
                    .failsWithin(java.time.Duration.ofSeconds(10));
        } finally {
            TestSupport.close(vertx);
        }
    }
}
