package org.heatpumpsuite.registry.heatpump.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.registry.alert.repository.AlertRepository;
import org.heatpumpsuite.registry.audit.service.AuditService;
import org.heatpumpsuite.registry.audit.service.AuditService.Change;
import org.heatpumpsuite.registry.auth.service.Actor;
import org.heatpumpsuite.registry.catalogue.service.CatalogueService;
import org.heatpumpsuite.registry.catalogue.service.ModelSpec;
import org.heatpumpsuite.registry.config.RegistryConfig;
import org.heatpumpsuite.registry.dashboard.repository.DashboardRepository;
import org.heatpumpsuite.registry.dashboard.service.DashboardService;
import org.heatpumpsuite.registry.heatpump.client.ProbeRequest;
import org.heatpumpsuite.registry.heatpump.client.Probes;
import org.heatpumpsuite.registry.heatpump.messaging.ConfigRecord;
import org.heatpumpsuite.registry.heatpump.repository.Heatpump;
import org.heatpumpsuite.registry.heatpump.repository.HeatpumpRepository;
import org.heatpumpsuite.registry.heatpump.repository.HeatpumpStatus;
import org.heatpumpsuite.registry.heatpump.repository.HeatpumpStatusRepository;
import org.heatpumpsuite.registry.job.repository.JobRepository;
import org.heatpumpsuite.registry.outbox.service.Outbox;
import org.heatpumpsuite.registry.rest.ApiProblem;
import org.heatpumpsuite.registry.rest.Problem.FieldError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The heat pumps: validation against the catalogue, the connection test, storage, the default dashboard, and the
 * configuration published through the outbox on every committed change (a tombstone on removal).
 */
