package org.heatpumpsuite.registry.catalogue.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.registry.catalogue.repository.CatalogueModel;
import org.heatpumpsuite.registry.catalogue.repository.CatalogueRepository;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Keeps the registry's copy of the model catalogue and answers questions about it. */
@ApplicationScoped
public class CatalogueService {

    /** A manufacturer with its models, as the API shows it. */
    public record Manufacturer(String id, String name, List<Model> models) {
    }

    /** A model of a manufacturer. */
    public record Model(String id, String displayName) {
    }

    @Inject
    CatalogueRepository repository;

    @WithTransaction
    public Uni<Void> upsert(CatalogueEntry entry) {
        return repository.findById(entry.id()).onItem().transformToUni(existing -> {
            CatalogueModel m = existing != null ? existing : new CatalogueModel();
            m.id = entry.id();
            m.manufacturer = entry.manufacturer();
            m.model = entry.model();
            m.manufacturerName = entry.manufacturerName();
            m.displayName = entry.displayName();
            m.document = entry.document();
            m.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return existing != null ? Uni.createFrom().voidItem() : repository.persist(m).replaceWithVoid();
        });
    }

    @WithTransaction
    public Uni<Void> remove(String id) {
        return repository.deleteById(id).replaceWithVoid();
    }

    public Uni<List<Manufacturer>> manufacturers() {
        return repository.listSorted().map(models -> {
            Map<String, Manufacturer> byId = new LinkedHashMap<>();
            for (CatalogueModel m : models) {
                byId.computeIfAbsent(m.manufacturer, id -> new Manufacturer(id, m.manufacturerName, new ArrayList<>()))
                        .models().add(new Model(m.model, m.displayName));
            }
            return List.copyOf(byId.values());
        });
    }
}
