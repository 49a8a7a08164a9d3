package org.heatpumpsuite.registry.control.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.registry.audit.service.AuditService;
import org.heatpumpsuite.registry.auth.service.Actor;
import org.heatpumpsuite.registry.catalogue.service.CatalogueService;
import org.heatpumpsuite.registry.control.messaging.CommandRecord;
import org.heatpumpsuite.registry.control.repository.Command;
import org.heatpumpsuite.registry.control.repository.CommandRepository;
import org.heatpumpsuite.registry.heatpump.repository.Heatpump;
import org.heatpumpsuite.registry.heatpump.repository.HeatpumpRepository;
import org.heatpumpsuite.registry.job.repository.JobRunRepository;
import org.heatpumpsuite.registry.outbox.service.Outbox;
import org.heatpumpsuite.registry.rest.ApiProblem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Writes to pumps: validated against the catalogue, recorded (command + audit entry) and published to
 * heatpump.commands through the outbox in one transaction; the outcome arrives on heatpump.command-results.
 */
@ApplicationScoped
public class ControlService {

    /** A command and what became of it. */
    public record CommandView(String commandId, String heatpumpId, String sensor, JsonNode value, String requestedBy,
            String source, Instant requestedAt, String outcome, String reason, JsonNode oldValue,
            JsonNode readBackValue, Instant completedAt) {
    }

    /** A write request. */
    public record WriteRequest(String sensor, JsonNode value) {
    }

    @Inject
    HeatpumpRepository pumps;
    @Inject
    CommandRepository commands;
    @Inject
    JobRunRepository jobRuns;
    @Inject
    CatalogueService catalogue;
    @Inject
    Outbox outbox;
    @Inject
    AuditService audit;
    @Inject
    ObjectMapper mapper;

    /** Validates and sends a write; the command as accepted (outcome pending). */
    public Uni<CommandView> send(String heatpumpId, WriteRequest request, Actor actor) {
        if (request == null) {
            throw ApiProblem.invalid("body", "an object with sensor and value is required");
        }
        return Panache.withTransaction(() -> pumps.lock(heatpumpId).chain(p -> {
            if (p == null) {
                throw ApiProblem.notFound("heat pump " + heatpumpId);
            }
            return catalogue.model(p.manufacturer, p.model).chain(spec -> {
                JsonNode deviceConfig = readTree(p.deviceConfig);
                var errors = WriteCheck.check(request.sensor(), request.value(), spec, deviceConfig, "");
                if (!errors.isEmpty()) {
                    throw ApiProblem.invalid(errors);
                }
                return enqueue(p, request.sensor(), request.value(), actor);
            });
        })).map(this::view);
    }

    /** Records and publishes a checked write; joins the caller's transaction. */
    public Uni<Command> enqueue(Heatpump p, String sensor, JsonNode value, Actor actor) {
        Command c = new Command();
        c.commandId = UUID.randomUUID().toString();
        c.heatpumpId = p.id;
        c.sensor = sensor;
        c.value = value.toString();
        c.requestedBy = actor.name().length() > 200 ? actor.name().substring(0, 200) : actor.name();
        c.source = actor.source();
        c.requestedAt = Instant.now();
        c.outcome = "pending";
        CommandRecord record = new CommandRecord(1, c.commandId, p.id, sensor, value, c.requestedBy, c.requestedAt,
                c.source);
        return commands.persist(c)
                .call(() -> outbox.add(Outbox.COMMANDS_TOPIC, p.id, record))
                .call(() -> audit.record(new AuditService.Change(c.requestedBy, "control", "heatpump", p.id, p.id,
                        sensor, null, c.value, "pending", c.commandId)));
    }

    public Uni<CommandView> get(String heatpumpId, String commandId) {
        return commands.find(commandId).map(c -> {
            if (c == null || !c.heatpumpId.equals(heatpumpId)) {
                throw ApiProblem.notFound("command " + commandId + " of heat pump " + heatpumpId);
            }
            return view(c);
        });
    }

    /** Applies a heatpump.command-results record to the command, its audit entry and its job run. */
    @WithTransaction
    public Uni<Void> applyResult(String commandId, String heatpumpId, String outcome, JsonNode result) {
        return commands.findById(commandId).chain(c -> {
            if (c == null || !c.heatpumpId.equals(heatpumpId)) {
                return Uni.createFrom().voidItem();
            }
            c.outcome = outcome;
            c.reason = result.hasNonNull("reason") ? result.get("reason").asText() : null;
            c.oldValue = scalar(result.get("old_value"));
            c.readBackValue = scalar(result.get("read_back_value"));
            c.completedAt = parse(result.path("completed_at").asText(null));
            return audit.commandOutcome(commandId, outcome, c.oldValue)
                    .chain(() -> jobRuns.update("outcome = ?1 where commandId = ?2", outcome, commandId))
                    .replaceWithVoid();
        });
    }

    private CommandView view(Command c) {
        return new CommandView(c.commandId, c.heatpumpId, c.sensor, readTree(c.value), c.requestedBy, c.source,
                c.requestedAt, c.outcome, c.reason, readTree(c.oldValue), readTree(c.readBackValue), c.completedAt);
    }

    private JsonNode readTree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String scalar(JsonNode n) {
        return n == null || n.isNull() ? null : n.toString();
    }

    private static Instant parse(String s) {
        try {
            return s == null ? Instant.now() : Instant.parse(s);
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }
}
