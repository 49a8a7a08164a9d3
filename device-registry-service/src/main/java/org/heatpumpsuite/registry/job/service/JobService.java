package org.heatpumpsuite.registry.job.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.registry.audit.service.AuditService;
import org.heatpumpsuite.registry.audit.service.AuditService.Change;
import org.heatpumpsuite.registry.auth.service.Actor;
import org.heatpumpsuite.registry.catalogue.service.CatalogueService;
import org.heatpumpsuite.registry.catalogue.service.ModelSpec;
import org.heatpumpsuite.registry.config.RegistryConfig;
import org.heatpumpsuite.registry.control.service.ControlService;
import org.heatpumpsuite.registry.control.service.WriteCheck;
import org.heatpumpsuite.registry.heatpump.repository.Heatpump;
import org.heatpumpsuite.registry.heatpump.repository.HeatpumpRepository;
import org.heatpumpsuite.registry.job.repository.Job;
import org.heatpumpsuite.registry.job.repository.JobRepository;
import org.heatpumpsuite.registry.job.repository.JobRunRepository;
import org.heatpumpsuite.registry.rest.ApiProblem;
import org.heatpumpsuite.registry.rest.Problem.FieldError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Jobs (the plan's scheduled writes) and running them: each due instant is claimed with a unique row, then the write
 * goes out as a command like one from the UI (source job); the run records the command and, later, its outcome.
 */
@ApplicationScoped
public class JobService {

    @Inject
    JobRepository repository;
    @Inject
    JobRunRepository runs;
    @Inject
    HeatpumpRepository pumps;
    @Inject
    CatalogueService catalogue;
    @Inject
    ControlService control;
    @Inject
    AuditService audit;
    @Inject
    RegistryConfig config;
    @Inject
    ObjectMapper mapper;

    /** The installation's time zone: {@code registry.jobs.default-time-zone}, else the JVM's. */
    public ZoneId defaultZone() {
        return config.jobs().defaultTimeZone().map(ZoneId::of).orElse(ZoneId.systemDefault());
    }

    /** Every violation of a job for a pump of model {@code spec} (field names prefixed with {@code prefix}). */
    public static List<FieldError> validate(JobInput in, ModelSpec spec, JsonNode deviceConfig, String prefix) {
        List<FieldError> errors = new ArrayList<>(WriteCheck.check(in.sensor(), in.value(), spec, deviceConfig, prefix));
        if (in.time() == null) {
            errors.add(new FieldError(prefix + "time", "is required"));
        } else if (JobSchedule.parseTime(in.time()) == null) {
            errors.add(new FieldError(prefix + "time", "must be HH:MM (24 h)"));
        }
        if (in.days() == null || in.days().isEmpty()) {
            errors.add(new FieldError(prefix + "days", "needs at least one of mon, tue, wed, thu, fri, sat, sun"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < in.days().size(); i++) {
                String d = in.days().get(i);
                if (d == null || !JobSchedule.DAYS.containsKey(d)) {
                    errors.add(new FieldError(prefix + "days[" + i + "]", "must be one of mon, tue, wed, thu, fri, sat, sun"));
                } else if (!seen.add(d)) {
                    errors.add(new FieldError(prefix + "days[" + i + "]", "listed twice"));
                }
            }
        }
        if (in.timeZone() != null && !ZoneId.getAvailableZoneIds().contains(in.timeZone())) {
            errors.add(new FieldError(prefix + "time_zone", "not an IANA time zone (e.g. Europe/Berlin)"));
        }
        if (in.name() != null && (in.name().isBlank() || in.name().length() > 100)) {
            errors.add(new FieldError(prefix + "name", "must be 1..100 characters"));
        }
        return errors;
    }

    public Uni<List<JobView>> list(String heatpumpId) {
        return repository.search(heatpumpId).map(l -> l.stream().map(this::view).toList());
    }

    public Uni<JobView> get(String id) {
        return repository.find(id).map(j -> {
            if (j == null) {
                throw ApiProblem.notFound("job " + id);
            }
            return view(j);
        });
    }

    public Uni<List<JobView.Run>> runs(String id) {
        return repository.find(id).chain(j -> {
            if (j == null) {
                throw ApiProblem.notFound("job " + id);
            }
            return runs.ofJob(id, 100).map(l -> l.stream().map(r -> new JobView.Run(r.id, r.scheduledFor,
                    r.startedAt, r.commandId, r.outcome, r.detail)).toList());
        });
    }

    @WithTransaction
    public Uni<JobView> create(JobInput in, Actor actor) {
        return checked(in).chain(pump -> insert(in, actor));
    }

    /** Stores a validated job; joins the caller's transaction. */
    public Uni<JobView> insert(JobInput in, Actor actor) {
        Job j = new Job();
        j.id = UUID.randomUUID().toString();
        j.createdAt = Instant.now();
        apply(j, in);
        return repository.persist(j).call(() -> audit.record(Change.of(actor.name(), "create", "job", j.id,
                j.heatpumpId, null, describe(j)))).map(this::view);
    }

    /** Replaces a job (every field as for POST). */
    @WithTransaction
    public Uni<JobView> update(String id, JobInput in, Actor actor) {
        return repository.findById(id).chain(j -> {
            if (j == null) {
                throw ApiProblem.notFound("job " + id);
            }
            return checked(in).chain(pump -> {
                String old = describe(j);
                apply(j, in);
                return audit.record(Change.of(actor.name(), "update", "job", id, j.heatpumpId, old, describe(j)))
                        .map(v -> view(j));
            });
        });
    }

    @WithTransaction
    public Uni<Void> delete(String id, Actor actor) {
        return repository.findById(id).chain(j -> {
            if (j == null) {
                throw ApiProblem.notFound("job " + id);
            }
            return repository.delete(j).call(() -> audit.record(Change.of(actor.name(), "delete", "job", id,
                    j.heatpumpId, describe(j), null)));
        });
    }

    private Uni<Heatpump> checked(JobInput in) {
        if (in == null) {
            throw ApiProblem.invalid("body", "a job object is required");
        }
        if (in.heatpumpId() == null) {
            List<FieldError> errors = new ArrayList<>(List.of(new FieldError("heatpump_id", "is required")));
            errors.addAll(validate(in, null, null, "").stream().filter(e -> !e.field().equals("sensor")).toList());
            throw ApiProblem.invalid(errors);
        }
        return pumps.findById(in.heatpumpId()).chain(p -> {
            if (p == null) {
                throw ApiProblem.invalid("heatpump_id", "no heat pump " + in.heatpumpId());
            }
            return catalogue.model(p.manufacturer, p.model).map(spec -> {
                List<FieldError> errors = validate(in, spec, readTree(p.deviceConfig), "");
                if (!errors.isEmpty()) {
                    throw ApiProblem.invalid(errors);
                }
                return p;
            });
        });
    }

    /** Runs every job whose scheduled instant passed (within the catch-up window), once per instant. */
    public Uni<Integer> runDue(Instant now) {
        Instant horizon = now.minus(config.jobs().catchUp());
        return repository.enabled().chain(list -> Multi.createFrom().iterable(list)
                .onItem().<Integer>transformToUniAndConcatenate(job -> {
                    Instant after = job.createdAt.isAfter(horizon) ? job.createdAt : horizon;
                    List<Instant> due = JobSchedule.due(JobSchedule.parseTime(job.timeOfDay),
                            JobSchedule.days(job.days), ZoneId.of(job.timeZone), after, now);
                    return Multi.createFrom().iterable(due).onItem()
                            .<Integer>transformToUniAndConcatenate(at -> fire(job, at)
                                    .onFailure().recoverWithItem(e -> {
                                        Log.warnf("job %s at %s failed: %s", job.id, at, e.getMessage());
                                        return 0;
                                    }))
                            .collect().asList().map(l -> l.stream().mapToInt(Integer::intValue).sum());
                })
                .collect().asList().map(l -> l.stream().mapToInt(Integer::intValue).sum()));
    }

    private Uni<Integer> fire(Job job, Instant at) {
        return Panache.withTransaction(() -> runs.claim(job.id, at).chain(runId -> {
            if (runId == null) {
                return Uni.createFrom().item(0);
            }
            return pumps.lock(job.heatpumpId).chain(pump -> catalogue.model(pump.manufacturer, pump.model)
                    .chain(spec -> {
                        JsonNode value = readTree(job.value);
                        List<FieldError> errors = WriteCheck.check(job.sensor, value, spec, readTree(pump.deviceConfig), "");
                        if (!errors.isEmpty()) {
                            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).toList().toString();
                            Log.warnf("job %s at %s not sent: %s", job.id, at, detail);
                            return runs.update("outcome = ?1, detail = ?2 where id = ?3", "failed", detail, runId)
                                    .replaceWith(0);
                        }
                        Actor actor = Actor.job(job.name != null ? job.name : job.id);
                        return control.enqueue(pump, job.sensor, value, actor)
                                .chain(c -> runs.update("outcome = ?1, commandId = ?2 where id = ?3", "sent",
                                        c.commandId, runId))
                                .invoke(() -> Log.infof("job %s ran for %s: %s = %s", job.id, at, job.sensor, job.value))
                                .replaceWith(1);
                    }));
        }));
    }

    private void apply(Job j, JobInput in) {
        j.heatpumpId = in.heatpumpId();
        j.name = in.name();
        j.sensor = in.sensor();
        j.value = in.value().toString();
        j.timeOfDay = in.time();
        List<String> days = new ArrayList<>(JobSchedule.DAY_ORDER);
        days.retainAll(in.days());
        j.days = String.join(",", days);
        j.timeZone = in.timeZone() != null ? in.timeZone() : defaultZone().getId();
        j.enabled = in.enabled() == null || in.enabled();
        j.updatedAt = Instant.now();
    }

    private static String describe(Job j) {
        return j.sensor + " = " + j.value + " at " + j.timeOfDay + " " + j.days + " " + j.timeZone
                + (j.enabled ? "" : " (disabled)");
    }

    private JobView view(Job j) {
        LocalTime t = JobSchedule.parseTime(j.timeOfDay);
        Set<DayOfWeek> days = JobSchedule.days(j.days);
        Instant next = j.enabled && t != null ? JobSchedule.next(t, days, ZoneId.of(j.timeZone), Instant.now()) : null;
        return new JobView(j.id, j.heatpumpId, j.name, j.sensor, readTree(j.value), j.timeOfDay,
                Arrays.asList(j.days.split(",")), j.timeZone, j.enabled, next, j.createdAt, j.updatedAt);
    }

    private JsonNode readTree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
