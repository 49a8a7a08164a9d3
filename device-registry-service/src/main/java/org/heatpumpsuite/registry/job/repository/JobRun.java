package org.heatpumpsuite.registry.job.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One run of a job for one scheduled instant (unique per job and instant) and its outcome. */
@Entity
@Table(name = "job_runs")
public class JobRun {

    @Id
    public String id;
    @Column(name = "job_id")
    public String jobId;
    @Column(name = "scheduled_for")
    public Instant scheduledFor;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "command_id")
    public String commandId;
    public String outcome;
    public String detail;
}
