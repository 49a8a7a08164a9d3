package org.heatpumpsuite.registry.outbox.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxRecord, Long> {

    /** Rows not yet relayed. */
    @WithSession
    public Uni<Long> pending() {
        return count();
    }
}
