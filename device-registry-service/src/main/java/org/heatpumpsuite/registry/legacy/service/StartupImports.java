package org.heatpumpsuite.registry.legacy.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.registry.auth.service.Actor;
import org.heatpumpsuite.registry.catalogue.service.CatalogueService;
import org.heatpumpsuite.registry.config.Contexts;
import org.heatpumpsuite.registry.config.RegistryConfig;
import org.heatpumpsuite.registry.heatpump.service.HeatpumpInput;
import org.heatpumpsuite.registry.heatpump.service.HeatpumpService;
import org.heatpumpsuite.registry.legacy.repository.ImportMarker;
import org.heatpumpsuite.registry.legacy.repository.ImportMarkerRepository;
import org.heatpumpsuite.registry.rest.ApiProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * What the registry does once, after start-up, as soon as the catalogue lists the models it needs: the legacy import
 * from {@code registry.legacy-import.file}, and the demo pumps of {@code registry.demo.pumps} when
 * {@code registry.demo.enabled} (the local run's demo mode). Each happens once per installation (an {@code imports}
 * row), so a deleted demo pump stays deleted and a second start imports nothing.
 */
@ApplicationScoped
public class StartupImports {

    @Inject
    RegistryConfig config;
    @Inject
    LegacyImportService legacy;
    @Inject
    HeatpumpService pumps;
    @Inject
    CatalogueService catalogue;
    @Inject
    ImportMarkerRepository markers;
    @Inject
    Contexts contexts;
    @Inject
    ObjectMapper mapper;

    private volatile boolean legacyDone;
    private final Set<String> demoDone = new HashSet<>();
    private volatile boolean legacyWarned;

    @Scheduled(every = "${registry.startup-interval:5s}", delay = 2, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!legacyDone) {
            legacyDone = importLegacyFile();
        }
        if (config.demo().enabled()) {
            for (RegistryConfig.DemoPump demo : config.demo().pumps()) {
                if (!demoDone.contains(demo.id()) && registerDemo(demo)) {
                    demoDone.add(demo.id());
                }
            }
        }
    }

    /** True when there is nothing (more) to do. */
    private boolean importLegacyFile() {
        if (config.legacyImport().file().isEmpty()) {
            return true;
        }
        Path file = Path.of(config.legacyImport().file().get());
        JsonNode export;
        try {
            export = mapper.readTree(Files.readString(file));
        } catch (IOException e) {
            Log.errorf("legacy import: cannot read %s (%s); fix the file or unset registry.legacy-import.file",
                    file, e.getMessage());
            return true;
        }
        try {
            var report = contexts.onNewContext(() -> legacy.importExport(export, Actor.system("legacy-import")))
                    .await().atMost(Duration.ofSeconds(60));
            if (report.imported()) {
                Log.infof("legacy import from %s: pump %s, %d alert rule(s), %d job(s), %d entr(y/ies) skipped: %s",
                        file, report.heatpumpId(), report.alertsImported(), report.jobsImported(),
                        report.skipped().size(), report.skipped());
            } else {
                Log.debugf("legacy import: %s", report.message());
            }
            return true;
        } catch (ApiProblem p) {
            if (p.status() == 503) {
                if (!legacyWarned) {
                    Log.infof("legacy import waits for the catalogue: %s", p.getMessage());
                    legacyWarned = true;
                }
                return false;
            }
            Log.errorf("legacy import from %s refused: %s %s", file, p.getMessage(), p.problem().errors());
            return true;
        } catch (RuntimeException e) {
            Log.warnf("legacy import from %s failed, retrying: %s", file, e.getMessage());
            return false;
        }
    }

    /** True when the demo pump exists or was registered before (and perhaps deleted since). */
    private boolean registerDemo(RegistryConfig.DemoPump demo) {
        String marker = "demo:" + demo.id();
        try {
            return contexts.onNewContext(() -> markers.find(marker).chain(done -> {
                if (done != null) {
                    return Uni.createFrom().item(true);
                }
                return catalogue.model(demo.manufacturer(), demo.model()).chain(spec -> {
                    if (spec == null) {
                        return Uni.createFrom().item(false);
                    }
                    HeatpumpInput in = new HeatpumpInput(demo.name(), demo.manufacturer(), demo.model(),
                            new HeatpumpInput.ConnectionInput(demo.host(), demo.port(), demo.unitId().orElse(null),
                                    null, null),
                            null, null, true, false);
                    return pumps.validateNew(in).chain(v -> Panache.withTransaction(() -> {
                        ImportMarker m = new ImportMarker();
                        m.name = marker;
                        m.importedAt = java.time.Instant.now();
                        m.report = "demo pump " + demo.id();
                        return markers.persist(m).chain(() -> pumps.repositoryHas(demo.id())).chain(exists -> exists
                                ? Uni.createFrom().item(true)
                                : pumps.insert(v, demo.id(), true, Actor.system("demo")).replaceWith(true));
                    })).invoke(() -> Log.infof("registered demo pump %s (%s/%s at %s:%d)", demo.id(),
                            demo.manufacturer(), demo.model(), demo.host(), demo.port()));
                });
            })).await().atMost(Duration.ofSeconds(60));
        } catch (ApiProblem p) {
            Log.errorf("demo pump %s is invalid: %s %s", demo.id(), p.getMessage(), p.problem().errors());
            return true;
        } catch (RuntimeException e) {
            Log.warnf("demo pump %s not registered yet: %s", demo.id(), e.getMessage());
            return false;
        }
    }
}
