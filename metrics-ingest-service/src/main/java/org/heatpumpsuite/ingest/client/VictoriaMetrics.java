package org.heatpumpsuite.ingest.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.heatpumpsuite.ingest.config.IngestConfig;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Talks to VictoriaMetrics: blocking import for the write path, non-blocking queries for the read API. */
@ApplicationScoped
public class VictoriaMetrics {

    /** How an import attempt ended. */
    public enum Outcome {
        /** 2xx: the samples are stored. */
        ACCEPTED,
        /** Not reachable, timed out, 5xx or 429: try again later. */
        RETRY,
        /** Any other 4xx: the same request will never be accepted. */
        REJECTED
    }

    /** The result of one import attempt; {@code detail} says why it was not accepted. */
    public record WriteResult(Outcome outcome, String detail) {
    }

    @Inject
    @RestClient
    VictoriaMetricsClient client;
    @Inject
    ObjectMapper mapper;
    @Inject
    IngestConfig config;
    @Inject
    VictoriaMetricsWriter writer;

    /** Posts {@code length} bytes of Influx line protocol (ms timestamps) from the buffer; see {@link VictoriaMetricsWriter}. */
    public WriteResult write(byte[] buffer, int length) {
        return writer.write(buffer, length);
    }

    /** Drops VictoriaMetrics' cached query results (best effort). */
    public boolean resetRollupResultCache() {
        try {
            return client.resetRollupResultCache().getStatus() / 100 == 2;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether /health answers 200 within the timeout. */
    public Uni<Boolean> healthy(Duration timeout) {
        return client.health().map(r -> r.getStatus() == 200)
                .ifNoItem().after(timeout).recoverWithItem(false)
                .onFailure().recoverWithItem(false);
    }

    /** An instant query at {@code time}. */
    public Uni<List<VmSeries>> instant(String query, Instant time) {
        return answer(client.query(query, seconds(time)), "query");
    }

    /** A range query; VictoriaMetrics returns at most one point per step. */
    public Uni<List<VmSeries>> range(String query, Instant start, Instant end, Duration step) {
        return answer(client.queryRange(query, seconds(start), seconds(end), step.toSeconds() + "s"), "query_range");
    }

    /** Label sets of the series matching the selector with samples between start and end. */
    public Uni<List<Map<String, String>>> series(String selector, Instant start, Instant end) {
        return bounded(client.series(selector, seconds(start), seconds(end)))
                .map(r -> {
                    JsonNode data = body(r, "series").get("data");
                    List<Map<String, String>> out = new ArrayList<>();
                    if (data != null) {
                        for (JsonNode s : data) {
                            out.add(labels(s));
                        }
                    }
                    return out;
                });
    }

    private Uni<List<VmSeries>> answer(Uni<RestResponse<String>> call, String what) {
        return bounded(call).map(r -> {
            JsonNode data = body(r, what).path("data");
            List<VmSeries> out = new ArrayList<>();
            for (JsonNode s : data.path("result")) {
                Map<String, String> metric = labels(s.path("metric"));
                JsonNode single = s.get("value");
                if (single != null) {
                    out.add(new VmSeries(metric, new long[] { millis(single.get(0)) },
                            new String[] { single.get(1).asText() }));
                    continue;
                }
                JsonNode values = s.path("values");
                long[] ts = new long[values.size()];
                String[] vs = new String[values.size()];
                for (int i = 0; i < ts.length; i++) {
                    ts[i] = millis(values.get(i).get(0));
                    vs[i] = values.get(i).get(1).asText();
                }
                out.add(new VmSeries(metric, ts, vs));
            }
            return out;
        });
    }

    private Uni<RestResponse<String>> bounded(Uni<RestResponse<String>> call) {
        // a pooled keep-alive connection that VictoriaMetrics closed as idle fails the request sent on it
        // ("Connection was closed"): queries only read, so one more attempt on a fresh connection is safe
        return call.onFailure(VictoriaMetrics::connectionClosed).retry().atMost(1)
                .ifNoItem().after(config.query().timeout())
                .failWith(() -> new VictoriaMetricsUnavailableException("VictoriaMetrics did not answer within "
                        + config.query().timeout().toSeconds() + " s"))
                .onFailure(f -> !(f instanceof VictoriaMetricsUnavailableException))
                .transform(f -> new VictoriaMetricsUnavailableException("VictoriaMetrics not reachable: " + rootMessage(f)));
    }

    static boolean connectionClosed(Throwable f) {
        for (Throwable t = f; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.core.http.HttpClosedException
                    || (t.getMessage() != null && t.getMessage().contains("Connection was closed"))) {
                return true;
            }
        }
        return false;
    }

    private JsonNode body(RestResponse<String> r, String what) {
        int status = r.getStatus();
        if (status >= 500 || status == 429) {
            throw new VictoriaMetricsUnavailableException("VictoriaMetrics answered " + status + " to " + what);
        }
        JsonNode json;
        try {
            json = mapper.readTree(r.getEntity() == null ? "{}" : r.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("VictoriaMetrics sent no JSON to " + what + " (" + status + ")");
        }
        if (status / 100 != 2 || !"success".equals(json.path("status").asText())) {
            // a query this service built was refused: a bug here, not the client's fault
            throw new IllegalStateException("VictoriaMetrics refused " + what + " (" + status + "): "
                    + json.path("error").asText(abbreviate(r.getEntity())));
        }
        return json;
    }

    private static Map<String, String> labels(JsonNode metric) {
        Map<String, String> labels = new HashMap<>();
        metric.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** VictoriaMetrics prints times as seconds with up to three decimals. */
    static long millis(JsonNode seconds) {
        return new BigDecimal(seconds.asText()).movePointRight(3).longValue();
    }

    static String seconds(Instant t) {
        long ms = t.toEpochMilli();
        return BigDecimal.valueOf(ms, 3).toPlainString();
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        s = s.strip();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }
}
