package org.heatpumpsuite.polling.vendor.data;

import java.util.List;

import org.heatpumpsuite.polling.vendor.Text;

/** A value computed from other values of the same model (canonical operating mode, compressor running, sums). */
public record DerivedSpec(String id, Boolean canonical, String kind, String unit, Text description, String scope, List<RuleSpec> rules,
        List<String> models, Boolean unverified) {
}
