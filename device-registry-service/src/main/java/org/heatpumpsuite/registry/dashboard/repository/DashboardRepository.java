package org.heatpumpsuite.registry.dashboard.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DashboardRepository implements PanacheRepositoryBase<Dashboard, String> {

    private static final Sort ORDER = Sort.by("position").and("createdAt").and("id");

    /** All dashboards; {@code heatpumpId} narrows to one pump's, {@code overview} to those of no pump. */
    @WithSession
    public Uni<List<Dashboard>> search(String heatpumpId, boolean overview) {
        if (overview) {
            return list("heatpumpId is null", ORDER);
        }
        return heatpumpId == null ? listAll(ORDER) : list("heatpumpId", ORDER, heatpumpId);
    }

    @WithSession
    public Uni<Dashboard> find(String id) {
        return findById(id);
    }

    public Uni<Long> deleteOfPump(String heatpumpId) {
        return delete("heatpumpId", heatpumpId);
    }
}
