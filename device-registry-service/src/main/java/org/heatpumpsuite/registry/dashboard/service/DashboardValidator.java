package org.heatpumpsuite.registry.dashboard.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.heatpumpsuite.registry.rest.Problem.FieldError;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

/**
 * Checks a dashboard against docs/contracts/dashboard.schema.json (a copy ships in {@code contracts/}; a test keeps it
 * equal to the original) and the rules the schema cannot say: widget ids unique, {@code x + w <= layout.columns}.
 */
@ApplicationScoped
public class DashboardValidator {

    static final String ID_BASE = "https://heatpump-suite.org/contracts/";
    private final Schema schema;

    public DashboardValidator() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(DashboardValidator::load));
        schema = registry.getSchema(SchemaLocation.of(ID_BASE + "dashboard.schema.json"));
        schema.initializeValidators();
    }

    public List<FieldError> validate(JsonNode dashboard) {
        List<FieldError> errors = new ArrayList<>();
        for (Error e : schema.validate(dashboard.toString(), InputFormat.JSON)) {
            errors.add(new FieldError(field(e.getInstanceLocation()), message(e)));
        }
        if (!errors.isEmpty()) {
            return errors.stream().distinct().toList();
        }
        int columns = dashboard.path("layout").path("columns").asInt();
        Set<String> ids = new HashSet<>();
        JsonNode widgets = dashboard.path("widgets");
        for (int i = 0; i < widgets.size(); i++) {
            JsonNode w = widgets.get(i);
            if (!ids.add(w.path("id").asText())) {
                errors.add(new FieldError("widgets[" + i + "].id", "widget id is used twice"));
            }
            JsonNode p = w.path("position");
            if (p.path("x").asInt() + p.path("w").asInt() > columns) {
                errors.add(new FieldError("widgets[" + i + "].position", "x + w must not exceed layout.columns ("
                        + columns + ")"));
            }
        }
        return errors;
    }

    private static String load(String iri) {
        if (iri == null || !iri.startsWith(ID_BASE)) {
            return null;
        }
        String name = iri.substring(ID_BASE.length());
        int hash = name.indexOf('#');
        if (hash >= 0) {
            name = name.substring(0, hash);
        }
        if (!name.matches("[a-z-]+\\.schema\\.json")) {
            return null;
        }
        try (InputStream in = DashboardValidator.class.getResourceAsStream("/contracts/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(NodePath path) {
        StringBuilder sb = new StringBuilder();
        if (path != null) {
            for (int i = 0; i < path.getNameCount(); i++) {
                Object el = path.getElement(i);
                if (el instanceof Integer idx) {
                    sb.append('[').append(idx).append(']');
                } else if (el != null && !"$".equals(el.toString()) && !el.toString().isEmpty()) {
                    if (!sb.isEmpty()) {
                        sb.append('.');
                    }
                    sb.append(el);
                }
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    static String message(Error e) {
        String m = e.getMessage();
        if (m == null) {
            return "invalid";
        }
        int colon = m.indexOf(": ");
        if ((m.startsWith("$") || m.startsWith("/")) && colon > 0) {
            m = m.substring(colon + 2);
        }
        return m;
    }
}
