package org.heatpumpsuite.registry.heatpump.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest heatpump.status record of a pump. */
@Entity
@Table(name = "heatpump_status")
public class HeatpumpStatus {

    @Id
    @Column(name = "heatpump_id")
    public String heatpumpId;
    public boolean connected;
    @Column(name = "consecutive_errors")
    public int consecutiveErrors;
    /** JSON error object of the status contract, or null. */
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "last_success_at")
    public Instant lastSuccessAt;
    @Column(name = "last_reading_at")
    public Instant lastReadingAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
