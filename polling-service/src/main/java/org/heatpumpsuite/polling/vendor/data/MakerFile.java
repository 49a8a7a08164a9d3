package org.heatpumpsuite.polling.vendor.data;

import java.util.List;
import java.util.Map;

import org.heatpumpsuite.polling.vendor.Text;

import com.fasterxml.jackson.databind.JsonNode;

/** A vendor data file as written in YAML; field by field in src/main/resources/vendor/README.md. */
public record MakerFile(JsonNode source, Integer formatVersion, String manufacturer, String manufacturerName, String protocol,
        Integer defaultPort, Integer defaultUnitId, Integer defaultPollIntervalS, Integer minPollIntervalS, String wordOrder,
        Boolean wordOrderConfigurable, String defaultTable, Integer writeFunctionCode, Map<String, ProfileSpec> readProfiles,
        Map<String, List<Double>> typeMarkers, List<ModelSpec> models, Text setupInstructions, List<ValueSpec> values,
        CircuitsSpec circuits, ZonesSpec zoneModules, List<DerivedSpec> derived) {
}
