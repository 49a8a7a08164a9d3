package org.heatpumpsuite.polling.catalogue.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.heatpumpsuite.polling.vendor.Catalogue;
import org.heatpumpsuite.polling.vendor.CatalogueEntry;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.Record;

/** Publishes every model's catalogue record on heatpump.catalogue (key manufacturer/model) at start-up. */
@ApplicationScoped
public class CataloguePublisher {

    public static final String CATALOGUE = "catalogue";

    @Inject
    @Channel(CATALOGUE)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<Record<String, String>> catalogue;

    void onStart(@Observes StartupEvent event) {
        int n = 0;
        for (CatalogueEntry e : Catalogue.entries()) {
            catalogue.send(Record.of(e.key(), Catalogue.json(e))).whenComplete((v, err) -> {
                if (err != null) {
                    Log.warnf("catalogue record %s not published: %s", e.key(), err.getMessage());
                }
            });
            n++;
        }
        Log.infof("publishing %d catalogue records", n);
    }
}