@ApplicationScoped
public class HeatpumpService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A pump that passed validation, with its model. */
    public record Validated(PumpSettings settings, ModelSpec spec) {
    }

    @Inject
    HeatpumpRepository repository;
    @Inject
    HeatpumpStatusRepository statuses;
    @Inject
    DashboardRepository dashboards;
    @Inject
    AlertRepository alerts;
    @Inject
    JobRepository jobs;
    @Inject
    DashboardService dashboardService;
    @Inject
    CatalogueService catalogue;
    @Inject
    DeviceConfigValidator deviceConfigs;
    @Inject
    Probes probes;
    @Inject
    Outbox outbox;
    @Inject
    AuditService audit;
    @Inject
    RegistryConfig config;
    @Inject
    ObjectMapper mapper;

    public Uni<List<HeatpumpView>> list() {
        return repository.listSorted().chain(list -> statuses.all().map(all -> {
            Map<String, HeatpumpStatus> byId = all.stream()
                    .collect(Collectors.toMap(s -> s.heatpumpId, Function.identity()));
            return list.stream().map(p -> view(p, byId.get(p.id), null)).toList();
        }));
    }

    public Uni<HeatpumpView> get(String id) {
        return repository.find(id).chain(p -> {
            if (p == null) {
                throw ApiProblem.notFound("heat pump " + id);
            }
            return statuses.find(id).chain(s -> catalogue.model(p.manufacturer, p.model)
                    .map(spec -> view(p, s, spec == null ? List.of() : spec.capabilities())));
        });
    }

    /** Checks a new pump against the contracts and its catalogue model; 400 naming every bad field. */
    public Uni<Validated> validateNew(HeatpumpInput in) {
        if (in == null) {
            throw ApiProblem.invalid("body", "a heat pump object is required");
        }
        return catalogue.manufacturerKnown(in.manufacturer())
                .chain(known -> catalogue.model(in.manufacturer(), in.model()).map(spec -> new Validated(
                        HeatpumpValidator.validate(in, null, known, spec, defaults(), deviceConfigs), spec)));
    }

    /**
     * Adds a pump: validate, test the connection through the polling service (unless {@code verify} is false), store
     * it with the model's default dashboard and publish its configuration, all or nothing.
     */
    public Uni<HeatpumpView> create(HeatpumpInput in, boolean verify, Actor actor) {
        return validateNew(in)
                .call(v -> verify ? requireReachable(v.settings(), actor) : Uni.createFrom().voidItem())
                .chain(v -> Panache.withTransaction(() -> insert(v, null, false, actor)))
                .map(p -> view(p, null, null));
    }

    /**
     * Stores a validated pump, its default dashboard, the outbox record and the audit entry. Joins the caller's
     * transaction. {@code fixedId} null: a new {@code hp-} + 8 hex id.
     */
    public Uni<Heatpump> insert(Validated v, String fixedId, boolean demo, Actor actor) {
        Uni<String> id = fixedId != null ? Uni.createFrom().item(fixedId) : freshId(5);
        return id.chain(pumpId -> repository.findById(pumpId).chain(existing -> {
            if (existing != null) {
                throw ApiProblem.conflict("heat pump " + pumpId + " exists");
            }
            Heatpump p = new Heatpump();
            p.id = pumpId;
            p.demo = demo;
            p.createdAt = Instant.now();
            apply(p, v.settings());
            return repository.persist(p)
                    .call(() -> dashboardService.createDefault(pumpId, p.name, v.spec()))
                    .call(() -> publish(p, v.settings()))
                    .call(() -> audit.record(Change.of(actor.name(), "create", "heatpump", pumpId, pumpId, null,
                            json(ConfigRecord.of(pumpId, v.settings(), p.updatedAt)))));
        }));
    }

    /** Changes a pump (only the fields given), revalidates it and republishes its configuration. */
    public Uni<HeatpumpView> update(String id, HeatpumpInput in, Actor actor) {
        if (in == null) {
            throw ApiProblem.invalid("body", "a heat pump object is required");
        }
        return Panache.withTransaction(() -> repository.lock(id).chain(p -> {
            if (p == null) {
                throw ApiProblem.notFound("heat pump " + id);
            }
            PumpSettings current = settings(p);
            return catalogue.model(p.manufacturer, p.model).chain(spec -> {
                PumpSettings next = HeatpumpValidator.validate(in, current, true, spec, defaults(), deviceConfigs);
                String old = json(ConfigRecord.of(id, current, p.updatedAt));
                apply(p, next);
                return publish(p, next)
                        .call(() -> audit.record(Change.of(actor.name(), "update", "heatpump", id, id, old,
                                json(ConfigRecord.of(id, next, p.updatedAt)))))
                        .replaceWith(p);
            });
        })).chain(p -> statuses.find(id).map(s -> view(p, s, null)));
    }

    /** Removes a pump with its dashboards, alert rules and jobs in one transaction and publishes a tombstone. */
    public Uni<Void> delete(String id, Actor actor) {
        return Panache.withTransaction(() -> repository.lock(id).chain(p -> {
            if (p == null) {
                throw ApiProblem.notFound("heat pump " + id);
            }
            String old = json(ConfigRecord.of(id, settings(p), p.updatedAt));
            return jobs.deleteOfPump(id)
                    .chain(() -> alerts.deleteOfPump(id))
                    .chain(() -> dashboards.deleteOfPump(id))
                    .chain(() -> statuses.deleteById(id))
                    .chain(() -> repository.delete(p))
                    .chain(() -> outbox.add(Outbox.CONFIG_TOPIC, id, null))
                    .chain(() -> audit.record(Change.of(actor.name(), "delete", "heatpump", id, id, old, null)));
        }));
    }

    /** Whether a pump with this id exists; joins the caller's session. */
    public Uni<Boolean> repositoryHas(String id) {
        return repository.findById(id).map(p -> p != null);
    }

    /** Tests the stored pump's connection through the polling service; the probe's answer as is. */
    public Uni<JsonNode> test(String id, Actor actor) {
        return repository.find(id).chain(p -> {
            if (p == null) {
                throw ApiProblem.notFound("heat pump " + id);
            }
            return probes.probe(probeRequest(p.manufacturer, p.model, settings(p).connection()), actor.rawToken());
        });
    }

    private Uni<Void> requireReachable(PumpSettings s, Actor actor) {
        return probes.probe(probeRequest(s.manufacturer(), s.model(), s.connection()), actor.rawToken())
                .map(answer -> {
                    if (!answer.path("ok").asBoolean(false)) {
                        String message = answer.path("diagnosis").path("message_en").asText("the device did not answer");
                        throw new ApiProblem(400, "Connection test failed", message
                                + " (save anyway with verify=false if the pump is offline today)",
                                List.of(new FieldError("connection", message)), answer);
                    }
                    return null;
                });
    }

    private static ProbeRequest probeRequest(String manufacturer, String model, PumpSettings.Connection c) {
        return new ProbeRequest(manufacturer, model, c.host(), c.port(), c.unitId(), c.timeoutMs());
    }

    private Uni<Void> publish(Heatpump p, PumpSettings s) {
        return outbox.add(Outbox.CONFIG_TOPIC, p.id, ConfigRecord.of(p.id, s, p.updatedAt));
    }

    private Uni<String> freshId(int attempts) {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        String id = "hp-" + HexFormat.of().formatHex(b);
        return repository.findById(id).chain(existing -> {
            if (existing == null) {
                return Uni.createFrom().item(id);
            }
            if (attempts <= 1) {
                throw new IllegalStateException("no free heat pump id");
            }
            Log.infof("generated id %s is taken, drawing another", id);
            return freshId(attempts - 1);
        });
    }

    private void apply(Heatpump p, PumpSettings s) {
        p.name = s.name();
        p.manufacturer = s.manufacturer();
        p.model = s.model();
        p.connectionConfig = json(s.connection());
        p.deviceConfig = s.deviceConfig().toString();
        p.pollIntervalS = s.pollIntervalS();
        p.enabled = s.enabled();
        p.shareData = s.shareData();
        p.updatedAt = Instant.now();
    }

    /** The stored settings of a pump. */
    public PumpSettings settings(Heatpump p) {
        try {
            return new PumpSettings(p.name, p.manufacturer, p.model,
                    mapper.readValue(p.connectionConfig, PumpSettings.Connection.class), p.pollIntervalS,
                    (ObjectNode) mapper.readTree(p.deviceConfig), p.enabled, p.shareData);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored pump " + p.id + " is not readable", e);
        }
    }

    private HeatpumpView view(Heatpump p, HeatpumpStatus s, List<String> capabilities) {
        PumpSettings settings = settings(p);
        HeatpumpView.Status status = null;
        if (s != null) {
            JsonNode lastError = null;
            try {
                lastError = s.lastError == null ? null : mapper.readTree(s.lastError);
            } catch (JsonProcessingException e) {
                // stored by us from a validated record; unreadable means none
            }
            status = new HeatpumpView.Status(s.connected, s.consecutiveErrors, lastError, s.lastSuccessAt,
                    s.lastReadingAt, s.updatedAt);
        }
        return new HeatpumpView(p.id, p.name, p.manufacturer, p.model, settings.connection(), p.pollIntervalS,
                settings.deviceConfig(), p.enabled, p.shareData, p.demo, p.createdAt, p.updatedAt, status,
                capabilities);
    }

    private HeatpumpValidator.Defaults defaults() {
        return new HeatpumpValidator.Defaults(config.connection().defaultTimeoutMs(),
                config.connection().defaultRetries());
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
