package org.heatpumpsuite.registry.control.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CommandRepository implements PanacheRepositoryBase<Command, String> {

    @WithSession
    public Uni<Command> find(String commandId) {
        return findById(commandId);
    }
}
