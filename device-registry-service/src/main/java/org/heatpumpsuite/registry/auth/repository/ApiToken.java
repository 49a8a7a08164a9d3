package org.heatpumpsuite.registry.auth.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An API token for an integration; the token is shown once, only its SHA-256 is kept. {@code id} is its jti. */
@Entity
@Table(name = "api_tokens")
public class ApiToken {

    @Id
    public String id;
    public String name;
    public String role;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
}
