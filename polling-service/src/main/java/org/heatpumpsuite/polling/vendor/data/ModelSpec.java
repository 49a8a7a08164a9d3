package org.heatpumpsuite.polling.vendor.data;

import java.util.List;

/**
 * One model id served by a data file.
 *
 * @param referenceModel the token the reference data uses for this model (NIBE "models" column, e.g. s1155_s1255);
 *                       values with a {@code models} list apply to the model if it contains this token
 * @param deviceOptions  device_config properties the model offers: circuits, zone_modules, word_order, register_map_override
 * @param probe          what the connection test reads (identifying values, detected model/firmware/serial)
 */
public record ModelSpec(String id, String displayName, String referenceModel, List<String> capabilities, List<String> deviceOptions,
        ProbeSpec probe) {
}
