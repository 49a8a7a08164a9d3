package org.heatpumpsuite.registry.audit.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    /** Newest first, optionally only one pump's or one command's entries. */
    @WithSession
    public Uni<List<AuditEntry>> search(String heatpumpId, String commandId, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (heatpumpId != null) {
            q.append(" and heatpumpId = :hp");
            p = p.and("hp", heatpumpId);
        }
        if (commandId != null) {
            q.append(" and commandId = :cid");
            p = p.and("cid", commandId);
        }
        return find(q.toString(), Sort.descending("id"), p).page(Page.ofSize(limit)).list();
    }

    public Uni<List<AuditEntry>> byCommand(String commandId) {
        return list("commandId", commandId);
    }
}
