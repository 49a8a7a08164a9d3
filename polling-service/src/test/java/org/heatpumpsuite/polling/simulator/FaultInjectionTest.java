package org.heatpumpsuite.polling.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.heatpumpsuite.polling.simulator.FaultInjection.Kind;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    @Test
    void faultsApplyUntilClearedOrForTheNextNRequests() {
        FaultInjection f = new FaultInjection();
        assertThat(f.next().kind()).isEqualTo(Kind.NONE);
        f.slow(Duration.ofMillis(5));
        assertThat(f.next().kind()).isEqualTo(Kind.SLOW);
        assertThat(f.next().delay()).isEqualTo(Duration.ofMillis(5));
        f.exception(6).times(2);
        assertThat(f.next().exceptionCode()).isEqualTo(6);
        assertThat(f.next().kind()).isEqualTo(Kind.EXCEPTION);
        assertThat(f.next().kind()).isEqualTo(Kind.NONE);
        f.noReply();
        assertThat(f.current().kind()).isEqualTo(Kind.NO_REPLY);
        f.clear();
        assertThat(f.next().kind()).isEqualTo(Kind.NONE);
    }
}
