package org.heatpumpsuite.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real VictoriaMetrics per test resource instance and exposes {@code victoriametrics.url}; the test gets the
 * process through a field annotated {@link InjectVictoriaMetrics} (query, force-flush, stop/start for outages).
 */
public class VictoriaMetricsResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link VictoriaMetricsProcess} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectVictoriaMetrics {
    }

    private VictoriaMetricsProcess vm;

    @Override
    public Map<String, String> start() {
        vm = new VictoriaMetricsProcess().start();
        return Map.of("victoriametrics.url", vm.url());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(vm, new TestInjector.AnnotatedAndMatchesType(InjectVictoriaMetrics.class,
                VictoriaMetricsProcess.class));
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.close();
        }
    }
}
