package org.heatpumpsuite.polling.vendor;

import java.math.BigDecimal;

/**
 * A write the driver refuses: read-only value, no range, outside min/max, off the step grid, not one of the options,
 * or not representable in the register type. The message names the value and the allowed min/max/step.
 */
public class WriteRejectedException extends IllegalArgumentException {

    private final String sensor;
    private final transient Object value;
    private final BigDecimal min;
    private final BigDecimal max;
    private final BigDecimal step;

    public WriteRejectedException(String sensor, Object value, BigDecimal min, BigDecimal max, BigDecimal step, String reason) {
        super(sensor + ": " + value + " rejected: " + reason + limits(min, max, step));
        this.sensor = sensor;
        this.value = value;
        this.min = min;
        this.max = max;
        this.step = step;
    }

    private static String limits(BigDecimal min, BigDecimal max, BigDecimal step) {
        if (min == null && max == null && step == null) {
            return "";
        }
        return " (allowed: min " + plain(min) + ", max " + plain(max) + ", step " + plain(step) + ")";
    }

    private static String plain(BigDecimal d) {
        return d == null ? "none" : d.stripTrailingZeros().toPlainString();
    }

    public String sensor() {
        return sensor;
    }

    public Object value() {
        return value;
    }

    public BigDecimal min() {
        return min;
    }

    public BigDecimal max() {
        return max;
    }

    public BigDecimal step() {
        return step;
    }
}
