package org.heatpumpsuite.ingest.data.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.heatpumpsuite.ingest.config.IngestConfig;
import org.heatpumpsuite.ingest.data.service.Aggregation;
import org.heatpumpsuite.ingest.data.service.RangeQuery;
import org.heatpumpsuite.ingest.pump.service.Ids;
import org.heatpumpsuite.ingest.pump.service.Pump;
import org.heatpumpsuite.ingest.rest.BadParameterException;
import org.heatpumpsuite.ingest.rest.Problem.FieldError;

/** Checks query parameters and names each one at fault; nothing unchecked reaches a query. */
final class QueryParams {

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(s|m|h|d|w)?");

    private QueryParams() {
    }

    /** Distinct heat pump ids in the given order; each must look like one. */
    static List<String> heatpumpIds(List<String> raw) {
        List<FieldError> errors = new ArrayList<>();
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String id : raw == null ? List.<String> of() : raw) {
            if (Ids.isHeatpumpId(id)) {
                ids.add(id);
            } else {
                errors.add(new FieldError("heatpump_id",
                        "'" + id + "' is not a heat pump id (hp- and 8 lowercase hex digits, or hp-legacy)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadParameterException(errors);
        }
        return List.copyOf(ids);
    }

    static String heatpumpId(String raw) {
        return heatpumpIds(List.of(raw == null ? "" : raw)).get(0);
    }

    /** The parameters of a range or comparison query, checked against the configured bounds. */
    static RangeQuery range(IngestConfig.Query bounds, String sensor, List<Pump> pumps, String startText,
            String endText, String rangeText, String stepText, String aggregationText, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (sensor == null || sensor.isBlank()) {
            errors.add(new FieldError("sensor", "is required (a sensor id such as temp_outside)"));
        } else if (!Ids.isSnakeId(sensor)) {
            errors.add(new FieldError("sensor", "'" + sensor + "' is not a sensor id ([a-z][a-z0-9_]*, at most 64 characters)"));
        }
        Aggregation aggregation = Aggregation.AVG;
        if (aggregationText != null && !aggregationText.isBlank()) {
            aggregation = Aggregation.of(aggregationText).orElse(null);
            if (aggregation == null) {
                errors.add(new FieldError("aggregation", "'" + aggregationText + "' is not one of " + Aggregation.ids()));
            }
        }
        Instant end = now;
        if (endText != null && !endText.isBlank()) {
            end = time("end", endText, errors);
        }
        Duration range = null;
        Instant start = null;
        if (startText != null && !startText.isBlank() && rangeText != null && !rangeText.isBlank()) {
            errors.add(new FieldError("range", "give either start or range, not both"));
        } else if (startText != null && !startText.isBlank()) {
            start = time("start", startText, errors);
        } else {
            range = rangeText == null || rangeText.isBlank() ? bounds.defaultRange() : duration("range", rangeText, errors);
        }
        if (end != null && start == null && range != null) {
            start = end.minus(range);
        }
        if (start != null && end != null) {
            Duration span = Duration.between(start, end);
            if ((span.isNegative() || span.isZero())) {
                errors.add(new FieldError(startText != null ? "start" : "range", "must lie before end"));
            } else if (span.compareTo(bounds.maxRange()) > 0) {
                errors.add(new FieldError(startText != null ? "start" : "range", "the range may span at most "
                        + bounds.maxRange().toDays() + " days"));
            }
        }
        Duration step = null;
        if (stepText != null && !stepText.isBlank()) {
            step = duration("step", stepText, errors);
            if (step != null && step.compareTo(bounds.minStep()) < 0) {
                errors.add(new FieldError("step", "must be at least " + bounds.minStep().toSeconds() + "s"));
                step = null;
            }
        }
        if (!errors.isEmpty()) {
            throw new BadParameterException(errors);
        }
        Duration span = Duration.between(start, end);
        if (step == null) {
            long seconds = Math.max(bounds.minStep().toSeconds(),
                    (span.toSeconds() + bounds.defaultPoints() - 1) / bounds.defaultPoints());
            step = Duration.ofSeconds(Math.max(1, seconds));
        }
        long points = span.toSeconds() / step.toSeconds() + 1;
        if (points > bounds.maxPointsPerSeries()) {
            throw new BadParameterException("step", "gives " + points + " points per series; at most "
                    + bounds.maxPointsPerSeries() + " are allowed: use a step of at least "
                    + ((span.toSeconds() + bounds.maxPointsPerSeries() - 2) / (bounds.maxPointsPerSeries() - 1)) + "s");
        }
        if (pumps.size() > bounds.maxPumps()) {
            throw new BadParameterException("heatpump_id", "at most " + bounds.maxPumps() + " pumps per query ("
                    + pumps.size() + " selected)");
        }
        if (points * pumps.size() > bounds.maxPoints()) {
            throw new BadParameterException("step", "the answer would hold " + points * pumps.size()
                    + " points; at most " + bounds.maxPoints() + " are allowed: choose a longer step or fewer pumps");
        }
        return new RangeQuery(sensor, pumps, start, end, step, aggregation);
    }

    private static Instant time(String name, String text, List<FieldError> errors) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "'" + text + "' is not an RFC 3339 time such as 2025-01-26T10:00:00.000Z"));
            return null;
        }
    }

    /** {@code 90s}, {@code 15m}, {@code 24h}, {@code 7d}, {@code 2w}, plain seconds, or ISO-8601 ({@code PT5M}). */
    static Duration duration(String name, String text, List<FieldError> errors) {
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            Duration d = switch (unit) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                case "w" -> Duration.ofDays(7 * n);
                default -> Duration.ofSeconds(n);
            };
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } else {
            try {
                Duration d = Duration.parse(text);
                if (!d.isNegative() && !d.isZero() && d.getNano() == 0) {
                    return d;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(new FieldError(name, "'" + text + "' is not a positive whole-second duration such as 90s, 15m, 24h, 7d"));
        return null;
    }
}
