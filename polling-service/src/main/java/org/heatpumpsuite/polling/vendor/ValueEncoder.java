package org.heatpumpsuite.polling.vendor;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import org.heatpumpsuite.polling.transport.modbus.FunctionCode;

/**
 * Validates and encodes a write. The accepted range is the documented one narrowed by the installer's
 * {@code device_config.write_ranges}; a value without a documented range (or an opt-in value) is writable only within an
 * installer range. Steps are anchored at the range minimum.
 */
public final class ValueEncoder {

    private ValueEncoder() {
    }

    /**
     * @param luxtronikCommand 3002 for Luxtronik parameter writes (words = command, id, raw), 0 for Modbus
     * @throws WriteRejectedException if the value may not be written
     */
    public static Write encode(SensorDefinition s, Object value, DeviceConfig cfg, FunctionCode writeFunctionCode, int luxtronikCommand) {
        WritableDefinition w = s.writable();
        RegisterDefinition r = s.register();
        if (w == null || r == null) {
            throw new WriteRejectedException(s.id(), value, null, null, null, "the value is read-only");
        }
        DeviceConfig.WriteRange installer = cfg.writeRanges().get(s.id());
        BigDecimal min = w.min();
        BigDecimal max = w.max();
        if (!w.documentedRange()) {
            if (installer == null) {
                throw new WriteRejectedException(s.id(), value, null, null, w.step(), "the reference documents no range for this value;"
                        + " set device_config.write_ranges." + s.id() + " to allow writes");
            }
        }
        if (installer != null) {
            min = min == null ? installer.min() : min.max(installer.min());
            max = max == null ? installer.max() : max.min(installer.max());
            if (min.compareTo(max) > 0) {
                throw new WriteRejectedException(s.id(), value, w.min(), w.max(), w.step(), "the installer range "
                        + installer.min().toPlainString() + ".." + installer.max().toPlainString() + " lies outside the documented range");
            }
        }
        BigDecimal step = installer != null && installer.step() != null ? installer.step() : w.step();
        BigDecimal v = toNumber(s, w, value, min, max, step);
        if (v.compareTo(min) < 0) {
            throw new WriteRejectedException(s.id(), value, min, max, step, "below the minimum");
        }
        if (v.compareTo(max) > 0) {
            throw new WriteRejectedException(s.id(), value, min, max, step, "above the maximum");
        }
        checkStep(s, value, v, w.step(), w.min() != null ? w.min() : BigDecimal.ZERO, min, max, step);
        if (installer != null && installer.step() != null) {
            checkStep(s, value, v, installer.step(), installer.min(), min, max, step);
        }
        if (!w.options().isEmpty() && !w.options().containsKey(v.longValue())) {
            throw new WriteRejectedException(s.id(), value, min, max, step, "not one of the codes " + w.options().keySet());
        }
        int[] words;
        try {
            if (r.type() == DataType.FLOAT32) {
                BigDecimal raw = v.multiply(r.divisor());
                words = Codecs.encodeFloat32(raw.floatValue(), r.wordOrder());
            } else {
                BigDecimal raw = v.multiply(r.divisor()).stripTrailingZeros();
                if (raw.scale() > 0) {
                    throw new WriteRejectedException(s.id(), value, min, max, step, "finer than the register resolution "
                            + BigDecimal.ONE.divide(r.divisor()).stripTrailingZeros().toPlainString());
                }
                words = Codecs.encodeInteger(r.type(), raw.longValueExact(), r.wordOrder());
            }
        } catch (ArithmeticException | IllegalArgumentException e) {
            if (e instanceof WriteRejectedException wr) {
                throw wr;
            }
            throw new WriteRejectedException(s.id(), value, min, max, step, "not representable in the register: " + e.getMessage());
        }
        if (luxtronikCommand != 0) {
            return new Write(s.id(), r.table(), null, r.address(), new int[] { luxtronikCommand, r.address(), words[0] }, w);
        }
        return new Write(s.id(), r.table(), writeFunctionCode, r.address(), words, w);
    }

    private static BigDecimal toNumber(SensorDefinition s, WritableDefinition w, Object value, BigDecimal min, BigDecimal max, BigDecimal step) {
        if (value == null) {
            throw new WriteRejectedException(s.id(), null, min, max, step, "no value");
        }
        if (s.kind() == ValueKind.BOOLEAN) {
            if (value instanceof Boolean b) {
                return b ? BigDecimal.ONE : BigDecimal.ZERO;
            }
            BigDecimal n = parse(value);
            if (n != null && (n.compareTo(BigDecimal.ZERO) == 0 || n.compareTo(BigDecimal.ONE) == 0)) {
                return n;
            }
            throw new WriteRejectedException(s.id(), value, min, max, step, "a boolean (true/false or 0/1) is expected");
        }
        if (value instanceof Boolean) {
            throw new WriteRejectedException(s.id(), value, min, max, step, "a number is expected");
        }
        BigDecimal n = parse(value);
        if (n == null && value instanceof String label && !w.options().isEmpty()) {
            for (Map.Entry<Long, String> e : w.options().entrySet()) {
                if (e.getValue().toLowerCase(Locale.ROOT).equals(label.trim().toLowerCase(Locale.ROOT))) {
                    return BigDecimal.valueOf(e.getKey());
                }
            }
            throw new WriteRejectedException(s.id(), value, min, max, step, "not one of the options " + w.options());
        }
        if (n == null) {
            throw new WriteRejectedException(s.id(), value, min, max, step, "a number is expected");
        }
        return n;
    }

    private static BigDecimal parse(Object value) {
        try {
            if (value instanceof BigDecimal d) {
                return d;
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
            }
            if (value instanceof Number num) {
                return new BigDecimal(num.toString());
            }
            if (value instanceof String str) {
                return new BigDecimal(str.trim());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static void checkStep(SensorDefinition s, Object value, BigDecimal v, BigDecimal step, BigDecimal anchor, BigDecimal min,
            BigDecimal max, BigDecimal shownStep) {
        if (step == null) {
            return;
        }
        if (v.subtract(anchor).remainder(step).compareTo(BigDecimal.ZERO) != 0) {
            throw new WriteRejectedException(s.id(), value, min, max, shownStep, "not on the step grid (multiples of "
                    + step.stripTrailingZeros().toPlainString() + " from " + anchor.stripTrailingZeros().toPlainString() + ")");
        }
    }
}
