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
    public Uni<CatalogueModel> find(String manufacturer, String model) {
        return findById(manufacturer + "/" + model);
    }

    @WithSession
    public Uni<Boolean> manufacturerKnown(String manufacturer) {
        return count("manufacturer", manufacturer).map(n -> n > 0);
    }

    @WithSession
    public Uni<List<CatalogueModel>> listSorted() {
        return listAll(Sort.by("manufacturer").and("model"));
    }
}
