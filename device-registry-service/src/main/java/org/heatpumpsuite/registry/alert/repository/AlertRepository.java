package org.heatpumpsuite.registry.alert.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, String> {

    private static final Sort ORDER = Sort.by("createdAt").and("id");

    /** All rules, or those that apply to one pump (its own and those for every pump). */
    @WithSession
    public Uni<List<Alert>> search(String heatpumpId) {
        return heatpumpId == null ? listAll(ORDER) : list("heatpumpId = ?1 or heatpumpId is null", ORDER, heatpumpId);
    }

    @WithSession
    public Uni<Alert> find(String id) {
        return findById(id);
    }

    public Uni<Long> deleteOfPump(String heatpumpId) {
        return delete("heatpumpId", heatpumpId);
    }
}
