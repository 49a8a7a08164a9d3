package org.heatpumpsuite.registry.catalogue.service;

import com.fasterxml.jackson.databind.JsonNode;

/** The fields of a catalogue record the registry indexes; the whole record is kept as {@code document}. */
public record CatalogueEntry(String manufacturer, String manufacturerName, String model, String displayName,
        String document) {

    /** Reads a heatpump.catalogue value; throws {@link IllegalArgumentException} naming the missing field. */
    public static CatalogueEntry parse(String key, JsonNode json, String raw) {
        String manufacturer = text(json, "manufacturer");
        String model = text(json, "model");
        if (key != null && !key.equals(manufacturer + "/" + model)) {
            throw new IllegalArgumentException("key '" + key + "' does not match manufacturer/model '"
                    + manufacturer + "/" + model + "'");
        }
        return new CatalogueEntry(manufacturer, text(json, "manufacturer_name"), model, text(json, "display_name"), raw);
    }

    public String id() {
        return manufacturer + "/" + model;
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
        }
        return v.asText();
    }
}
