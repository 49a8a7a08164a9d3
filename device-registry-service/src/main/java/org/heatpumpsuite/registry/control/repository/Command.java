package org.heatpumpsuite.registry.control.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A command sent to heatpump.commands and, once known, its outcome from heatpump.command-results. */
@Entity
@Table(name = "commands")
public class Command {

    @Id
    @Column(name = "command_id")
    public String commandId;
    @Column(name = "heatpump_id")
    public String heatpumpId;
    public String sensor;
    /** JSON scalar. */
    public String value;
    @Column(name = "requested_by")
    public String requestedBy;
    public String source;
    @Column(name = "requested_at")
    public Instant requestedAt;
    public String outcome;
    public String reason;
    @Column(name = "old_value")
    public String oldValue;
    @Column(name = "read_back_value")
    public String readBackValue;
    @Column(name = "completed_at")
    public Instant completedAt;
}
