package org.heatpumpsuite.registry.legacy.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.registry.alert.service.AlertInput;
import org.heatpumpsuite.registry.alert.service.AlertService;
import org.heatpumpsuite.registry.audit.service.AuditService;
import org.heatpumpsuite.registry.audit.service.AuditService.Change;
import org.heatpumpsuite.registry.auth.service.Actor;
import org.heatpumpsuite.registry.catalogue.service.CatalogueService;
import org.heatpumpsuite.registry.heatpump.service.HeatpumpInput;
import org.heatpumpsuite.registry.heatpump.service.HeatpumpService;
import org.heatpumpsuite.registry.job.service.JobInput;
import org.heatpumpsuite.registry.job.service.JobService;
import org.heatpumpsuite.registry.legacy.repository.ImportMarker;
import org.heatpumpsuite.registry.legacy.repository.ImportMarkerRepository;
import org.heatpumpsuite.registry.rest.ApiProblem;
import org.heatpumpsuite.registry.rest.Problem.FieldError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * PLAN.md Phase 7: the old single-pump logger's export becomes pump {@code hp-legacy} (iDM Navigator 2.0) with its
 * alert rules and jobs, exactly once (the {@code imports} row {@code legacy}). Bad alert or job entries are reported by
 * index and skipped; everything else is imported.
 */
@ApplicationScoped
public class LegacyImportService {

    public static final String PUMP_ID = "hp-legacy";
    public static final String MARKER = "legacy";
    static final String MANUFACTURER = "idm";
    static final String MODEL = "navigator_2_0";

    /** One skipped entry of the export. */
    public record Skipped(String section, int index, List<FieldError> errors) {
    }

    /** What an import did. */
    public record Report(boolean imported, String heatpumpId, int alertsImported, int jobsImported,
            List<Skipped> skipped, Instant importedAt, String message) {
    }

    @Inject
    HeatpumpService pumps;
    @Inject
    AlertService alerts;
    @Inject
    JobService jobs;
    @Inject
    CatalogueService catalogue;
    @Inject
    ImportMarkerRepository markers;
    @Inject
    AuditService audit;
    @Inject
    ObjectMapper mapper;

    /** Imports the export once; a second call changes nothing and says when the first one happened. */
    public Uni<Report> importExport(JsonNode export, Actor actor) {
        if (export == null || !export.isObject()) {
            throw ApiProblem.invalid("body", "must be the old logger's export object");
        }
        JsonNode idm = export.get("idm");
        if (idm == null || !idm.isObject()) {
            throw ApiProblem.invalid("idm", "is required: {\"host\", \"port\", \"circuits\", \"zones\"}");
        }
        HeatpumpInput pump = pumpInput(idm);
        return catalogue.model(MANUFACTURER, MODEL).chain(spec -> {
            if (spec == null) {
                throw ApiProblem.unavailable("Catalogue not ready",
                        "the catalogue does not list idm/navigator_2_0 yet; retry when the polling service runs");
            }
            return pumps.validateNew(pump).chain(validated -> markers.find(MARKER).chain(done -> {
                if (done != null) {
                    return Uni.createFrom().item(alreadyImported(done));
                }
                {
                    List<Skipped> skipped = new ArrayList<>();
                    List<AlertInput> alertInputs = alerts(export.get("alerts"), skipped);
                    List<JobInput> jobInputs = jobs(export.get("jobs"), skipped, spec, validated.settings().deviceConfig());
                    Instant now = Instant.now();
                    Report report = new Report(true, PUMP_ID, alertInputs.size(), jobInputs.size(), skipped, now,
                            "imported");
                    return Panache.withTransaction(() -> {
                        ImportMarker m = new ImportMarker();
                        m.name = MARKER;
                        m.importedAt = now;
                        m.report = json(report);
                        return markers.persist(m)
                                .chain(() -> pumps.insert(validated, PUMP_ID, false, actor))
                                .chain(() -> Multi.createFrom().iterable(alertInputs).onItem()
                                        .transformToUniAndConcatenate(a -> alerts.insert(a, actor)).collect().last())
                                .chain(() -> Multi.createFrom().iterable(jobInputs).onItem()
                                        .transformToUniAndConcatenate(j -> jobs.insert(j, actor)).collect().last())
                                .chain(() -> audit.record(Change.of(actor.name(), "import", "legacy", MARKER, PUMP_ID,
                                        null, alertInputs.size() + " alert rule(s), " + jobInputs.size()
                                                + " job(s), " + skipped.size() + " skipped")))
                                .replaceWith(report);
                    });
                }
            }));
        });
    }

    /** Whether the import happened. */
    public Uni<Boolean> imported() {
        return markers.find(MARKER).map(m -> m != null);
    }

