package org.heatpumpsuite.polling.simulator;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.heatpumpsuite.polling.transport.DeviceException;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/** Small helpers shared by the transport, simulator and vendor simulator tests. */
public final class TestSupport {

    private TestSupport() {
    }

    /** A Vert.x with few threads (the machine has 2 cores shared with others). */
    public static Vertx vertx(int eventLoops) {
        return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2));
    }

    /** The value of a stage, waiting at most 10 s. */
    public static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("stage failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("stage did not complete within 10 s", e);
        }
    }

    /** The DeviceException a stage failed with, waiting at most 10 s. */
    public static DeviceException failure(CompletionStage<?> stage) {
        try {
            Object v = stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + v);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            while (c instanceof CompletionException && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof DeviceException d) {
                return d;
            }
            throw new AssertionError("expected a DeviceException, got " + c, c);
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("stage did not complete within 10 s", e);
        }
    }

    public static void close(Vertx vertx) {
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // best effort
            }
        }
    }
}
