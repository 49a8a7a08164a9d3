package org.heatpumpsuite.polling.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An installer replaces an S-series map with the pump's own file (device_config.register_map_override). */
class NibeOverrideTest {

    private static final DataDrivenDriver NIBE = (DataDrivenDriver) Drivers.forManufacturer("nibe");

    private static final String OWN_MAP = """
            source: export of our S1255, firmware 9.9 (BT1 moved to input 2)
            values:
            - id: temp_outside
              canonical: true
              table: input
              address: 2
              type: s16
              divisor: 10
              unit: °C
              description: Current outdoor temperature (BT1)
              ref: own export
            - id: compressor_frequency
              canonical: true
              table: input
              address: 1046
              type: u16
              divisor: 10
              unit: Hz
              description: Compressor frequency
              ref: own export
            - id: heat_curve
              table: holding
              address: 26
              type: s8
              description: Heating curve
              access: rw
              write: {min: 0, max: 15, step: 1, persistence: eeprom}
              ref: own export
            """;

    @Test
    void theInstallersFileReplacesTheShippedMapForThatPump(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("hp-8b20d4e1.yaml");
        Files.writeString(file, OWN_MAP);
        DeviceConfig cfg = DeviceConfig.empty().withRegisterMapOverride(file.toString());
        var sensors = NIBE.sensors("s1255", cfg);
        assertThat(sensors).extracting(SensorDefinition::id).containsExactly("temp_outside", "compressor_frequency", "heat_curve",
                "compressor_running");
        assertThat(VectorSupport.valueAt(NIBE, "s1255", cfg, "temp_outside", 0x00D2)).isEqualTo(21.0);
        assertThat(NIBE.readPlan("s1255", cfg, new BadAddressMemory()).blocks()).extracting(ReadBlock::address).containsExactly(2, 1046, 26);
        assertThat(NIBE.encode("s1255", "heat_curve", 7, cfg)).containsExactly(7);
        // the shipped map is unchanged for other pumps
        assertThat(VectorSupport.sensor(NIBE, "s1255", DeviceConfig.empty(), "temp_outside").register().address()).isEqualTo(1);

        Files.writeString(file, OWN_MAP.replace("address: 2\n", "address: 3\n"));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThat(VectorSupport.sensor(NIBE, "s1255", cfg, "temp_outside").register().address()).as("re-read after a change").isEqualTo(3);
    }

    @Test
    void aBrokenOrForeignFileIsRefusedWithTheReason(@TempDir Path dir) throws IOException {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, OWN_MAP.replace("divisor: 10", "divsor: 10"));
        assertThatThrownBy(() -> NIBE.sensors("s1255", DeviceConfig.empty().withRegisterMapOverride(typo.toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("divsor");
        Path badUnit = dir.resolve("unit.yaml");
        Files.writeString(badUnit, OWN_MAP.replace("unit: Hz", "unit: rpm"));
        assertThatThrownBy(() -> NIBE.sensors("s1255", DeviceConfig.empty().withRegisterMapOverride(badUnit.toString())))
                .hasMessageContaining("rpm");
        Path csv = dir.resolve("export.csv");
        Files.writeString(csv, "a,b\n");
        assertThatThrownBy(() -> NIBE.sensors("s1255", DeviceConfig.empty().withRegisterMapOverride(csv.toString())))
                .hasMessageContaining(".yaml");
        assertThatThrownBy(() -> NIBE.sensors("f1155", DeviceConfig.empty().withRegisterMapOverride(csv.toString())))
                .hasMessageContaining("only accepted for NIBE S-series");
        assertThatThrownBy(() -> NIBE.sensors("s1255", DeviceConfig.empty().withRegisterMapOverride(dir.resolve("missing.yaml").toString())))
                .hasMessageContaining("cannot be read");
    }
}
