package org.heatpumpsuite.registry.job.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A scheduled write: at {@code timeOfDay} on {@code days} in {@code timeZone}, write {@code value} to {@code sensor}. */
@Entity
@Table(name = "jobs")
public class Job {

    @Id
    public String id;
    @Column(name = "heatpump_id")
    public String heatpumpId;
    public String name;
    public String sensor;
    /** JSON scalar. */
    public String value;
    @Column(name = "time_of_day")
    public String timeOfDay;
    /** Comma-separated: mon,tue,... */
    public String days;
    @Column(name = "time_zone")
    public String timeZone;
    public boolean enabled;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
