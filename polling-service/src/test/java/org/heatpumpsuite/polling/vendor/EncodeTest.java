package org.heatpumpsuite.polling.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Writes: values outside min/max, off the step grid, without a range, or read-only are rejected with a clear message. */
class EncodeTest {

    private static final HeatpumpDriver IDM = Drivers.forModel("idm", "navigator_2_0");
    private static final HeatpumpDriver NIBE = Drivers.forManufacturer("nibe");
    private static final HeatpumpDriver DAIKIN = Drivers.forModel("daikin", "altherma_3");
    private static final DeviceConfig A = DeviceConfig.idm(List.of("A"), List.of(new DeviceConfig.ZoneModule(1, 2)));

    private static DeviceConfig.WriteRange range(String min, String max, String step) {
        return new DeviceConfig.WriteRange(new BigDecimal(min), new BigDecimal(max), step == null ? null : new BigDecimal(step));
    }

    @Test
    void valuesOutsideTheDocumentedRangeAreRejectedNamingMinMaxStep() {
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "dhw_target", 34, A)).isInstanceOf(WriteRejectedException.class)
                .hasMessageContaining("dhw_target").hasMessageContaining("below the minimum").hasMessageContaining("min 35, max 95, step 1");
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "dhw_target", 96, A)).hasMessageContaining("above the maximum");
        assertThat(IDM.encode("navigator_2_0", "dhw_target", 95, A)).containsExactly(95);
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "circuit_a_heating_curve", 3.6, A)).hasMessageContaining("max 3.5");
        assertThatThrownBy(() -> NIBE.encode("f1155", "heat_curve", 16, DeviceConfig.empty())).hasMessageContaining("max 15");
        assertThatThrownBy(() -> DAIKIN.encode("altherma_3", "general_power_limit", 20.01, DeviceConfig.empty())).hasMessageContaining("max 20");
    }

    @Test
    void valuesOffTheStepGridAreRejected() {
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "dhw_target", 48.5, A)).isInstanceOf(WriteRejectedException.class)
                .hasMessageContaining("step grid");
        assertThatThrownBy(() -> NIBE.encode("s1255", "hot_water_start_normal", 50.05, DeviceConfig.empty())).hasMessageContaining("step grid");
        assertThat(NIBE.encode("s1255", "hot_water_start_normal", 50.1, DeviceConfig.empty())).containsExactly(501);
        // iDM zone room targets take 0.5 K steps only; their range comes from the installer
        DeviceConfig zone = A.withWriteRange("zone_1_room_2_target", range("16", "26", null));
        assertThat(IDM.encode("navigator_2_0", "zone_1_room_2_target", 21.5, zone)).containsExactly(0x0000, 0x41AC);
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "zone_1_room_2_target", 21.3, zone)).hasMessageContaining("multiples of 0.5");
    }

    @Test
    void aValueWithoutDocumentedRangeIsReadOnlyUntilTheInstallerSetsOne() {
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "zone_1_room_1_target", 21, A)).isInstanceOf(WriteRejectedException.class)
                .hasMessageContaining("write_ranges.zone_1_room_1_target");
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "bivalence_2nd_gen_point_1", -5, A)).hasMessageContaining("documents no range");
        DeviceConfig cfg = A.withWriteRange("bivalence_2nd_gen_point_1", range("-10", "5", null));
        assertThat(IDM.encode("navigator_2_0", "bivalence_2nd_gen_point_1", -5, cfg)).containsExactly(0xFFFB);
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "bivalence_2nd_gen_point_1", 6, cfg)).hasMessageContaining("max 5");
    }

    @Test
    void anInstallerRangeNarrowsButNeverWidensTheDocumentedRange() {
        DeviceConfig narrow = A.withWriteRange("dhw_target", range("45", "55", "1"));
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "dhw_target", 40, narrow)).hasMessageContaining("min 45");
        assertThat(IDM.encode("navigator_2_0", "dhw_target", 50, narrow)).containsExactly(50);
        DeviceConfig wide = A.withWriteRange("dhw_target", range("10", "120", null));
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "dhw_target", 100, wide)).hasMessageContaining("max 95");
        DeviceConfig coarse = A.withWriteRange("dhw_target", range("40", "60", "5"));
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "dhw_target", 52, coarse)).hasMessageContaining("multiples of 5");
        // opt-in value: documented bounds still apply behind the installer range
        DeviceConfig humid = A.withWriteRange("zone_1_room_1_humidity", range("0", "150", null));
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "zone_1_room_1_humidity", 120, humid)).hasMessageContaining("max 100");
    }

    @Test
    void readOnlyUnknownAndMistypedValuesAreRejected() {
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "temp_outside", 5, A)).hasMessageContaining("read-only");
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "circuit_b_mode", 1, A)).hasMessageContaining("no such value");
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "dhw_target", "warm", A)).hasMessageContaining("a number is expected");
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "dhw_target", true, A)).hasMessageContaining("a number is expected");
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "request_heating", 2, A)).hasMessageContaining("boolean");
        assertThat(IDM.encode("navigator_2_0", "request_heating", true, A)).containsExactly(1);
    }

    @Test
    void codedValuesAcceptOnlyTheirOptions() {
        // iDM system mode: the iDM table has codes 0,1,2,4,5 (3 holiday is kodebach's reading only)
        assertThatThrownBy(() -> IDM.encode("navigator_2_0", "system_mode", 3, A)).hasMessageContaining("not one of the codes");
        assertThat(IDM.encode("navigator_2_0", "system_mode", "hot_water_only", A)).containsExactly(4);
        assertThatThrownBy(() -> DAIKIN.encode("altherma_3", "smart_grid_mode", 4, DeviceConfig.empty())).hasMessageContaining("max 3");
    }

    @Test
    void catalogueWritablesMatchTheEncoderRules() {
        for (HeatpumpDriver d : Drivers.all()) {
            for (String m : d.models()) {
                for (CatalogueEntry.Writable w : d.catalogue(m).writables()) {
                    assertThat(w.persistence()).isIn("eeprom", "cyclic", "volatile");
                    assertThat(w.resendIntervalS() != null).as(m + " " + w.id()).isEqualTo(w.persistence().equals("cyclic"));
                    if (w.min() != null && w.max() != null) {
                        assertThat(w.min()).as(m + " " + w.id()).isLessThanOrEqualTo(w.max());
                    }
                }
            }
        }
        CatalogueEntry idm = IDM.catalogue("navigator_2_0");
        assertThat(idm.writables()).filteredOn(w -> w.id().equals("bms_temp_request_heating")).singleElement()
                .satisfies(w -> assertThat(w.resendIntervalS()).isEqualTo(600));
        assertThat(idm.writables()).filteredOn(w -> w.id().equals("circuit_a_heating_curve")).singleElement()
                .satisfies(w -> assertThat(w.persistence()).isEqualTo("eeprom"));
    }
}
