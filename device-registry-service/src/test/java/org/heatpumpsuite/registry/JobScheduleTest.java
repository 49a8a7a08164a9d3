package org.heatpumpsuite.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.heatpumpsuite.registry.job.service.JobSchedule;
import org.junit.jupiter.api.Test;

/** Daylight saving time neither skips nor doubles a run; checks every 10 s claim each instant once. */
class JobScheduleTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    /** Runs the scheduler's check every 10 s across the window, claiming instants like the unique row does. */
    static List<Instant> simulate(LocalTime time, Instant from, Instant to) {
        Set<Instant> claimed = new HashSet<>();
        List<Instant> fired = new java.util.ArrayList<>();
        Instant last = from;
        for (Instant now = from; !now.isAfter(to); now = now.plusSeconds(10)) {
            // overlapping windows (catch-up) as two replicas would look
            for (Instant i : JobSchedule.due(time, EVERY_DAY, BERLIN, last.minus(Duration.ofMinutes(10)), now)) {
                if (claimed.add(i)) {
                    fired.add(i);
                }
            }
            last = now;
        }
        return fired;
    }

    @Test
    void aTimeInTheSpringGapRunsOnceAfterTheJump() {
        // 2025-03-30: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist
        List<Instant> fired = simulate(LocalTime.of(2, 30), Instant.parse("2025-03-29T22:00:00Z"),
                Instant.parse("2025-03-30T06:00:00Z"));
        assertThat(fired).containsExactly(Instant.parse("2025-03-30T01:30:00Z")); // 03:30 CEST
    }

    @Test
    void aTimeInTheAutumnOverlapRunsOnce() {
        // 2025-10-26: 03:00 CEST falls back to 02:00 CET; 02:30 happens twice
        List<Instant> fired = simulate(LocalTime.of(2, 30), Instant.parse("2025-10-25T22:00:00Z"),
                Instant.parse("2025-10-26T06:00:00Z"));
        assertThat(fired).containsExactly(Instant.parse("2025-10-26T00:30:00Z")); // the first 02:30 (CEST)
    }

    @Test
    void aNormalTimeRunsOnceADayAcrossBothChanges() {
        List<Instant> fired = simulate(LocalTime.of(6, 0), Instant.parse("2025-03-28T00:00:00Z"),
                Instant.parse("2025-04-01T00:00:00Z"));
        assertThat(fired).containsExactly(Instant.parse("2025-03-28T05:00:00Z"), Instant.parse("2025-03-29T05:00:00Z"),
                Instant.parse("2025-03-30T04:00:00Z"), Instant.parse("2025-03-31T04:00:00Z"));
    }

    @Test
    void onlyTheListedWeekdays() {
        Instant saturday = Instant.parse("2025-01-25T12:00:00Z");
        List<Instant> due = JobSchedule.due(LocalTime.of(7, 0), EnumSet.of(DayOfWeek.MONDAY), BERLIN, saturday,
                saturday.plus(Duration.ofDays(7)));
        assertThat(due).containsExactly(Instant.parse("2025-01-27T06:00:00Z"));
        assertThat(JobSchedule.next(LocalTime.of(7, 0), EnumSet.of(DayOfWeek.MONDAY), BERLIN, saturday))
                .isEqualTo(Instant.parse("2025-01-27T06:00:00Z"));
        assertThat(JobSchedule.parseTime("24:00")).isNull();
        assertThat(JobSchedule.parseTime("06:30")).isEqualTo(LocalTime.of(6, 30));
    }
}
