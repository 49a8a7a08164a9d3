package org.heatpumpsuite.polling.vendor;

import java.util.List;
import java.util.Map;

/**
 * The decoded values of one poll: sensor id to value (Double or Long numbers, String, Boolean; never null), each value's
 * unit, and the values that failed. Values the device marks "not available" are simply absent.
 */
public record Reading(Map<String, Object> values, Map<String, String> units, List<ReadError> errors) {

    public Reading {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        units = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(units));
        errors = List.copyOf(errors);
    }
}
