package org.heatpumpsuite.registry.config;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Where work runs: Hibernate Reactive needs a safe Vert.x duplicated context (scheduled jobs and start-up tasks
 * create one), and blocking work (bcrypt, the Kafka producer) must stay off the event loop.
 */
@ApplicationScoped
public class Contexts {

    @Inject
    Vertx vertx;

    /** Runs a reactive pipeline on a fresh, safe duplicated context; callable from any thread. */
    public <T> Uni<T> onNewContext(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> {
                Uni<T> uni;
                try {
                    uni = work.get();
                } catch (RuntimeException e) {
                    emitter.fail(e);
                    return;
                }
                uni.subscribe().with(emitter::complete, emitter::fail);
            });
        });
    }

    /** Runs blocking work on a worker thread; the result is delivered on the calling Vert.x context. */
    public <T> Uni<T> blocking(Callable<T> work) {
        return Uni.createFrom().completionStage(() -> vertx.executeBlocking(work, false).toCompletionStage());
    }
}
