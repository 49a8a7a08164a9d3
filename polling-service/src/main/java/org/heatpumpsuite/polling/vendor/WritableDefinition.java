package org.heatpumpsuite.polling.vendor;

import java.math.BigDecimal;
import java.util.Map;

/**
 * How a value may be written.
 *
 * @param min              lowest accepted value; null if the reference documents none (then only an installer's
 *                         device_config.write_ranges entry makes the value writable)
 * @param max              highest accepted value; null likewise
 * @param step             resolution of accepted values (anchored at min); null if the register type is the only limit
 * @param options          for coded values: the accepted codes and their labels (empty otherwise)
 * @param persistence      eeprom, cyclic or volatile
 * @param resendIntervalS  cyclic only: seconds between re-sends
 * @param oneShot          a command that must never be re-applied or written on a timer (iDM 1712, 1713, 1999; NIBE alarm reset)
 * @param optIn            writable only in some installations: the catalogue shows no range, the installer's
 *                         write_ranges entry enables it, and min/max still bound it
 * @param note             why the persistence was chosen, or a write rule from the reference
 * @param dailyBudget      most writes of this value per pump and 24 h; null: the write governor's default for the
 *                         persistence class
 * @param minIntervalS     least seconds between two writes of this value; null: the governor's default
 */
public record WritableDefinition(BigDecimal min, BigDecimal max, BigDecimal step, Map<Long, String> options, Persistence persistence,
        Integer resendIntervalS, boolean oneShot, boolean optIn, String note, Integer dailyBudget, Integer minIntervalS) {

    /** Without a budget or interval of its own (the governor's defaults apply). */
    public WritableDefinition(BigDecimal min, BigDecimal max, BigDecimal step, Map<Long, String> options, Persistence persistence,
            Integer resendIntervalS, boolean oneShot, boolean optIn, String note) {
        this(min, max, step, options, persistence, resendIntervalS, oneShot, optIn, note, null, null);
    }

    public WritableDefinition {
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(options));
        if (persistence == null) {
            throw new IllegalArgumentException("persistence is required");
        }
        if ((persistence == Persistence.CYCLIC) != (resendIntervalS != null)) {
            throw new IllegalArgumentException("resend_interval_s is required for cyclic values and only for them");
        }
        if (dailyBudget != null && dailyBudget < 1) {
            throw new IllegalArgumentException("daily_budget must be at least 1");
        }
        if (minIntervalS != null && minIntervalS < 0) {
            throw new IllegalArgumentException("min_interval_s must not be negative");
        }
        if (step != null && step.signum() <= 0) {
            throw new IllegalArgumentException("step must be positive");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
    }

    /** True if the catalogue range is documented (both ends) and not opt-in. */
    public boolean documentedRange() {
        return min != null && max != null && !optIn;
    }
}
