package org.heatpumpsuite.polling.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.heatpumpsuite.polling.simulator.TestSupport.join;

import java.time.Duration;
import java.util.List;

import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikClient;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikConfig;
import org.heatpumpsuite.polling.transport.luxtronik.LuxtronikEndpoint;
import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.transport.modbus.ModbusSession;
import org.heatpumpsuite.polling.transport.modbus.ModbusTcpTransport;
import org.heatpumpsuite.polling.transport.modbus.ModbusTransportConfig;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

/** Demo mode: one simulated pump per model family, each answering its protocol. */
class DemoPumpsTest {

    @Test
    void onePumpPerFamilyAnswers() {
        Vertx vertx = TestSupport.vertx(1);
        try (DemoPumps demo = DemoPumps.start(vertx, "127.0.0.1", 0, SimulationClock.realTime());
                ModbusTcpTransport modbus = new ModbusTcpTransport(vertx, ModbusTransportConfig.defaults());
                LuxtronikClient lux = new LuxtronikClient(vertx, LuxtronikConfig.defaults()
                        .withPauseAfterWrite(Duration.ZERO))) {
            List<String> ids = demo.pumps().stream().map(p -> p.manufacturer() + "/" + p.model()).toList();
            assertThat(ids).containsExactly("idm/navigator_2_0", "nibe/s1155", "nibe/f1155", "daikin/altherma_3",
                    "luxtronik/luxtronik_2_1");
            for (DemoPumps.DemoPump p : demo.pumps()) {
                assertThat(p.port()).isPositive();
                if (p.protocol().equals("luxtronik")) {
                    int[] calc = join(lux.readCalculations(new LuxtronikEndpoint("hp-dem0" + p.model().hashCode(),
                            p.host(), p.port())));
                    assertThat(calc[15] / 10.0).isCloseTo(p.device().state().outdoorTemp(),
                            org.assertj.core.data.Offset.offset(0.3));
                    continue;
                }
                ModbusSession s = modbus.open("hp-demo" + p.model(), p.host(), p.port(), p.unitId());
                int[] outdoor = switch (p.manufacturer()) {
                    case "idm" -> join(s.read(FunctionCode.READ_INPUT_REGISTERS, 1000, 2));
                    case "daikin" -> join(s.read(FunctionCode.READ_INPUT_REGISTERS, 43, 1));
                    default -> p.model().startsWith("f") ? join(s.read(FunctionCode.READ_HOLDING_REGISTERS, 3, 1))
                            : join(s.read(FunctionCode.READ_INPUT_REGISTERS, 1, 1));
                };
                assertThat(outdoor).isNotEmpty();
            }
        } finally {
            TestSupport.close(vertx);
        }
    }
}
