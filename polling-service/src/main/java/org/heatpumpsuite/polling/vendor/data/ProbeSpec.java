package org.heatpumpsuite.polling.vendor.data;

import java.util.List;
import java.util.Map;

/**
 * What the connection test ({@code POST /api/probe}) reads from a model: a few values the user recognises the pump by,
 * and the values that tell what the device says about itself.
 *
 * @param values   value ids of the model (register or derived values), shown in the probe's {@code values}
 * @param detected {@code model}, {@code firmware} or {@code serial} → id of a string value of the model that holds it
 *                 (Luxtronik: {@code firmware: firmware_version}); absent where the reference documents none
 */
public record ProbeSpec(List<String> values, Map<String, String> detected) {
}
