package org.heatpumpsuite.registry.catalogue.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CatalogueRepository implements PanacheRepositoryBase<CatalogueModel, String> {

    @WithSession
    public Uni<List<CatalogueModel>> listSorted() {
        return listAll(Sort.by("manufacturer").and("model"));
    }
}
