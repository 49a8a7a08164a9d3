package org.heatpumpsuite.polling.vendor.data;

/** Read limits of one register table: see {@link org.heatpumpsuite.polling.vendor.ReadProfile}. */
public record ProfileSpec(Integer maxRegisters, Boolean undefinedGaps, Integer maxGap, String source) {
}
