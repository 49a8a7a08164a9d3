package org.heatpumpsuite.registry.audit.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.registry.audit.repository.AuditEntry;
import org.heatpumpsuite.registry.audit.repository.AuditRepository;

import io.smallrye.mutiny.Uni;

/** The write audit log. {@link #record} joins the caller's transaction, so an entry exists exactly for a committed change. */
@ApplicationScoped
public class AuditService {

    /** An audit entry as the API shows it. */
    public record AuditView(long id, Instant at, String actor, String action, String targetType, String targetId,
            String heatpumpId, String field, String oldValue, String newValue, String outcome, String commandId) {
    }

    /** What to record. */
    public record Change(String actor, String action, String targetType, String targetId, String heatpumpId,
            String field, String oldValue, String newValue, String outcome, String commandId) {

        public static Change of(String actor, String action, String targetType, String targetId, String heatpumpId,
                String oldValue, String newValue) {
            return new Change(actor, action, targetType, targetId, heatpumpId, null, oldValue, newValue, "ok", null);
        }
    }

    @Inject
    AuditRepository repository;

    public Uni<Void> record(Change c) {
        AuditEntry e = new AuditEntry();
        e.at = Instant.now();
        e.actor = truncate(c.actor(), 200);
        e.action = c.action();
        e.targetType = c.targetType();
        e.targetId = c.targetId();
        e.heatpumpId = c.heatpumpId();
        e.field = c.field();
        e.oldValue = c.oldValue();
        e.newValue = c.newValue();
        e.outcome = c.outcome();
        e.commandId = c.commandId();
        return repository.persist(e).replaceWithVoid();
    }

    /** Sets the outcome (and old value, once known) of a command's entry; in the caller's transaction. */
    public Uni<Void> commandOutcome(String commandId, String outcome, String oldValue) {
        return repository.byCommand(commandId).invoke(entries -> entries.forEach(e -> {
            e.outcome = outcome;
            if (oldValue != null) {
                e.oldValue = oldValue;
            }
        })).replaceWithVoid();
    }

    public Uni<List<AuditView>> search(String heatpumpId, String commandId, int limit) {
        return repository.search(heatpumpId, commandId, limit).map(list -> list.stream()
                .map(e -> new AuditView(e.id, e.at, e.actor, e.action, e.targetType, e.targetId, e.heatpumpId,
                        e.field, e.oldValue, e.newValue, e.outcome, e.commandId))
                .toList());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
