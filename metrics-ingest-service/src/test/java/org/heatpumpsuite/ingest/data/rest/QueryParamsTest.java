package org.heatpumpsuite.ingest.data.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.heatpumpsuite.ingest.config.IngestConfig;
import org.heatpumpsuite.ingest.data.service.Aggregation;
import org.heatpumpsuite.ingest.data.service.PromQl;
import org.heatpumpsuite.ingest.data.service.RangeQuery;
import org.heatpumpsuite.ingest.pump.service.Pump;
import org.heatpumpsuite.ingest.rest.BadParameterException;
import org.heatpumpsuite.ingest.rest.Problem.FieldError;
import org.junit.jupiter.api.Test;

/** Range parameters: defaults, bounds, and a problem naming each parameter at fault. */
class QueryParamsTest {

    static final Instant NOW = Instant.parse("2025-01-26T10:00:00Z");
    static final List<Pump> ONE = List.of(new Pump("hp-00000001", "idm", "navigator_2_0"));

    /** The defaults of application.properties / IngestConfig. */
    static final IngestConfig.Query BOUNDS = new IngestConfig.Query() {
        public Duration latestWindow() { return Duration.ofHours(24); }
        public Duration maxRange() { return Duration.ofDays(731); }
        public Duration minStep() { return Duration.ofSeconds(1); }
        public int maxPointsPerSeries() { return 11000; }
        public int maxPoints() { return 200000; }
        public int maxPumps() { return 50; }
        public int defaultPoints() { return 500; }
        public Duration defaultRange() { return Duration.ofHours(24); }
        public Duration availableLookback() { return Duration.ofDays(31); }
        public Duration timeout() { return Duration.ofSeconds(20); }
    };

    static RangeQuery range(String start, String end, String range, String step, String aggregation) {
        return QueryParams.range(BOUNDS, "temp_outside", ONE, start, end, range, step, aggregation, NOW);
    }

    static List<FieldError> errors(Runnable r) {
        try {
            r.run();
        } catch (BadParameterException e) {
            return e.errors();
        }
        throw new AssertionError("no BadParameterException");
    }

    @Test
    void withoutParametersTheLastDayInAboutFiveHundredPoints() {
        RangeQuery q = range(null, null, null, null, null);
        assertThat(q.start()).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(q.end()).isEqualTo(NOW);
        assertThat(q.step()).isEqualTo(Duration.ofSeconds(173));
        assertThat(q.aggregation()).isEqualTo(Aggregation.AVG);
    }

    @Test
    void rangeAndStepAcceptShortAndIsoDurations() {
        RangeQuery q = range(null, "2025-01-26T09:00:00.000Z", "7d", "PT1H", "max");
        assertThat(q.start()).isEqualTo(Instant.parse("2025-01-19T09:00:00Z"));
        assertThat(q.step()).isEqualTo(Duration.ofHours(1));
        assertThat(q.aggregation()).isEqualTo(Aggregation.MAX);
    }

    @Test
    void everyBadParameterIsNamed() {
        assertThat(errors(() -> QueryParams.range(BOUNDS, "Temp Outside", ONE, "yesterday", "2025-13-01", null,
                "-5s", "median", NOW))).extracting(FieldError::field)
                .containsExactly("sensor", "aggregation", "end", "start", "step");
        assertThat(errors(() -> QueryParams.range(BOUNDS, null, ONE, null, null, null, null, null, NOW)))
                .extracting(FieldError::field).containsExactly("sensor");
        assertThat(errors(() -> range("2025-01-25T00:00:00Z", null, "1h", null, null)))
                .containsExactly(new FieldError("range", "give either start or range, not both"));
        assertThat(errors(() -> range("2025-01-27T00:00:00Z", null, null, null, null)))
                .containsExactly(new FieldError("start", "must lie before end"));
    }

    @Test
    void rangeStepPumpsAndAnswerSizeAreBounded() {
        assertThat(errors(() -> range(null, null, "800d", null, null)))
                .containsExactly(new FieldError("range", "the range may span at most 731 days"));
        assertThat(errors(() -> range(null, null, "7d", "10s", null))).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("step"))
                .satisfies(e -> assertThat(e.message()).contains("60481 points per series; at most 11000"));
        List<Pump> many = IntStream.range(0, 51).mapToObj(i -> new Pump("hp-%08x".formatted(i), "idm", "navigator_2_0")).toList();
        assertThat(errors(() -> QueryParams.range(BOUNDS, "temp_flow", many, null, null, "1h", null, null, NOW)))
                .extracting(FieldError::field).containsExactly("heatpump_id");
        List<Pump> fifty = many.subList(0, 50);
        assertThat(errors(() -> QueryParams.range(BOUNDS, "temp_flow", fifty, null, null, "1d", "10s", null, NOW)))
                .singleElement().satisfies(e -> assertThat(e.message()).contains("432050 points"));
    }

    @Test
    void heatpumpIdsMustLookLikeOnes() {
        assertThat(QueryParams.heatpumpIds(List.of("hp-0000000a", "hp-legacy", "hp-0000000a")))
                .containsExactly("hp-0000000a", "hp-legacy");
        assertThatThrownBy(() -> QueryParams.heatpumpIds(List.of("hp-1", "hp-0000000A\"}")))
                .isInstanceOf(BadParameterException.class).hasMessageContaining("heatpump_id");
    }

    @Test
    void queriesAreBuiltFromCheckedIdsOnly() {
        assertThat(PromQl.range(PromQl.sensor("idm_heatpump", "temp_outside", ONE), Aggregation.AVG, Duration.ofSeconds(60)))
                .isEqualTo("avg_over_time(idm_heatpump_temp_outside{heatpump_id=~\"hp-00000001\"}[60s])");
        assertThat(PromQl.latest(PromQl.everySensor("idm_heatpump", null), Duration.ofHours(24)))
                .isEqualTo("label_set(tlast_over_time({__name__=~\"idm_heatpump_.+\"}[86400s]) keep_metric_names, "
                        + "\"ingest_latest_ts\", \"1\") or last_over_time({__name__=~\"idm_heatpump_.+\"}[86400s])");
    }
}
