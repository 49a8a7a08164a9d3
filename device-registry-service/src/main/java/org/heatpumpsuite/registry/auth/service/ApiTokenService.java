package org.heatpumpsuite.registry.auth.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.registry.audit.service.AuditService;
import org.heatpumpsuite.registry.audit.service.AuditService.Change;
import org.heatpumpsuite.registry.auth.repository.ApiToken;
import org.heatpumpsuite.registry.auth.repository.ApiTokenRepository;
import org.heatpumpsuite.registry.config.Contexts;
import org.heatpumpsuite.registry.config.RegistryConfig;
import org.heatpumpsuite.registry.rest.ApiProblem;
import org.heatpumpsuite.registry.rest.Problem.FieldError;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * API tokens for integrations: signed JWTs with a role, shown once, stored as a SHA-256 hash. Revoking one makes the
 * registry refuse it at once; the other services verify signatures only and accept it until it expires (keep
 * {@code registry.tokens.api-lifetime} short where that matters).
 */
@ApplicationScoped
public class ApiTokenService {

    /** A new token: the only time the token text is shown. */
    public record Created(String id, String name, String role, String token, Instant createdAt, Instant expiresAt) {
    }

    /** A token as listed (never the token text). */
    public record TokenView(String id, String name, String role, String createdBy, Instant createdAt,
            Instant expiresAt, Instant revokedAt, boolean active) {
    }

    /** What an admin asks for; {@code expires_in_days} absent = the configured default lifetime. */
    public record TokenInput(String name, String role, Integer expiresInDays) {
    }

    @Inject
    ApiTokenRepository repository;
    @Inject
    TokenIssuer issuer;
    @Inject
    AuditService audit;
    @Inject
    Contexts contexts;
    @Inject
    RegistryConfig config;

    public Uni<Created> create(TokenInput in, Actor actor) {
        if (in == null) {
            throw ApiProblem.invalid("body", "a token object is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (in.name() == null || in.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (in.name().length() > 100 || !in.name().matches("^[A-Za-z0-9._@ -]+$")) {
            errors.add(new FieldError("name", "1..100 characters of A-Z, a-z, 0-9, space, . _ @ -"));
        }
        if (in.role() == null) {
            errors.add(new FieldError("role", "is required"));
        } else if (!Roles.known(in.role())) {
            errors.add(new FieldError("role", "must be viewer, operator or admin"));
        }
        Duration lifetime = config.tokens().apiLifetime();
        if (in.expiresInDays() != null) {
            lifetime = Duration.ofDays(in.expiresInDays());
            if (in.expiresInDays() < 1 || lifetime.compareTo(config.tokens().apiMaxLifetime()) > 0) {
                errors.add(new FieldError("expires_in_days", "must be 1.." + config.tokens().apiMaxLifetime().toDays()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Instant expires = now.plus(lifetime);
        return contexts.blocking(() -> issuer.api(in.name(), in.role(), id, expires))
                .chain(token -> Panache.withTransaction(() -> {
                    ApiToken t = new ApiToken();
                    t.id = id;
                    t.name = in.name();
                    t.role = in.role();
                    t.tokenHash = sha256(token);
                    t.createdBy = actor.name();
                    t.createdAt = now;
                    t.expiresAt = expires;
                    return repository.persist(t)
                            .call(() -> audit.record(Change.of(actor.name(), "create", "api_token", id, null, null,
                                    in.name() + " (" + in.role() + ")")))
                            .replaceWith(new Created(id, t.name, t.role, token, now, expires));
                }));
    }

    public Uni<List<TokenView>> list() {
        Instant now = Instant.now();
        return repository.listSorted().map(l -> l.stream().map(t -> new TokenView(t.id, t.name, t.role,
                t.createdBy, t.createdAt, t.expiresAt, t.revokedAt, t.revokedAt == null && t.expiresAt.isAfter(now)))
                .toList());
    }

    /** Revokes a token; revoking twice is no error. */
    public Uni<Void> revoke(String id, Actor actor) {
        return Panache.withTransaction(() -> repository.findById(id).chain(t -> {
            if (t == null) {
                throw ApiProblem.notFound("API token " + id);
            }
            if (t.revokedAt != null) {
                return Uni.createFrom().voidItem();
            }
            t.revokedAt = Instant.now();
            return audit.record(Change.of(actor.name(), "revoke", "api_token", id, null, t.name, null));
        }));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
