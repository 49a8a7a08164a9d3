package org.heatpumpsuite.ingest.data.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.heatpumpsuite.ingest.client.VictoriaMetrics;
import org.heatpumpsuite.ingest.client.VmSeries;
import org.heatpumpsuite.ingest.config.IngestConfig;
import org.heatpumpsuite.ingest.pump.service.Pump;

import io.smallrye.mutiny.Uni;

/** Chart data (range queries) and comparisons, built from a checked {@link RangeQuery}. */
@ApplicationScoped
public class SeriesService {

    @Inject
    VictoriaMetrics vm;
    @Inject
    DataService data;
    @Inject
    IngestConfig config;

    public Uni<RangeResult> range(RangeQuery q) {
        return points(q).map(byPump -> {
            List<RangeResult.Series> series = new ArrayList<>();
            for (Pump p : q.pumps()) {
                VmSeries s = byPump.get(p.heatpumpId());
                long[] ts = new long[0];
                double[] vs = new double[0];
                if (s != null) {
                    long[] t = new long[s.size()];
                    double[] v = new double[s.size()];
                    int n = 0;
                    for (int i = 0; i < s.size(); i++) {
                        double d = parse(s.values()[i]);
                        if (Double.isFinite(d)) {
                            t[n] = s.timestampsMs()[i];
                            v[n++] = d;
                        }
                    }
                    ts = java.util.Arrays.copyOf(t, n);
                    vs = java.util.Arrays.copyOf(v, n);
                }
                series.add(new RangeResult.Series(p.heatpumpId(), p.manufacturer(), p.model(), ts, vs));
            }
            return new RangeResult(q.sensor(), data.unit(q.pumps(), q.sensor()), q.aggregation().id(), q.start(),
                    q.end(), q.step().toSeconds(), series);
        });
    }

    public Uni<CompareResult> compare(RangeQuery q) {
        return points(q).map(byPump -> {
            TreeSet<Long> grid = new TreeSet<>();
            byPump.values().forEach(s -> {
                for (long t : s.timestampsMs()) {
                    grid.add(t);
                }
            });
            long[] timestamps = grid.stream().mapToLong(Long::longValue).toArray();
            Map<Long, Integer> index = new HashMap<>();
            for (int i = 0; i < timestamps.length; i++) {
                index.put(timestamps[i], i);
            }
            List<CompareResult.ComparedPump> pumps = new ArrayList<>();
            for (Pump p : q.pumps()) {
                Double[] values = new Double[timestamps.length];
                VmSeries s = byPump.get(p.heatpumpId());
                Double min = null;
                Double max = null;
                Double last = null;
                double sum = 0;
                int n = 0;
                if (s != null) {
                    for (int i = 0; i < s.size(); i++) {
                        double d = parse(s.values()[i]);
                        if (!Double.isFinite(d)) {
                            continue;
                        }
                        values[index.get(s.timestampsMs()[i])] = d;
                        min = min == null ? d : Math.min(min, d);
                        max = max == null ? d : Math.max(max, d);
                        last = d;
                        sum += d;
                        n++;
                    }
                }
                pumps.add(new CompareResult.ComparedPump(p.heatpumpId(), p.manufacturer(), p.model(), values,
                        new CompareResult.Stats(min, max, n == 0 ? null : sum / n, last, n)));
            }
            return new CompareResult(q.sensor(), data.unit(q.pumps(), q.sensor()), q.aggregation().id(), q.start(),
                    q.end(), q.step().toSeconds(), timestamps, pumps);
        });
    }

    /** heatpump_id -> its series (at most one: the series of a pump differ by nothing else). */
    private Uni<Map<String, VmSeries>> points(RangeQuery q) {
        String query = PromQl.range(PromQl.sensor(config.metricPrefix(), q.sensor(), q.pumps()), q.aggregation(),
                q.step());
        return vm.range(query, q.start(), q.end(), q.step()).map(series -> {
            Map<String, VmSeries> byPump = new HashMap<>();
            for (VmSeries s : series) {
                String id = s.label("heatpump_id");
                if (id != null) {
                    byPump.merge(id, s, (a, b) -> a.size() >= b.size() ? a : b);
                }
            }
            return byPump;
        });
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
