package org.heatpumpsuite.polling.command.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.heatpumpsuite.polling.poll.service.PumpLink;
import org.heatpumpsuite.polling.pump.service.PumpConfig;
import org.heatpumpsuite.polling.transport.modbus.FunctionCode;
import org.heatpumpsuite.polling.vendor.DeviceConfig;
import org.heatpumpsuite.polling.vendor.Drivers;
import org.heatpumpsuite.polling.vendor.FakeModbusSession;
import org.heatpumpsuite.polling.vendor.HeatpumpDriver;
import org.heatpumpsuite.polling.vendor.SensorDefinition;
import org.heatpumpsuite.polling.vendor.Write;
import org.junit.jupiter.api.Test;

/** Read-before, write and the decoded written value on the iDM driver and a fake session. */
class WriteExecutorTest {

    final HeatpumpDriver idm = Drivers.forModel("idm", "navigator_2_0");
    final DeviceConfig cfg = DeviceConfig.idm(List.of("A"), List.of());
    final FakeModbusSession session = new FakeModbusSession();
    final PumpLink link = new PumpLink(new PumpConfig("hp-0000c001", "idm", "navigator_2_0", true, "127.0.0.1", 502, 1, null,
            null), idm, cfg, session, null, null);

    SensorDefinition sensor(String id) {
        return idm.sensors("navigator_2_0", cfg).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theWrittenValueIsDecodedAtItsResolutionAndReadBackFromTheSameRegister() throws Exception {
        SensorDefinition dhw = sensor("dhw_target");
        Write w = idm.encodeWrite("navigator_2_0", "dhw_target", new BigDecimal("50"), cfg);
        Object wanted = WriteExecutor.written(dhw, w);
        assertThat(WriteGovernor.same(wanted, 50)).isTrue();

        FunctionCode fc = dhw.register().readFunctionCode();
        session.set(fc, dhw.register().address(), 48);
        Object before = WriteExecutor.read(link, dhw).toCompletableFuture().get();
        assertThat(WriteGovernor.same(before, 48)).isTrue();
        assertThat(WriteGovernor.checkChange(before, wanted, false)).isEmpty();

        WriteExecutor.write(link, w).toCompletableFuture().get();
        assertThat(session.log).contains("W16:" + dhw.register().address() + "+1");
        session.set(fc, dhw.register().address(), 50); // the fake stores writes as holding registers
        Object after = WriteExecutor.read(link, dhw).toCompletableFuture().get();
        assertThat(WriteGovernor.same(after, wanted)).isTrue();
        assertThat(WriteGovernor.checkChange(after, wanted, false)).as("now unchanged").isPresent();
    }

    @Test
    void writeOnlyValuesCannotBeReadBack() {
        assertThat(WriteExecutor.readable(sensor("bms_temp_request_heating"))).isFalse();
        assertThat(WriteExecutor.readable(sensor("dhw_target"))).isTrue();
    }
}
