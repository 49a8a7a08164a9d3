package org.heatpumpsuite.polling.vendor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Test helper: the shared reference files ({@code ../../shared/reference} from the polling-service folder). */
public final class Reference {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Reference() {
    }

    /** The reference folder; the calling test is skipped when it is not there. */
    public static Path dir() {
        Path p = Path.of(System.getProperty("heatpump.reference.dir", "../../shared/reference")).toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(p), "reference folder " + p + " not present");
        return p;
    }

    public static JsonNode yaml(String name) {
        try {
            return YAML.readTree(dir().resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        try {
            return Files.readString(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CSV rows (comment lines starting with # skipped) as header -> cell maps. */
    public static List<Map<String, String>> csv(String name) {
        List<String> lines = text(name).lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        List<String> header = splitCsv(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = splitCsv(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** The canonical-sensors.md table: canonical id -> the six cells (id, iDM, NIBE S, NIBE F, Daikin, Luxtronik). */
    public static Map<String, List<String>> canonicalTable() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : text("canonical-sensors.md").lines().toList()) {
            if (!line.startsWith("| ") || line.startsWith("| canonical id") || line.startsWith("|---")) {
                continue;
            }
            String[] parts = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|", -1);
            List<String> cells = new ArrayList<>();
            for (String p : parts) {
                cells.add(p.trim());
            }
            rows.put(cells.get(0), cells);
        }
        return rows;
    }
}
