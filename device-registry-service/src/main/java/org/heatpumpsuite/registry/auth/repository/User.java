package org.heatpumpsuite.registry.auth.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user who logs in with a password (bcrypt hash) and has one role. */
@Entity
@Table(name = "users")
public class User {

    @Id
    public String id;
    public String username;
    @Column(name = "password_hash")
    public String passwordHash;
    public String role;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;
}
