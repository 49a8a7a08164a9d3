package org.heatpumpsuite.polling.vendor.data;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.heatpumpsuite.polling.vendor.Text;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One value in a data file (see src/main/resources/vendor/README.md for every field). Top-level values give an
 * {@code address}; circuit values give the circuit-A {@code address} and a {@code stride}; zone and room values give an
 * {@code offset} from the zone or room base.
 */
public record ValueSpec(String id, Boolean canonical, String table, Integer address, Integer offset, Integer stride, String type,
        Integer count, BigDecimal divisor, String unit, String kind, Text description, String access,
        @JsonProperty("enum") Map<Long, String> enumeration, List<Double> notAvailable, WriteSpec write, String scope,
        List<String> models, String ref, Boolean unverified) {
}
