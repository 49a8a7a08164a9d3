package org.heatpumpsuite.registry.heatpump.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class HeatpumpStatusRepository implements PanacheRepositoryBase<HeatpumpStatus, String> {

    @WithSession
    public Uni<List<HeatpumpStatus>> all() {
        return listAll();
    }

    @WithSession
    public Uni<HeatpumpStatus> find(String heatpumpId) {
        return findById(heatpumpId);
    }
}
