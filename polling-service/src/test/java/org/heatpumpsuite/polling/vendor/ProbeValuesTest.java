package org.heatpumpsuite.polling.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.heatpumpsuite.polling.vendor.data.DataFiles;
import org.heatpumpsuite.polling.vendor.data.MakerFile;
import org.heatpumpsuite.polling.vendor.data.ModelSpec;
import org.heatpumpsuite.polling.vendor.data.ProbeSpec;
import org.junit.jupiter.api.Test;

/** The {@code models[].probe} block of a data file: resolved with the sources of derived values, and checked when loaded. */
class ProbeValuesTest {

    static final String LUX = "vendor/luxtronik/luxtronik_2_1.yaml";

    static ProbeValues resolve(String resource, ProbeSpec probe) {
        MakerFile f = DataFiles.classpath(resource);
        ModelSpec m = f.models().get(0);
        ModelSpec changed = new ModelSpec(m.id(), m.displayName(), m.referenceModel(), m.capabilities(), m.deviceOptions(), probe);
        MakerFile file = new MakerFile(f.source(), f.formatVersion(), f.manufacturer(), f.manufacturerName(), f.protocol(), f.defaultPort(),
                f.defaultUnitId(), f.defaultPollIntervalS(), f.minPollIntervalS(), f.wordOrder(), f.wordOrderConfigurable(), f.defaultTable(),
                f.writeFunctionCode(), f.readProfiles(), f.typeMarkers(), List.of(changed), f.setupInstructions(), f.values(), f.circuits(),
                f.zoneModules(), f.derived());
        return ProbeValues.of(ModelData.of(file, m.id(), resource));
    }

    @Test
    void derivedValuesBringTheirSourcesAndLuxtronikReadsOnlyCalculations() {
        ProbeValues p = resolve(LUX, new ProbeSpec(List.of("operating_mode"), Map.of("firmware", "firmware_version")));
        assertThat(p.sensors()).extracting(SensorDefinition::id).containsExactlyInAnyOrder("operating_mode_raw", "firmware_version",
                "operating_mode");
        assertThat(p.arrays()).containsExactly(Table.CALCULATIONS);
        assertThat(p.plan()).isNull();
    }

    @Test
    void modbusProbesArePlannedWithTheModelsLimits() {
        ProbeValues p = resolve("vendor/nibe/f_series.yaml", new ProbeSpec(List.of("temp_outside", "temp_flow"), null));
        // MODBUS 40: holding 3 and 7 are not bridged into one request (1-2 registers outside LOG.SET)
        assertThat(p.plan().blocks()).extracting(ReadBlock::address).containsExactly(3, 7);
        assertThat(p.detected()).isEmpty();
    }

    @Test
    void mistakesInTheBlockAreNamed() {
        assertThatThrownBy(() -> resolve(LUX, null)).hasMessageContaining("probe.values");
        assertThatThrownBy(() -> resolve(LUX, new ProbeSpec(List.of("no_such_value"), null))).hasMessageContaining("probe.values")
                .hasMessageContaining("no_such_value");
        assertThatThrownBy(() -> resolve(LUX, new ProbeSpec(List.of("temp_outside"), Map.of("firmware", "temp_flow"))))
                .hasMessageContaining("probe.detected.firmware").hasMessageContaining("not a string value");
        assertThatThrownBy(() -> resolve(LUX, new ProbeSpec(List.of("temp_outside"), Map.of("colour", "firmware_version"))))
                .hasMessageContaining("probe.detected.colour");
    }
}
