package org.heatpumpsuite.polling.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.heatpumpsuite.polling.simulator.MutableClock;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Frame errors are counted per pump and kind, and logged with the pump in the log context, rate-limited. */
class FrameErrorsTest {

    @Test
    void countedPerPumpAndLoggedOncePerMinute() {
        MutableClock clock = new MutableClock();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FrameErrors errors = new FrameErrors(registry, clock, "Modbus");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        List<String> mdc = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(FrameErrors.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
                if (r instanceof org.jboss.logmanager.ExtLogRecord ext) {
                    mdc.add(String.valueOf(ext.getMdc("heatpump_id"))); // read while the MDC is set
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            errors.record("hp-00000001", "garbage", "protocol id 0x1234");
            errors.record("hp-00000001", "garbage", "protocol id 0x1234");
            errors.record("hp-00000001", "garbage", "protocol id 0x1234");
            errors.record("hp-00000002", "truncated", "8 bytes");
            clock.advance(Duration.ofMinutes(1));
            errors.record("hp-00000001", "garbage", "protocol id 0x1234");
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(errors.count("hp-00000001", "garbage")).isEqualTo(4);
        assertThat(errors.total("hp-00000002")).isEqualTo(1);
        assertThat(errors.count("hp-00000002", "garbage")).isZero();
        assertThat(registry.get(FrameErrors.METRIC).tag("heatpump_id", "hp-00000001").tag("kind", "garbage").counter()
                .count()).isEqualTo(4.0);
        List<String> lines = records.stream().map(r -> r.getMessage() == null ? "" : formatted(r)).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).contains("2 more of this kind");
        if (!mdc.isEmpty()) {
            assertThat(mdc).containsExactly("hp-00000001", "hp-00000002", "hp-00000001");
        }
    }

    private static String formatted(LogRecord r) {
        if (r instanceof org.jboss.logmanager.ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        return r.getMessage();
    }
}
