package org.heatpumpsuite.polling.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.heatpumpsuite.polling.simulator.PumpState.Mode;
import org.junit.jupiter.api.Test;

/** The simulated physics look like a heat pump over two days: cycles, charges, defrosts, growing counters. */
class PumpPhysicsTest {

    private static final Instant START = Instant.parse("2025-01-15T00:00:00Z");

    private static List<PumpState> twoDays(PumpPhysics p, Duration step) {
        List<PumpState> out = new ArrayList<>();
        for (Instant t = START; t.isBefore(START.plus(Duration.ofDays(2))); t = t.plus(step)) {
            out.add(p.advanceTo(t));
        }
        return out;
    }

    @Test
    void plausibleValuesThatChangeOverTime() {
        List<PumpState> states = twoDays(new PumpPhysics(42, true), Duration.ofMinutes(1));
        double min = states.stream().mapToDouble(PumpState::outdoorTemp).min().orElseThrow();
        double max = states.stream().mapToDouble(PumpState::outdoorTemp).max().orElseThrow();
        assertThat(max - min).as("daily outdoor cycle").isBetween(8.0, 12.0);
        PumpState night = states.get(3 * 60); // 03:00
        PumpState afternoon = states.get(15 * 60); // 15:00
        assertThat(afternoon.outdoorTemp()).isGreaterThan(night.outdoorTemp() + 5);

        Set<Mode> seen = EnumSet.noneOf(Mode.class);
        int switchesOn = 0;
        for (int i = 0; i < states.size(); i++) {
            PumpState s = states.get(i);
            seen.add(s.mode());
            if (s.mode() == Mode.HEATING) {
                assertThat(s.flowTemp()).as("flow above return while heating at %s", s.time())
                        .isGreaterThan(s.returnTemp());
            }
            if (s.mode() == Mode.DEFROST) {
                assertThat(s.flowTemp()).isLessThan(s.returnTemp());
            }
            assertThat(s.compressorOn()).isEqualTo(s.mode() != Mode.STANDBY);
            if (i > 0 && s.compressorOn() && !states.get(i - 1).compressorOn()) {
                switchesOn++;
            }
        }
        assertThat(seen).as("compressor cycles, hot-water charges and defrosts in two days")
                .containsExactlyInAnyOrder(Mode.STANDBY, Mode.HEATING, Mode.HOT_WATER, Mode.DEFROST);
        assertThat(switchesOn).isGreaterThan(10);
    }

    @Test
    void hotWaterIsChargedToTheTargetAndCoolsInBetween() {
        PumpPhysics p = new PumpPhysics(7, false);
        p.setDhwTarget(52);
        List<PumpState> states = twoDays(p, Duration.ofMinutes(1));
        double maxTop = states.stream().mapToDouble(PumpState::dhwTopTemp).max().orElseThrow();
        double minTop = states.stream().mapToDouble(PumpState::dhwTopTemp).min().orElseThrow();
        assertThat(maxTop).isCloseTo(52.0, org.assertj.core.data.Offset.offset(0.2));
        assertThat(minTop).isCloseTo(46.0, org.assertj.core.data.Offset.offset(0.2));
        for (int i = 1; i < states.size(); i++) {
            if (states.get(i).mode() == Mode.HOT_WATER && states.get(i - 1).mode() == Mode.HOT_WATER) {
                assertThat(states.get(i).dhwTopTemp()).isGreaterThanOrEqualTo(states.get(i - 1).dhwTopTemp());
            }
        }
        assertThat(states).noneMatch(s -> s.mode() == Mode.DEFROST); // ground source
    }

    @Test
    void countersOnlyGrow() {
        List<PumpState> states = twoDays(new PumpPhysics(3, true), Duration.ofSeconds(97));
        for (int i = 1; i < states.size(); i++) {
            PumpState a = states.get(i - 1);
            PumpState b = states.get(i);
            assertThat(b.compressorStarts()).isGreaterThanOrEqualTo(a.compressorStarts());
            assertThat(b.compressorSeconds()).isGreaterThanOrEqualTo(a.compressorSeconds());
            assertThat(b.operatingSeconds()).isGreaterThanOrEqualTo(a.operatingSeconds());
            assertThat(b.heatEnergyTotalKwh()).isGreaterThanOrEqualTo(a.heatEnergyTotalKwh());
            assertThat(b.electricEnergyTotalKwh()).isGreaterThanOrEqualTo(a.electricEnergyTotalKwh());
        }
        PumpState first = states.get(0);
        PumpState last = states.get(states.size() - 1);
        assertThat(last.compressorStarts() - first.compressorStarts()).isGreaterThan(10);
        assertThat(last.heatEnergyTotalKwh() - first.heatEnergyTotalKwh()).isGreaterThan(10);
        assertThat(last.compressorSeconds() - first.compressorSeconds()).isGreaterThan(3600);
    }

    @Test
    void sameSeedSamePumpOtherSeedOtherPump() {
        Instant t = START.plus(Duration.ofHours(5));
        assertThat(new PumpPhysics(9, true).advanceTo(t)).isEqualTo(new PumpPhysics(9, true).advanceTo(t));
        assertThat(new PumpPhysics(9, true).advanceTo(t).outdoorTemp())
                .isNotEqualTo(new PumpPhysics(10, true).advanceTo(t).outdoorTemp());
    }

    @Test
    void aLongJumpStillIntegratesAndTimeNeverRunsBackwards() {
        PumpPhysics p = new PumpPhysics(5, true);
        PumpState a = p.advanceTo(START);
        PumpState b = p.advanceTo(START.plus(Duration.ofDays(365)));
        assertThat(b.compressorSeconds() - a.compressorSeconds()).isGreaterThan(30 * 86400.0);
        PumpState back = p.advanceTo(START);
        assertThat(back.compressorStarts()).isEqualTo(b.compressorStarts());
    }
}
