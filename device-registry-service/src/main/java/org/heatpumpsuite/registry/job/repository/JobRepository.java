package org.heatpumpsuite.registry.job.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<Job, String> {

    private static final Sort ORDER = Sort.by("createdAt").and("id");

    @WithSession
    public Uni<List<Job>> search(String heatpumpId) {
        return heatpumpId == null ? listAll(ORDER) : list("heatpumpId", ORDER, heatpumpId);
    }

    @WithSession
    public Uni<List<Job>> enabled() {
        return list("enabled", ORDER, true);
    }

    @WithSession
    public Uni<Job> find(String id) {
        return findById(id);
    }

    public Uni<Long> deleteOfPump(String heatpumpId) {
        return delete("heatpumpId", heatpumpId);
    }
}
