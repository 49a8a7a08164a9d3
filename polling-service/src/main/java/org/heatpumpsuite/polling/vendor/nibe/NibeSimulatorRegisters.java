package org.heatpumpsuite.polling.vendor.nibe;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.heatpumpsuite.polling.simulator.RegisterImage;
import org.heatpumpsuite.polling.simulator.RegisterLayout;
import org.heatpumpsuite.polling.simulator.RegisterLayout.Access;
import org.heatpumpsuite.polling.simulator.RegisterLayout.Table;
import org.heatpumpsuite.polling.simulator.RegisterLayout.WriteDecision;

/**
 * The NIBE simulators' own register encoding (independent of the driver's codecs), from nibe-s-series.csv,
 * nibe-f-series.csv and test-vectors.md §2: value = raw / divisor; s8 is sign-extended to 16 bits; 32-bit values take
 * two registers, low word first when word swap is on; "no value" is the type's limit (s16 0x8000, u16 0xFFFF, u8
 * 0x00FF, s32 0x80000000).
 */
final class NibeSimulatorRegisters {

    private NibeSimulatorRegisters() {
    }

    static final int S16_NO_VALUE = 0x8000;
    static final int U16_NO_VALUE = 0xFFFF;
    static final int U8_NO_VALUE = 0x00FF;
    static final int S32_NO_VALUE = 0x80000000;

    /** One row of a NIBE register CSV (wire address = PDU address). */
    record Row(Table table, int address, int registers, String size, int divisor, String access, Number min,
            Number max, String mapping, String models, String title) {

        boolean in(String modelToken) {
            return Set.of(models.split(" ")).contains(modelToken);
        }

        boolean is32() {
            return registers == 2;
        }
    }

    static Row row(Table table, int address, int registers, String size, int divisor, String access, Number min,
            Number max, String mapping, String models, String title) {
        return new Row(table, address, registers, size, divisor, access, min, max, mapping, models, title);
    }

    /** The words of raw value {@code raw} of {@code row}; 32-bit low word first when {@code lowWordFirst}. */
    static int[] encodeRaw(Row row, long raw, boolean lowWordFirst) {
        if (row.is32()) {
            int lo = (int) (raw & 0xFFFF);
            int hi = (int) ((raw >>> 16) & 0xFFFF);
            return lowWordFirst ? new int[] { lo, hi } : new int[] { hi, lo };
        }
        return switch (row.size()) {
            case "u8" -> new int[] { (int) (raw & 0xFF) };
            default -> new int[] { (int) (raw & 0xFFFF) }; // s8 sign-extended, s16, u16
        };
    }

    /** Engineering value → words. */
    static int[] encode(Row row, double value, boolean lowWordFirst) {
        return encodeRaw(row, Math.round(value * row.divisor()), lowWordFirst);
    }

    /** The type's "no value" marker. */
    static int[] noValue(Row row, boolean lowWordFirst) {
        return switch (row.size()) {
            case "s16" -> new int[] { S16_NO_VALUE };
            case "u16" -> new int[] { U16_NO_VALUE };
            case "u8" -> new int[] { U8_NO_VALUE };
            case "s32" -> encodeRaw(row, S32_NO_VALUE, lowWordFirst);
            default -> throw new IllegalArgumentException("no documented no-value marker for " + row.size());
        };
    }

    /** The raw value of written words, or null when they are not a valid value of the type (s8/u8 range). */
    static Long decodeRaw(Row row, int[] w, boolean lowWordFirst) {
        if (row.is32()) {
            long lo = lowWordFirst ? w[0] : w[1];
            long hi = lowWordFirst ? w[1] : w[0];
            long u = (hi << 16) | lo;
            return row.size().equals("s32") ? (long) (int) u : u;
        }
        int word = w[0];
        return switch (row.size()) {
            case "s8" -> (word <= 0x7F || word >= 0xFF80) ? (long) (short) word : null;
            case "u8" -> word <= 0xFF ? (long) word : null;
            case "s16" -> (long) (short) word;
            default -> (long) word;
        };
    }

    /** Builds the layout of the rows present on {@code modelToken}; 32-bit order asked from {@code lowWordFirst}. */
    static RegisterLayout layout(List<Row> rows, String modelToken, BooleanSupplier lowWordFirst) {
        RegisterLayout.Builder b = RegisterLayout.builder();
        for (Row row : rows) {
            if (!row.in(modelToken)) {
                continue;
            }
            Access access = row.access().equals("RW") ? Access.RW : Access.R;
            b.value(row.table(), row.address(), row.registers(), access, row.title(),
                    access.writable() ? w -> validate(row, w, lowWordFirst.getAsBoolean()) : null);
        }
        return b.build();
    }

    /** A write outside the type, the min/max or the enum of the row → 03 ILLEGAL DATA VALUE (simulator choice). */
    static WriteDecision validate(Row row, int[] words, boolean lowWordFirst) {
        Long raw = decodeRaw(row, words, lowWordFirst);
        if (raw == null) {
            return WriteDecision.reject(RegisterImage.ILLEGAL_DATA_VALUE);
        }
        double value = raw / (double) row.divisor();
        if ((row.min() != null && value < row.min().doubleValue() - 1e-9)
                || (row.max() != null && value > row.max().doubleValue() + 1e-9)) {
            return WriteDecision.reject(RegisterImage.ILLEGAL_DATA_VALUE);
        }
        if (!row.mapping().isEmpty() && !enumKeys(row).contains(raw)) {
            return WriteDecision.reject(RegisterImage.ILLEGAL_DATA_VALUE);
        }
        return WriteDecision.ACCEPT;
    }

    static Set<Long> enumKeys(Row row) {
        Set<Long> keys = new HashSet<>();
        for (String pair : row.mapping().split(";")) {
            keys.add(Long.parseLong(pair.substring(0, pair.indexOf('=')).trim()));
        }
        return keys;
    }

    /** Sets {@code row}'s engineering value in the image, if the model has the row. */
    static void put(RegisterImage image, Row row, double value, boolean lowWordFirst) {
        if (image.layout().at(row.table(), row.address()) != null) {
            image.set(row.table(), row.address(), encode(row, value, lowWordFirst));
        }
    }

    static void putNoValue(RegisterImage image, Row row, boolean lowWordFirst) {
        if (image.layout().at(row.table(), row.address()) != null) {
            image.set(row.table(), row.address(), noValue(row, lowWordFirst));
        }
    }

    /** Past-hour energy logs: the counters' growth during the last complete hour. */
    static final class HourLog {
        private long hour = Long.MIN_VALUE;
        private final double[] atHourStart;
        private final double[] lastHour;

        HourLog(int n) {
            atHourStart = new double[n];
            lastHour = new double[n];
        }

        void update(long epochSecond, double... counters) {
            long h = Math.floorDiv(epochSecond, 3600);
            if (hour == Long.MIN_VALUE) {
                hour = h;
                System.arraycopy(counters, 0, atHourStart, 0, counters.length);
            } else if (h > hour) {
                for (int i = 0; i < counters.length; i++) {
                    lastHour[i] = h == hour + 1 ? counters[i] - atHourStart[i] : lastHour[i];
                    atHourStart[i] = counters[i];
                }
                hour = h;
            }
        }

        double lastHour(int i) {
            return lastHour[i];
        }
    }
}
