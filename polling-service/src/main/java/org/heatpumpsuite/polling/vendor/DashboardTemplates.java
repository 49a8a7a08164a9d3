package org.heatpumpsuite.polling.vendor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A model's default dashboard: status, temperatures, hot water, power, heat source and compressor, each widget only with
 * the sensors the model has (canonical ids first, so the widgets work the same on every make), plus the first
 * heating circuit where the model has circuits. 12-column grid.
 */
final class DashboardTemplates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COLUMNS = 12;

    private DashboardTemplates() {
    }

    private record Candidate(String id, String type, String de, String en, List<String> sensors, int w, int h, Double min, Double max) {
    }

    static ObjectNode forModel(String displayName, Set<String> sensorIds) {
        List<Candidate> candidates = List.of(
                new Candidate("status", "status", "Status", "Status", List.of("operating_mode", "compressor_running"), 4, 2, null, null),
                new Candidate("temperatures", "line_chart", "Temperaturen", "Temperatures", List.of("temp_outside", "temp_flow", "temp_return"),
                        8, 4, null, null),
                new Candidate("hot-water", "gauge", "Warmwasser", "Hot water", List.of("temp_hot_water"), 4, 2, 0.0, 70.0),
                new Candidate("power", "line_chart", "Leistung", "Power", List.of("power_electric", "power_thermal"), 6, 3, null, null),
                new Candidate("source", "line_chart", "Wärmequelle", "Heat source", List.of("temp_source_in", "temp_source_out"), 6, 3, null,
                        null),
                new Candidate("compressor", "line_chart", "Verdichter", "Compressor",
                        List.of("compressor_frequency", "temp_hot_gas", "temp_suction"), 6, 3, null, null),
                new Candidate("circuit-a", "line_chart", "Heizkreis A", "Heating circuit A",
                        List.of("circuit_a_temp_flow", "circuit_a_temp_flow_target"), 6, 3, null, null));
        ObjectNode d = JSON.createObjectNode();
        d.put("schema_version", 1);
        d.putNull("id");
        d.putNull("heatpump_id");
        d.put("name", displayName);
        d.putObject("layout").put("columns", COLUMNS);
        ArrayNode widgets = d.putArray("widgets");
        int x = 0;
        int y = 0;
        int rowHeight = 0;
        for (Candidate c : candidates) {
            List<String> present = new ArrayList<>();
            for (String s : c.sensors()) {
                if (sensorIds.contains(s)) {
                    present.add(s);
                }
            }
            if (present.isEmpty() && !"status".equals(c.type())) {
                continue;
            }
            if (x + c.w() > COLUMNS) {
                x = 0;
                y += rowHeight;
                rowHeight = 0;
            }
            ObjectNode w = widgets.addObject();
            w.put("id", c.id());
            w.put("type", c.type());
            ObjectNode title = w.putObject("title");
            title.put("de", c.de());
            title.put("en", c.en());
            ArrayNode sensors = w.putArray("sensors");
            present.forEach(sensors::add);
            if ("line_chart".equals(c.type())) {
                w.put("range", "24h");
            }
            if (c.min() != null) {
                w.put("min", c.min());
                w.put("max", c.max());
            }
            ObjectNode pos = w.putObject("position");
            pos.put("x", x);
            pos.put("y", y);
            pos.put("w", c.w());
            pos.put("h", c.h());
            x += c.w();
            rowHeight = Math.max(rowHeight, c.h());
        }
        return d;
    }
}
