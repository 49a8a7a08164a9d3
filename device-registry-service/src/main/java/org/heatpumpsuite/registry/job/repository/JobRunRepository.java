package org.heatpumpsuite.registry.job.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class JobRunRepository implements PanacheRepositoryBase<JobRun, String> {

    @WithSession
    public Uni<List<JobRun>> ofJob(String jobId, int limit) {
        return find("jobId", Sort.descending("scheduledFor"), jobId).page(Page.ofSize(limit)).list();
    }

    /**
     * Claims the run of a job for one instant: inserts the row unless it exists. The unique (job_id, scheduled_for)
     * makes exactly one replica win. Joins the caller's transaction; the new run's id, or null if it was taken.
     */
    public Uni<String> claim(String jobId, Instant scheduledFor) {
        String id = UUID.randomUUID().toString();
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO job_runs (id, job_id, scheduled_for,"
                + " started_at, outcome) VALUES (:id, :job, :at, now(), 'started')"
                + " ON CONFLICT (job_id, scheduled_for) DO NOTHING")
                .setParameter("id", id)
                .setParameter("job", jobId)
                .setParameter("at", scheduledFor.atOffset(ZoneOffset.UTC))
                .executeUpdate())
                .map(n -> n == 1 ? id : null);
    }
}
