package org.heatpumpsuite.polling.vendor.data;

import java.util.List;
import java.util.Map;

/**
 * One rule of a derived value; exactly one of {@code bits}, {@code map}, {@code when}, {@code positive}, {@code sum}.
 * <ul>
 * <li>{@code bits: src, flags: [{mask, value}...], zero: label}: first flag set in the raw code wins; 0 gives {@code zero}</li>
 * <li>{@code map: src, values: {code: label}}</li>
 * <li>{@code when: src, equals: code, value: label}</li>
 * <li>{@code positive: src}: true if the decoded number is greater than 0</li>
 * <li>{@code sum: [src, ...]}</li>
 * </ul>
 */
public record RuleSpec(String bits, List<FlagSpec> flags, String zero, String map, Map<Long, String> values, String when, Long equals,
        String value, String positive, List<String> sum) {

    public record FlagSpec(Long mask, String value) {
    }
}
