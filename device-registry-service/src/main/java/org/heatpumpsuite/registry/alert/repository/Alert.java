package org.heatpumpsuite.registry.alert.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An alert rule (PLAN.md 1.2): {@code heatpump_id} null = every pump. */
@Entity
@Table(name = "alerts")
public class Alert {

    @Id
    public String id;
    @Column(name = "heatpump_id")
    public String heatpumpId;
    public String name;
    public String sensor;
    public String condition;
    public double threshold;
    @Column(name = "interval_seconds")
    public int intervalSeconds;
    public boolean enabled;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
