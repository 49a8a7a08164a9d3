package org.heatpumpsuite.polling.vendor;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of a model's own device_config options, as the catalogue publishes it for the setup form. Mirrors
 * the device_config definitions of docs/contracts/config.schema.json; write_ranges (every model) is not repeated.
 */
final class DeviceConfigSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeviceConfigSchemas() {
    }

    static ObjectNode forOptions(List<String> options) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "object");
        if (options == null || options.isEmpty()) {
            return schema;
        }
        ObjectNode props = schema.putObject("properties");
        for (String o : options) {
            switch (o) {
                case "circuits" -> {
                    ObjectNode c = props.putObject("circuits");
                    c.put("description", "Heating circuits installed (A..G); each adds circuit_<x>_... values.");
                    c.put("type", "array");
                    ObjectNode items = c.putObject("items");
                    items.put("type", "string");
                    ArrayNode e = items.putArray("enum");
                    List.of("A", "B", "C", "D", "E", "F", "G").forEach(e::add);
                    c.put("uniqueItems", true);
                    c.put("maxItems", 7);
                    c.putArray("default").add("A");
                }
                case "zone_modules" -> {
                    ObjectNode z = props.putObject("zone_modules");
                    z.put("description", "Navigator Pro single-room control modules installed; each adds zone_<n>_... values and"
                            + " zone_<n>_room_<r>_... values for rooms 1..rooms.");
                    z.put("type", "array");
                    z.put("maxItems", 10);
                    z.put("uniqueItems", true);
                    z.putArray("default");
                    ObjectNode item = z.putObject("items");
                    item.put("type", "object");
                    item.putArray("required").add("module").add("rooms");
                    item.put("additionalProperties", false);
                    ObjectNode ip = item.putObject("properties");
                    ObjectNode m = ip.putObject("module");
                    m.put("description", "Zone module number 1..10.");
                    m.put("type", "integer");
                    m.put("minimum", 1);
                    m.put("maximum", 10);
                    ObjectNode r = ip.putObject("rooms");
                    r.put("description", "Rooms used on this module: rooms 1..rooms are read.");
                    r.put("type", "integer");
                    r.put("minimum", 1);
                    r.put("maximum", 8);
                }
                case "word_order" -> {
                    ObjectNode w = props.putObject("word_order");
                    w.put("description", "Order of the two registers of a 32-bit value: 'little' = low word first (NIBE 'word swap' on,"
                            + " the default), 'big' = high word first. Must match the pump's setting.");
                    w.put("type", "string");
                    w.putArray("enum").add("big").add("little");
                    w.put("default", "little");
                }
                case "register_map_override" -> {
                    ObjectNode p = props.putObject("register_map_override");
                    p.put("description", "Path (on the polling service's file system) of this pump's own register map in the"
                            + " data-file format (YAML or JSON); S-series register numbers depend on the firmware.");
                    p.put("type", "string");
                    p.put("minLength", 1);
                    p.put("maxLength", 1024);
                }
                default -> throw new IllegalArgumentException("unknown device option '" + o + "'");
            }
        }
        return schema;
    }
}
