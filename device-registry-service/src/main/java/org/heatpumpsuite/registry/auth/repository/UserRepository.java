package org.heatpumpsuite.registry.auth.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, String> {

    @WithSession
    public Uni<User> byName(String username) {
        return find("username", username).firstResult();
    }

    @WithSession
    public Uni<List<User>> listSorted() {
        return listAll(Sort.by("username"));
    }

    public Uni<Long> admins() {
        return count("role", "admin");
    }
}
