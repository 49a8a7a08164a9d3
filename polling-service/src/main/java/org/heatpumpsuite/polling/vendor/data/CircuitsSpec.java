package org.heatpumpsuite.polling.vendor.data;

import java.util.List;

/** iDM heating circuits: circuit number n = index in {@code letters}; address = value.address + value.stride * n. */
public record CircuitsSpec(List<String> letters, List<ValueSpec> values) {
}