    private Report alreadyImported(ImportMarker done) {
        Report first = null;
        try {
            first = mapper.readValue(done.report, Report.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // an unreadable report only loses the counts
        }
        return new Report(false, PUMP_ID, 0, 0, first == null ? List.of() : first.skipped(), done.importedAt,
                "already imported at " + done.importedAt + "; nothing changed");
    }

    static HeatpumpInput pumpInput(JsonNode idm) {
        ObjectNode deviceConfig = JsonNodeFactory.instance.objectNode();
        JsonNode circuits = idm.get("circuits");
        if (circuits != null && !circuits.isNull()) {
            deviceConfig.set("circuits", circuits);
        } else {
            deviceConfig.putArray("circuits").add("A");
        }
        JsonNode zones = idm.get("zones");
        if (zones != null && zones.isArray()) {
            var modules = deviceConfig.putArray("zone_modules");
            for (JsonNode z : zones) {
                // the old logger listed zone module numbers; rooms were not configurable there: read room 1
                modules.add(z.isObject() ? z : JsonNodeFactory.instance.objectNode().set("module", z)
                        .deepCopy());
                if (!z.isObject()) {
                    ((ObjectNode) modules.get(modules.size() - 1)).put("rooms", 1);
                }
            }
        } else if (zones != null && !zones.isNull()) {
            deviceConfig.set("zone_modules", zones);
        }
        Integer port = idm.path("port").isInt() ? idm.get("port").asInt() : null;
        String host = idm.path("host").isTextual() ? idm.get("host").asText() : null;
        if (idm.has("port") && port == null) {
            throw ApiProblem.invalid("idm.port", "must be an integer");
        }
        if (idm.has("host") && host == null) {
            throw ApiProblem.invalid("idm.host", "must be a string");
        }
        return new HeatpumpInput("Wärmepumpe (Migriert)", MANUFACTURER, MODEL,
                new HeatpumpInput.ConnectionInput(host, port, 1, null, null), null, deviceConfig, true, false);
    }

    private List<AlertInput> alerts(JsonNode list, List<Skipped> skipped) {
        List<AlertInput> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw ApiProblem.invalid("alerts", "must be an array");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = list.get(i);
            List<FieldError> errors = new ArrayList<>();
            if (!a.isObject()) {
                skipped.add(new Skipped("alerts", i, List.of(new FieldError("alerts[" + i + "]", "must be an object"))));
                continue;
            }
            AlertInput in = new AlertInput(PUMP_ID, null, text(a, "sensor", "alerts[" + i + "].", errors),
                    text(a, "condition", "alerts[" + i + "].", errors), number(a, "threshold", "alerts[" + i + "].", errors),
                    integer(a, "interval_seconds", "alerts[" + i + "].", errors), bool(a, "enabled", "alerts[" + i + "].", errors));
            if (errors.isEmpty()) {
                errors.addAll(AlertService.validate(in, "alerts[" + i + "]."));
            }
            if (errors.isEmpty()) {
                out.add(in);
            } else {
                skipped.add(new Skipped("alerts", i, errors));
            }
        }
        return out;
    }

    private List<JobInput> jobs(JsonNode list, List<Skipped> skipped, org.heatpumpsuite.registry.catalogue.service.ModelSpec spec,
            JsonNode deviceConfig) {
        List<JobInput> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw ApiProblem.invalid("jobs", "must be an array");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode j = list.get(i);
            String prefix = "jobs[" + i + "].";
            if (!j.isObject()) {
                skipped.add(new Skipped("jobs", i, List.of(new FieldError("jobs[" + i + "]", "must be an object"))));
                continue;
            }
            List<FieldError> errors = new ArrayList<>();
            List<String> days = new ArrayList<>();
            JsonNode d = j.get("days");
            if (d != null && d.isArray()) {
                d.forEach(x -> days.add(x.isTextual() ? x.asText().toLowerCase(java.util.Locale.ROOT) : x.toString()));
            } else if (d != null) {
                errors.add(new FieldError(prefix + "days", "must be an array"));
            }
            JobInput in = new JobInput(PUMP_ID, null, text(j, "sensor", prefix, errors), j.get("value"),
                    text(j, "time", prefix, errors), days, null, bool(j, "enabled", prefix, errors));
            if (errors.isEmpty()) {
                errors.addAll(JobService.validate(in, spec, deviceConfig, prefix));
            }
            if (errors.isEmpty()) {
                out.add(in);
            } else {
                skipped.add(new Skipped("jobs", i, errors));
            }
        }
        return out;
    }

    private static String text(JsonNode o, String field, String prefix, List<FieldError> errors) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(prefix + field, "must be a string"));
            return null;
        }
        return v.asText();
    }

    private static Double number(JsonNode o, String field, String prefix, List<FieldError> errors) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            errors.add(new FieldError(prefix + field, "must be a number"));
            return null;
        }
        return v.asDouble();
    }

    private static Integer integer(JsonNode o, String field, String prefix, List<FieldError> errors) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            errors.add(new FieldError(prefix + field, "must be an integer"));
            return null;
        }
        return v.asInt();
    }

    private static Boolean bool(JsonNode o, String field, String prefix, List<FieldError> errors) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            errors.add(new FieldError(prefix + field, "must be true or false"));
            return null;
        }
        return v.asBoolean();
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
