package org.heatpumpsuite.registry.dashboard.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.registry.audit.service.AuditService;
import org.heatpumpsuite.registry.audit.service.AuditService.Change;
import org.heatpumpsuite.registry.auth.service.Actor;
import org.heatpumpsuite.registry.catalogue.service.ModelSpec;
import org.heatpumpsuite.registry.dashboard.repository.Dashboard;
import org.heatpumpsuite.registry.dashboard.repository.DashboardRepository;
import org.heatpumpsuite.registry.heatpump.repository.HeatpumpRepository;
import org.heatpumpsuite.registry.rest.ApiProblem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Dashboards per pump and overview dashboards (heatpump_id null); a new pump gets its model's template. */
@ApplicationScoped
public class DashboardService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DashboardRepository repository;
    @Inject
    HeatpumpRepository pumps;
    @Inject
    DashboardValidator validator;
    @Inject
    AuditService audit;
    @Inject
    ObjectMapper mapper;

    public Uni<List<JsonNode>> list(String heatpumpId, boolean overview) {
        return repository.search(heatpumpId, overview).map(l -> l.stream().map(this::config).toList());
    }

    public Uni<JsonNode> get(String id) {
        return repository.find(id).map(d -> {
            if (d == null) {
                throw ApiProblem.notFound("dashboard " + id);
            }
            return config(d);
        });
    }

    @WithTransaction
    public Uni<JsonNode> create(JsonNode body, Actor actor) {
        ObjectNode doc = object(body);
        if (!doc.hasNonNull("id")) {
            doc.put("id", "db-" + HexFormat.of().formatHex(bytes()));
        }
        if (!doc.has("heatpump_id")) {
            doc.putNull("heatpump_id");
        }
        doc.put("schema_version", doc.path("schema_version").isMissingNode() ? 1 : doc.get("schema_version").asInt(-1));
        var errors = validator.validate(doc);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        String id = doc.get("id").asText();
        String heatpumpId = doc.get("heatpump_id").isNull() ? null : doc.get("heatpump_id").asText();
        return pumpExists(heatpumpId)
                .chain(() -> repository.findById(id))
                .chain(existing -> {
                    if (existing != null) {
                        throw ApiProblem.conflict("dashboard " + id + " exists");
                    }
                    return repository.count(heatpumpId == null ? "heatpumpId is null" : "heatpumpId = ?1",
                            heatpumpId == null ? new Object[0] : new Object[] { heatpumpId });
                })
                .chain(count -> {
                    Dashboard d = new Dashboard();
                    d.id = id;
                    d.heatpumpId = heatpumpId;
                    d.position = count.intValue();
                    apply(d, doc);
                    d.createdAt = d.updatedAt;
                    return repository.persist(d)
                            .call(() -> audit.record(Change.of(actor.name(), "create", "dashboard", id, heatpumpId,
                                    null, d.config)))
                            .map(this::config);
                });
    }

    @WithTransaction
    public Uni<JsonNode> update(String id, JsonNode body, Actor actor) {
        return repository.findById(id).chain(d -> {
            if (d == null) {
                throw ApiProblem.notFound("dashboard " + id);
            }
            ObjectNode doc = object(body);
            if (doc.hasNonNull("id") && !id.equals(doc.get("id").asText())) {
                throw ApiProblem.invalid("id", "does not match the path");
            }
            if (doc.has("heatpump_id") && !String.valueOf(d.heatpumpId).equals(doc.get("heatpump_id").isNull()
                    ? "null" : doc.get("heatpump_id").asText())) {
                throw ApiProblem.invalid("heatpump_id", "cannot be changed");
            }
            doc.put("id", id);
            if (d.heatpumpId == null) {
                doc.putNull("heatpump_id");
            } else {
                doc.put("heatpump_id", d.heatpumpId);
            }
            if (!doc.has("schema_version")) {
                doc.put("schema_version", 1);
            }
            var errors = validator.validate(doc);
            if (!errors.isEmpty()) {
                throw ApiProblem.invalid(errors);
            }
            String old = d.config;
            apply(d, doc);
            return audit.record(Change.of(actor.name(), "update", "dashboard", id, d.heatpumpId, old, d.config))
                    .map(v -> config(d));
        });
    }

    @WithTransaction
    public Uni<Void> delete(String id, Actor actor) {
        return repository.findById(id).chain(d -> {
            if (d == null) {
                throw ApiProblem.notFound("dashboard " + id);
            }
            return repository.delete(d).call(() -> audit.record(Change.of(actor.name(), "delete", "dashboard", id,
                    d.heatpumpId, d.config, null)));
        });
    }

    /**
     * The model's default dashboard for a new pump (docs/contracts/dashboard.md): the catalogue template with id and
     * heatpump_id filled in. Joins the caller's transaction.
     */
    public Uni<Void> createDefault(String heatpumpId, String pumpName, ModelSpec spec) {
        ObjectNode doc;
        JsonNode template = spec == null ? null : spec.dashboardTemplate();
        if (template != null) {
            doc = template.deepCopy();
        } else {
            doc = mapper.createObjectNode();
            doc.put("schema_version", 1);
            doc.put("name", pumpName);
            doc.putObject("layout").put("columns", 12);
            ObjectNode status = doc.putArray("widgets").addObject();
            status.put("id", "status").put("type", "status").put("title", "Status");
            status.putArray("sensors");
            status.putObject("position").put("x", 0).put("y", 0).put("w", 12).put("h", 2);
        }
        String id = "db-" + heatpumpId.substring(3) + "-main";
        doc.put("id", id);
        doc.put("heatpump_id", heatpumpId);
        Dashboard d = new Dashboard();
        d.id = id;
        d.heatpumpId = heatpumpId;
        d.position = 0;
        apply(d, doc);
        d.createdAt = d.updatedAt;
        return repository.findById(id).chain(existing -> existing != null ? repository.delete(existing) : Uni.createFrom().voidItem())
                .chain(() -> repository.persist(d)).replaceWithVoid();
    }

    private Uni<Void> pumpExists(String heatpumpId) {
        if (heatpumpId == null) {
            return Uni.createFrom().voidItem();
        }
        return pumps.findById(heatpumpId).map(p -> {
            if (p == null) {
                throw ApiProblem.invalid("heatpump_id", "no heat pump " + heatpumpId);
            }
            return null;
        });
    }

    private void apply(Dashboard d, ObjectNode doc) {
        JsonNode name = doc.get("name");
        String display = name.isObject() ? name.path("en").asText(name.path("de").asText()) : name.asText();
        d.name = display.length() > 200 ? display.substring(0, 200) : display;
        d.config = doc.toString();
        d.updatedAt = Instant.now();
    }

    private JsonNode config(Dashboard d) {
        try {
            return mapper.readTree(d.config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored dashboard " + d.id + " is not JSON", e);
        }
    }

    private static ObjectNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalid("body", "must be a dashboard object");
        }
        return ((ObjectNode) body).deepCopy();
    }

    private static byte[] bytes() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return b;
    }
}
