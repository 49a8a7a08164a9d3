package org.heatpumpsuite.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * For outage tests: the application under test talks to a broker in a separate process that the test may stop and
 * start (field annotated {@link InjectKafkaProcess}). Suite topics are created on start.
 */
public class KafkaProcessResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link KafkaProcess} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectKafkaProcess {
    }

    private KafkaProcess kafka;

    @Override
    public Map<String, String> start() {
        kafka = new KafkaProcess().start();
        Topics.createAll(kafka.bootstrapServers());
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(kafka, new TestInjector.AnnotatedAndMatchesType(InjectKafkaProcess.class,
                KafkaProcess.class));
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
