package org.heatpumpsuite.polling.vendor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns raw words into readings values. Never throws for any input: a value that cannot be decoded becomes an error
 * entry, a value at a "not available" marker is left out.
 */
public final class ValueDecoder {

    private ValueDecoder() {
    }

    /** Outcome of decoding one register value. */
    private record One(Object value, Number rawCode, ReadFailure failure) {
        static final One ABSENT = new One(null, null, null);
    }

    public static Reading decode(List<SensorDefinition> sensors, RawData raw) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        List<ReadError> errors = new ArrayList<>();
        Map<String, Number> rawCodes = new HashMap<>();
        Map<String, ReadFailure> failed = new HashMap<>();
        for (SensorDefinition s : sensors) {
            if (!s.polled()) {
                continue;
            }
            One one;
            try {
                one = decodeOne(s, raw);
            } catch (RuntimeException e) { // defensive: a decoding bug must not lose the whole poll
                one = new One(null, null, new ReadFailure("other", "decoding failed: " + e, null));
            }
            if (one.failure != null) {
                errors.add(ReadError.of(s.id(), one.failure));
                failed.put(s.id(), one.failure);
            } else if (one.value != null) {
                values.put(s.id(), one.value);
                units.put(s.id(), s.unit());
                if (one.rawCode != null) {
                    rawCodes.put(s.id(), one.rawCode);
                }
            }
        }
        for (SensorDefinition s : sensors) {
            if (s.derived()) {
                derive(s, values, units, rawCodes, failed, errors);
            }
        }
        return new Reading(values, units, errors);
    }

    private static One decodeOne(SensorDefinition s, RawData raw) {
        RegisterDefinition r = s.register();
        Table table = r.table();
        if (!table.isModbus()) {
            Integer length = raw.length(table);
            if (length == null) {
                ReadFailure f = raw.failure(table, r.address());
                return new One(null, null, f != null ? f : new ReadFailure("other", table.fileName() + " were not read", null));
            }
            if (r.address() + (r.type() == DataType.CHARS ? 1 : r.entries()) > length) {
                String what = switch (table) {
                    case CALCULATIONS -> "calculation";
                    case PARAMETERS -> "parameter";
                    default -> "visibility";
                };
                return new One(null, null, ReadFailure.notSupported(what + " " + r.address() + " is beyond the " + length + " "
                        + table.fileName() + " this controller returns (older firmware)"));
            }
        }
        int n = r.entries();
        int[] w = new int[n];
        int available = n;
        for (int i = 0; i < n; i++) {
            Integer word = raw.word(table, r.address() + i);
            if (word == null) {
                if (r.type() == DataType.CHARS) {
                    available = i;
                    break;
                }
                ReadFailure f = raw.failure(table, r.address() + i);
                return new One(null, null, f != null ? f : new ReadFailure("other", "register " + (r.address() + i) + " was not read", null));
            }
            w[i] = word;
        }
        switch (r.type()) {
            case FLOAT32: {
                float f = Codecs.float32(w[0], w[1], r.wordOrder());
                if (Float.isNaN(f) || Float.isInfinite(f)) {
                    return new One(null, null, new ReadFailure("protocol", "register " + r.address() + " holds no number (" + f + ")", null));
                }
                double d = Codecs.floatToDecimal(f);
                if (r.notAvailable().contains(d)) {
                    return One.ABSENT;
                }
                return fromFloat(s, d);
            }
            case TEXT16: {
                int word = Codecs.u16(w[0]);
                if (r.notAvailable().contains((double) word)) {
                    return One.ABSENT;
                }
                String t = Codecs.text16(word);
                return t.isEmpty() ? One.ABSENT : new One(t, null, null);
            }
            case IPV4:
                return new One(Codecs.ipv4(w[0]), null, null);
            case CHARS: {
                String t = Codecs.chars(w, 0, available);
                return t.isEmpty() ? One.ABSENT : new One(t, null, null);
            }
            default:
                break;
        }
        long v = Codecs.decodeInteger(r.type(), w, 0, r.wordOrder());
        if (r.notAvailable().contains((double) v)) {
            return One.ABSENT;
        }
        return switch (s.kind()) {
            case BOOLEAN -> v == 0 ? new One(Boolean.FALSE, v, null) : v == 1 ? new One(Boolean.TRUE, v, null)
                    : new One(null, null, new ReadFailure("protocol", "unexpected value " + v + " at " + r.address() + " (0 or 1 expected)", null));
            case STRING -> {
                String label = r.enumLabels().get(v);
                yield new One(label != null ? label : String.valueOf(v), v, null);
            }
            case NUMBER -> fromInteger(s, v);
        };
    }

    private static One fromFloat(SensorDefinition s, double d) {
        BigDecimal divisor = s.register().divisor();
        if (divisor.compareTo(BigDecimal.ONE) == 0) {
            return new One(d, null, null);
        }
        return new One(BigDecimal.valueOf(d).divide(divisor, MathContext.DECIMAL64).doubleValue(), null, null); // rare: scaled floats
    }

    private static One fromInteger(SensorDefinition s, long v) {
        BigDecimal divisor = s.register().divisor();
        if (divisor.compareTo(BigDecimal.ONE) == 0) {
            return new One(v, v, null);
        }
        // raw and divisor are exact doubles (|raw| < 2^53, integer divisors), and IEEE division rounds correctly:
        // -50 / 10 = -5.0, 123456 / 10 = 12345.6 (the double nearest to the exact quotient)
        return new One(v / divisor.doubleValue(), v, null);
    }

    private static void derive(SensorDefinition s, Map<String, Object> values, Map<String, String> units, Map<String, Number> rawCodes,
            Map<String, ReadFailure> failed, List<ReadError> errors) {
        for (DerivationRule rule : s.derivation()) {
            for (String src : rule.sources()) {
                ReadFailure f = failed.get(src);
                if (f != null) {
                    errors.add(new ReadError(s.id(), f.kind(), "derived from " + src + ", which failed: " + f.message(), f.modbusExceptionCode()));
                    return;
                }
            }
            Object result = apply(rule, values, rawCodes);
            if (result == ABSENT_SOURCE) {
                return; // a source is not available: the derived value is not available either
            }
            if (result != null) {
                values.put(s.id(), result);
                units.put(s.id(), s.unit());
                return;
            }
        }
    }

    private static final Object ABSENT_SOURCE = new Object();

    private static Object apply(DerivationRule rule, Map<String, Object> values, Map<String, Number> rawCodes) {
        if (rule instanceof DerivationRule.Bits b) {
            Number code = rawCodes.get(b.source());
            if (code == null) {
                return ABSENT_SOURCE;
            }
            long c = code.longValue();
            if (c == 0) {
                return b.zero();
            }
            for (Map.Entry<Long, String> f : b.flags()) {
                if ((c & f.getKey()) != 0) {
                    return f.getValue();
                }
            }
            return ABSENT_SOURCE;
        }
        if (rule instanceof DerivationRule.MapCodes m) {
            Number code = rawCodes.get(m.source());
            if (code == null) {
                return ABSENT_SOURCE;
            }
            String label = m.values().get(code.longValue());
            return label != null ? label : ABSENT_SOURCE;
        }
        if (rule instanceof DerivationRule.When w) {
            Number code = rawCodes.get(w.source());
            if (code == null) {
                return ABSENT_SOURCE;
            }
            return code.longValue() == w.equals() ? w.value() : null;
        }
        if (rule instanceof DerivationRule.Positive p) {
            Object v = values.get(p.source());
            if (!(v instanceof Number num)) {
                return ABSENT_SOURCE;
            }
            return num.doubleValue() > 0;
        }
        if (rule instanceof DerivationRule.Sum sum) {
            BigDecimal total = BigDecimal.ZERO;
            for (String src : sum.sources()) {
                Object v = values.get(src);
                if (!(v instanceof Number num)) {
                    return ABSENT_SOURCE;
                }
                total = total.add(new BigDecimal(num.toString()));
            }
            return total.doubleValue();
        }
        return ABSENT_SOURCE;
    }
}
