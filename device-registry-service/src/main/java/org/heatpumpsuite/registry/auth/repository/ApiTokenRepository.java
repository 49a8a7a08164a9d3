package org.heatpumpsuite.registry.auth.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepositoryBase<ApiToken, String> {

    @WithSession
    public Uni<List<ApiToken>> listSorted() {
        return listAll(Sort.by("createdAt").and("id"));
    }
}
