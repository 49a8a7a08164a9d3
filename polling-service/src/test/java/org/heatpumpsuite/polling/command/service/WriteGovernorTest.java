package org.heatpumpsuite.polling.command.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.heatpumpsuite.polling.simulator.MutableClock;
import org.heatpumpsuite.polling.vendor.Persistence;
import org.heatpumpsuite.polling.vendor.WritableDefinition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.DecimalNode;

/** The write governor's rules on a hand-moved clock: budgets, minimum interval, no-change, re-sends, rebuild. */
class WriteGovernorTest {

    static final String PUMP = "hp-0000c001";
    static final WritableDefinition EEPROM = new WritableDefinition(BigDecimal.valueOf(35), BigDecimal.valueOf(95), BigDecimal.ONE,
            null, Persistence.EEPROM, null, false, false, null);
    static final WritableDefinition CYCLIC = new WritableDefinition(null, null, null, null, Persistence.CYCLIC, 600, false, false,
            null);
    static final WritableDefinition VOLATILE = new WritableDefinition(null, null, null, null, Persistence.VOLATILE, null, false,
            false, null);
    static final WritableDefinition ONE_SHOT = new WritableDefinition(null, null, null, null, Persistence.VOLATILE, null, true,
            false, null);

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));
    final WriteGovernor governor = new WriteGovernor(clock, new WriteGovernor.Limits(Duration.ofHours(1), 3));

    @Test
    void eepromWritesKeepTheMinimumInterval() {
        assertThat(governor.checkLimits(PUMP, "dhw_target", EEPROM, false)).isEmpty();
        governor.recordWrite(PUMP, "dhw_target", clock.instant());
        clock.advance(Duration.ofMinutes(59));
        assertThat(governor.checkLimits(PUMP, "dhw_target", EEPROM, false)).get().asString().startsWith("too frequent");
        // other values and other pumps are not affected
        assertThat(governor.checkLimits(PUMP, "dhw_charge_on_temp", EEPROM, false)).isEmpty();
        assertThat(governor.checkLimits("hp-0000c002", "dhw_target", EEPROM, false)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(governor.checkLimits(PUMP, "dhw_target", EEPROM, false)).isEmpty();
    }

    @Test
    void theDailyBudgetIsSpentAndRefillsAfter24Hours() {
        for (int i = 0; i < 3; i++) {
            assertThat(governor.checkLimits(PUMP, "dhw_target", EEPROM, false)).as("write %d", i).isEmpty();
            governor.recordWrite(PUMP, "dhw_target", clock.instant());
            clock.advance(Duration.ofHours(2));
        }
        assertThat(governor.checkLimits(PUMP, "dhw_target", EEPROM, false)).get().asString()
                .startsWith("daily write budget").contains("3 of 3");
        clock.advance(Duration.ofHours(18)); // first write now exactly 24 h old
        assertThat(governor.checkLimits(PUMP, "dhw_target", EEPROM, false)).isEmpty();
        assertThat(governor.writesInWindow(PUMP, "dhw_target")).isEqualTo(2);
    }

    @Test
    void aValuesOwnBudgetAndIntervalFromTheModelDataOverrideTheDefaults() {
        WritableDefinition strict = new WritableDefinition(BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, null, Persistence.EEPROM,
                null, false, false, null, 1, 7200);
        assertThat(governor.checkLimits(PUMP, "heating_curve", strict, false)).isEmpty();
        governor.recordWrite(PUMP, "heating_curve", clock.instant());
        clock.advance(Duration.ofMinutes(90)); // past the default hour, within the value's own two hours
        assertThat(governor.checkLimits(PUMP, "heating_curve", strict, false)).get().asString().startsWith("daily write budget")
                .contains("1 of 1");
        WritableDefinition oftener = new WritableDefinition(BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, null, Persistence.EEPROM,
                null, false, false, null, null, 7200);
        assertThat(governor.checkLimits(PUMP, "heating_curve", oftener, false)).get().asString().startsWith("too frequent")
                .contains("PT2H");
    }

    @Test
    void nonEepromValuesHaveNoBudget() {
        for (int i = 0; i < 10; i++) {
            governor.recordWrite(PUMP, "pv_surplus", clock.instant());
        }
        assertThat(governor.checkLimits(PUMP, "pv_surplus", VOLATILE, false)).isEmpty();
        assertThat(governor.checkLimits(PUMP, "bms_temp_request_heating", CYCLIC, false)).isEmpty();
    }

    @Test
    void noChangeIsSuppressedAtTheValuesResolutionButNotForResends() {
        assertThat(WriteGovernor.checkChange(new BigDecimal("50.0"), 50L, false)).get().asString().startsWith("unchanged");
        assertThat(WriteGovernor.checkChange(50.5, 50L, false)).isEmpty();
        assertThat(WriteGovernor.checkChange("automatic", "automatic", false)).isPresent();
        assertThat(WriteGovernor.checkChange("automatic", "away", false)).isEmpty();
        assertThat(WriteGovernor.checkChange(null, 50L, false)).as("write-only: nothing to compare").isEmpty();
        assertThat(WriteGovernor.checkChange(22.0, 22.0, true)).as("a re-send bypasses the no-change check").isEmpty();
    }

    @Test
    void onlyCyclicNonEepromRepeatableValuesAreResent() {
        assertThat(governor.checkLimits(PUMP, "bms_temp_request_heating", CYCLIC, true)).isEmpty();
        assertThat(governor.checkLimits(PUMP, "dhw_target", EEPROM, true)).get().asString().contains("never allowed for EEPROM");
        assertThat(governor.checkLimits(PUMP, "dhw_request", ONE_SHOT, true)).get().asString().contains("one-shot");
        assertThat(governor.checkLimits(PUMP, "pv_surplus", VOLATILE, true)).get().asString().contains("only cyclic");
    }

    @Test
    void aRedeliveredCommandIsSeenOnceAndRebuiltIdsCount() {
        assertThat(governor.firstSeen(PUMP, "c1")).isTrue();
        assertThat(governor.firstSeen(PUMP, "c1")).isFalse();
        governor.rebuild(PUMP, "dhw_target", "c2", "written_verified", clock.instant().minusSeconds(60));
        assertThat(governor.firstSeen(PUMP, "c2")).isFalse();
        clock.advance(Duration.ofHours(25));
        assertThat(governor.firstSeen(PUMP, "c1")).as("forgotten after 24 h").isTrue();
    }

    @Test
    void budgetsAreRebuiltFromResultsOfTheLast24HoursExceptRejections() {
        Instant now = clock.instant();
        governor.rebuild(PUMP, "dhw_target", "a", "written_verified", now.minus(Duration.ofHours(25))); // too old
        governor.rebuild(PUMP, "dhw_target", "b", "failed", now.minus(Duration.ofHours(5))); // may have reached the device
        governor.rebuild(PUMP, "dhw_target", "c", "rejected", now.minus(Duration.ofHours(4)));
        governor.rebuild(PUMP, "dhw_target", "e", "written_verified", now.minus(Duration.ofHours(2)));
        governor.rebuild(PUMP, "dhw_target", "d", "written_not_verified", now.minus(Duration.ofHours(3))); // out of order
        assertThat(governor.writesInWindow(PUMP, "dhw_target")).isEqualTo(3);
        assertThat(governor.lastWrite(PUMP, "dhw_target")).contains(now.minus(Duration.ofHours(2)));
        assertThat(governor.checkLimits(PUMP, "dhw_target", EEPROM, false)).get().asString().startsWith("daily write budget");
        assertThat(governor.firstSeen(PUMP, "a")).as("too old to remember").isTrue();
        assertThat(governor.firstSeen(PUMP, "c")).isFalse();
    }

    @Test
    void standingValuesAreReplacedAndDroppedWithThePump() {
        StandingValue v = new StandingValue("bms_temp_request_heating", DecimalNode.valueOf(new BigDecimal("45")), "c1", "anna",
                clock.instant());
        governor.stand(PUMP, v);
        StandingValue w = new StandingValue("bms_temp_request_heating", DecimalNode.valueOf(new BigDecimal("40")), "c2", "anna",
                clock.instant());
        governor.stand(PUMP, w);
        assertThat(governor.standing(PUMP)).containsOnlyKeys("bms_temp_request_heating");
        assertThat(governor.standing(PUMP).get("bms_temp_request_heating").commandId()).isEqualTo("c2");
        assertThat(governor.pumpsWithStandingValues()).containsExactly(PUMP);
        governor.clearStanding(PUMP);
        assertThat(governor.pumpsWithStandingValues()).isEmpty();
        governor.replaceStanding(PUMP, List.of(v));
        governor.recordWrite(PUMP, "dhw_target", clock.instant());
        governor.drop(PUMP);
        assertThat(governor.standing(PUMP)).isEmpty();
        assertThat(governor.writesInWindow(PUMP, "dhw_target")).isZero();
    }

    @Test
    void aLostPartitionTakesAlongPumpsKnownOnlyFromTheirResults() {
        governor.rebuild(PUMP, "dhw_target", "x", "written_verified", clock.instant());
        governor.rebuild("hp-0000c002", "dhw_target", "y", "written_verified", clock.instant());
        governor.dropWhere(PUMP::equals);
        assertThat(governor.writesInWindow(PUMP, "dhw_target")).isZero();
        assertThat(governor.firstSeen(PUMP, "x")).isTrue();
        assertThat(governor.writesInWindow("hp-0000c002", "dhw_target")).isEqualTo(1);
        assertThat(governor.firstSeen("hp-0000c002", "y")).isFalse();
    }
}
