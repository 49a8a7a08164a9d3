package org.heatpumpsuite.registry.legacy.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ImportMarkerRepository implements PanacheRepositoryBase<ImportMarker, String> {

    @WithSession
    public Uni<ImportMarker> find(String name) {
        return findById(name);
    }
}
