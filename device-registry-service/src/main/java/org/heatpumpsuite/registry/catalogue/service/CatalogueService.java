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
import org.heatpumpsuite.registry.rest.ApiProblem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    /**
     * What the setup wizard shows for a model before the connection test; {@code writables} (docs/contracts/catalogue.md)
     * feed the UI's control page.
     */
    public record Setup(String manufacturer, String model, String manufacturerName, String displayName,
            String protocol, int defaultPort, Integer defaultUnitId, int defaultPollIntervalS, int minPollIntervalS,
            List<String> capabilities, JsonNode deviceConfigSchema, JsonNode instructions, JsonNode writables) {
    }

    @Inject
    CatalogueRepository repository;
    @Inject
    ObjectMapper mapper;

    /** The model, or null if the catalogue does not (or no longer) list it. */
    public Uni<ModelSpec> model(String manufacturer, String model) {
        if (manufacturer == null || model == null) {
            return Uni.createFrom().nullItem();
        }
        return repository.find(manufacturer, model).map(m -> m == null ? null : spec(m));
    }

    /** Whether the catalogue lists any model of this manufacturer. */
    public Uni<Boolean> manufacturerKnown(String manufacturer) {
        return manufacturer == null ? Uni.createFrom().item(false) : repository.manufacturerKnown(manufacturer);
    }

    /** The setup instructions and defaults of one model; 404 problem if unknown. */
    public Uni<Setup> setup(String manufacturer, String model) {
        return model(manufacturer, model).map(spec -> {
            if (spec == null) {
                throw ApiProblem.notFound("model " + manufacturer + "/" + model);
            }
            return new Setup(spec.manufacturer(), spec.model(), spec.manufacturerName(), spec.displayName(),
                    spec.protocol(), spec.defaultPort(), spec.defaultUnitId(), spec.defaultPollIntervalS(),
                    spec.minPollIntervalS(), spec.capabilities(), spec.deviceConfigSchema(),
                    spec.setupInstructions(),
                    spec.doc().path("writables").isArray() ? spec.doc().get("writables") : mapper.createArrayNode());
        });
    }

    private ModelSpec spec(CatalogueModel m) {
        JsonNode doc;
        try {
            doc = mapper.readTree(m.document);
        } catch (JsonProcessingException e) {
            doc = mapper.createObjectNode();
        }
        return new ModelSpec(m.manufacturer, m.model, m.manufacturerName, m.displayName, doc);
    }

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
