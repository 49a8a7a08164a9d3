package org.heatpumpsuite.registry.dashboard.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dashboard (PLAN.md 1.2); {@code config} is the document of docs/contracts/dashboard.md. */
@Entity
@Table(name = "dashboards")
public class Dashboard {

    @Id
    public String id;
    public String name;
    /** null = overview over all pumps. */
    @Column(name = "heatpump_id")
    public String heatpumpId;
    public String config;
    public int position;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
