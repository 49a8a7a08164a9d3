package org.heatpumpsuite.registry.heatpump.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class HeatpumpRepository implements PanacheRepositoryBase<Heatpump, String> {

    @WithSession
    public Uni<List<Heatpump>> listSorted() {
        return listAll(Sort.by("createdAt").and("id"));
    }

    @WithSession
    public Uni<Heatpump> find(String id) {
        return findById(id);
    }

    /**
     * The pump, locked for the rest of the transaction: changes of one pump (and their outbox rows) are serialised,
     * so its records reach heatpump.config in commit order.
     */
    public Uni<Heatpump> lock(String id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
