package org.heatpumpsuite.registry.heatpump.service;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.registry.heatpump.repository.HeatpumpStatus;
import org.heatpumpsuite.registry.heatpump.repository.HeatpumpStatusRepository;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The live connection state of the pumps, as the polling service reports it on heatpump.status. */
@ApplicationScoped
public class StatusService {

    @Inject
    HeatpumpStatusRepository repository;

    /** Reads a heatpump.status value; throws {@link IllegalArgumentException} naming the field at fault. */
    public static HeatpumpStatus parse(String key, JsonNode json) {
        String id = json.path("heatpump_id").asText(null);
        if (id == null || !id.matches("^hp-([0-9a-f]{8}|legacy)$")) {
            throw new IllegalArgumentException("field 'heatpump_id' is missing or not a heat pump id");
        }
        if (key != null && !key.equals(id)) {
            throw new IllegalArgumentException("key '" + key + "' does not match heatpump_id '" + id + "'");
        }
        if (!json.path("connected").isBoolean()) {
            throw new IllegalArgumentException("field 'connected' is missing or not a boolean");
        }
        if (!json.path("consecutive_errors").canConvertToInt() || !json.path("consecutive_errors").isIntegralNumber()) {
            throw new IllegalArgumentException("field 'consecutive_errors' is missing or not an integer");
        }
        HeatpumpStatus s = new HeatpumpStatus();
        s.heatpumpId = id;
        s.connected = json.get("connected").asBoolean();
        s.consecutiveErrors = json.get("consecutive_errors").asInt();
        JsonNode error = json.get("last_error");
        s.lastError = error == null || error.isNull() ? null : error.toString();
        s.lastSuccessAt = time(json, "last_success_at");
        s.lastReadingAt = time(json, "last_reading_at");
        Instant updated = time(json, "updated_at");
        s.updatedAt = updated != null ? updated : Instant.now();
        return s;
    }

    @WithTransaction
    public Uni<Void> apply(HeatpumpStatus incoming) {
        return repository.findById(incoming.heatpumpId).chain(existing -> {
            if (existing == null) {
                return repository.persist(incoming).replaceWithVoid();
            }
            existing.connected = incoming.connected;
            existing.consecutiveErrors = incoming.consecutiveErrors;
            existing.lastError = incoming.lastError;
            existing.lastSuccessAt = incoming.lastSuccessAt;
            existing.lastReadingAt = incoming.lastReadingAt;
            existing.updatedAt = incoming.updatedAt;
            return Uni.createFrom().voidItem();
        });
    }

    @WithTransaction
    public Uni<Void> remove(String heatpumpId) {
        return repository.deleteById(heatpumpId).replaceWithVoid();
    }

    private static Instant time(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field '" + field + "' is not an RFC 3339 time");
        }
    }
}
