package org.heatpumpsuite.registry.outbox.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.registry.outbox.repository.OutboxRecord;
import org.heatpumpsuite.registry.outbox.repository.OutboxRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * The transactional outbox: services add the records a change must publish in the change's own transaction, so a
 * record is published exactly when the change committed (the relay sends it, in order, once the broker answers).
 */
@ApplicationScoped
public class Outbox {

    /** heatpump.config: the full configuration of a pump on every change; a tombstone when it is removed. */
    public static final String CONFIG_TOPIC = "heatpump.config";
    /** heatpump.commands: a write request for the owning poller. */
    public static final String COMMANDS_TOPIC = "heatpump.commands";

    @Inject
    OutboxRepository repository;
    @Inject
    ObjectMapper mapper;

    /** Adds a record (value serialised as JSON; null = tombstone). Must run inside the caller's transaction. */
    public Uni<Void> add(String topic, String key, Object value) {
        OutboxRecord r = new OutboxRecord();
        r.topic = topic;
        r.key = key;
        try {
            r.payload = value == null ? null : value instanceof String s ? s : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("cannot serialise outbox record", e));
        }
        r.createdAt = Instant.now();
        return repository.persist(r).replaceWithVoid();
    }
}
