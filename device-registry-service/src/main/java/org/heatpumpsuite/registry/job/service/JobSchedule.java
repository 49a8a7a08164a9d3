package org.heatpumpsuite.registry.job.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a job runs: once per listed weekday at its local time in its zone. Each local date maps to exactly one instant,
 * so daylight saving time neither skips nor doubles a run: a time in the spring gap runs at the same offset after the
 * jump (02:30 → 03:30), a time in the autumn overlap runs once, at its first occurrence.
 */
public final class JobSchedule {

    public static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat",
            DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);
    public static final List<String> DAY_ORDER = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private JobSchedule() {
    }

    /** {@code HH:MM} or {@code HH:MM:SS}, 24 h; null if malformed. */
    public static LocalTime parseTime(String text) {
        if (text == null || !text.matches("^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$")) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static Set<DayOfWeek> days(String csv) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String d : csv.split(",")) {
            if (DAYS.containsKey(d)) {
                out.add(DAYS.get(d));
            }
        }
        return out;
    }

    /** The instant of a local date and time in a zone (gap: shifted by the gap; overlap: the earlier offset). */
    public static Instant instant(LocalDate date, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    /** Scheduled instants in {@code (after, until]}, oldest first. */
    public static List<Instant> due(LocalTime time, Set<DayOfWeek> days, ZoneId zone, Instant after, Instant until) {
        List<Instant> out = new ArrayList<>();
        LocalDate from = after.atZone(zone).toLocalDate().minusDays(1);
        LocalDate to = until.atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!days.contains(d.getDayOfWeek())) {
                continue;
            }
            Instant i = instant(d, time, zone);
            if (i.isAfter(after) && !i.isAfter(until)) {
                out.add(i);
            }
        }
        return out;
    }

    /** The next scheduled instant after {@code after}, or null if no day is set. */
    public static Instant next(LocalTime time, Set<DayOfWeek> days, ZoneId zone, Instant after) {
        if (days.isEmpty()) {
            return null;
        }
        LocalDate d = after.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < 10; i++, d = d.plusDays(1)) {
            if (days.contains(d.getDayOfWeek())) {
                Instant at = instant(d, time, zone);
                if (at.isAfter(after)) {
                    return at;
                }
            }
        }
        return null;
    }
}
