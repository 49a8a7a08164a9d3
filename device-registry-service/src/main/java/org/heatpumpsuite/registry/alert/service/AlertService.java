package org.heatpumpsuite.registry.alert.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.registry.alert.repository.Alert;
import org.heatpumpsuite.registry.alert.repository.AlertRepository;
import org.heatpumpsuite.registry.audit.service.AuditService;
import org.heatpumpsuite.registry.audit.service.AuditService.Change;
import org.heatpumpsuite.registry.auth.service.Actor;
import org.heatpumpsuite.registry.heatpump.repository.HeatpumpRepository;
import org.heatpumpsuite.registry.rest.ApiProblem;
import org.heatpumpsuite.registry.rest.Problem.FieldError;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Alert rules: a sensor compared with a threshold, checked every interval; per pump or for every pump. */
@ApplicationScoped
public class AlertService {

    public static final Set<String> CONDITIONS = Set.of("<", ">", "=", "!=", "<=", ">=");

    @Inject
    AlertRepository repository;
    @Inject
    HeatpumpRepository pumps;
    @Inject
    AuditService audit;

    /** Every violation of a rule (field names as the client sent them, prefixed with {@code prefix}). */
    public static List<FieldError> validate(AlertInput in, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (in.sensor() == null) {
            errors.add(new FieldError(prefix + "sensor", "is required"));
        } else if (!in.sensor().matches("^[a-z][a-z0-9_]{0,63}$")) {
            errors.add(new FieldError(prefix + "sensor", "not a sensor id (lower case, digits, _; at most 64)"));
        }
        if (in.condition() == null) {
            errors.add(new FieldError(prefix + "condition", "is required"));
        } else if (!CONDITIONS.contains(in.condition())) {
            errors.add(new FieldError(prefix + "condition", "must be one of <, >, =, !=, <=, >="));
        }
        if (in.threshold() == null) {
            errors.add(new FieldError(prefix + "threshold", "is required"));
        } else if (in.threshold().isNaN() || in.threshold().isInfinite()) {
            errors.add(new FieldError(prefix + "threshold", "must be a finite number"));
        }
        if (in.intervalSeconds() != null && (in.intervalSeconds() < 1 || in.intervalSeconds() > 86400)) {
            errors.add(new FieldError(prefix + "interval_seconds", "must be 1..86400"));
        }
        if (in.name() != null && (in.name().isBlank() || in.name().length() > 100)) {
            errors.add(new FieldError(prefix + "name", "must be 1..100 characters"));
        }
        return errors;
    }

    public Uni<List<AlertView>> list(String heatpumpId) {
        return repository.search(heatpumpId).map(l -> l.stream().map(AlertService::view).toList());
    }

    public Uni<AlertView> get(String id) {
        return repository.find(id).map(a -> {
            if (a == null) {
                throw ApiProblem.notFound("alert rule " + id);
            }
            return view(a);
        });
    }

    @WithTransaction
    public Uni<AlertView> create(AlertInput in, Actor actor) {
        check(in);
        return pumpExists(in.heatpumpId()).chain(() -> insert(in, actor));
    }

    /** Stores a validated rule; joins the caller's transaction. */
    public Uni<AlertView> insert(AlertInput in, Actor actor) {
        Alert a = new Alert();
        a.id = UUID.randomUUID().toString();
        a.createdAt = Instant.now();
        apply(a, in);
        return repository.persist(a).call(() -> audit.record(Change.of(actor.name(), "create", "alert", a.id,
                a.heatpumpId, null, describe(a)))).map(AlertService::view);
    }

    /** Replaces a rule (every field as for POST). */
    @WithTransaction
    public Uni<AlertView> update(String id, AlertInput in, Actor actor) {
        check(in);
        return repository.findById(id).chain(a -> {
            if (a == null) {
                throw ApiProblem.notFound("alert rule " + id);
            }
            return pumpExists(in.heatpumpId()).chain(() -> {
                String old = describe(a);
                apply(a, in);
                return audit.record(Change.of(actor.name(), "update", "alert", id, a.heatpumpId, old, describe(a)))
                        .map(v -> view(a));
            });
        });
    }

    @WithTransaction
    public Uni<Void> delete(String id, Actor actor) {
        return repository.findById(id).chain(a -> {
            if (a == null) {
                throw ApiProblem.notFound("alert rule " + id);
            }
            return repository.delete(a).call(() -> audit.record(Change.of(actor.name(), "delete", "alert", id,
                    a.heatpumpId, describe(a), null)));
        });
    }

    private static void check(AlertInput in) {
        if (in == null) {
            throw ApiProblem.invalid("body", "an alert rule object is required");
        }
        List<FieldError> errors = validate(in, "");
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
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

    private static void apply(Alert a, AlertInput in) {
        a.heatpumpId = in.heatpumpId();
        a.name = in.name();
        a.sensor = in.sensor();
        a.condition = in.condition();
        a.threshold = in.threshold();
        a.intervalSeconds = in.intervalSeconds() == null ? 60 : in.intervalSeconds();
        a.enabled = in.enabled() == null || in.enabled();
        a.updatedAt = Instant.now();
    }

    private static String describe(Alert a) {
        return a.sensor + " " + a.condition + " " + a.threshold + " every " + a.intervalSeconds + " s"
                + (a.enabled ? "" : " (disabled)");
    }

    static AlertView view(Alert a) {
        return new AlertView(a.id, a.heatpumpId, a.name, a.sensor, a.condition, a.threshold, a.intervalSeconds,
                a.enabled, a.createdAt, a.updatedAt);
    }
}
