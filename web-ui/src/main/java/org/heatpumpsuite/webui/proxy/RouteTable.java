package org.heatpumpsuite.webui.proxy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** ARCHITECTURE.md's route table: which service answers which /api path. */
public final class RouteTable {

    private final Map<String, URI> prefixes = new LinkedHashMap<>();

    public RouteTable(ProxyConfig config) {
        for (String p : new String[] { "auth", "users", "tokens", "heatpumps", "manufacturers", "dashboards", "alerts",
                "jobs", "control", "audit", "import" }) {
            prefixes.put("/api/" + p, config.registryUrl());
        }
        prefixes.put("/api/probe", config.pollingUrl());
        prefixes.put("/api/data", config.ingestUrl());
        prefixes.put("/api/metrics", config.ingestUrl());
        prefixes.put("/api/anomalies", config.anomalyUrl());
        prefixes.put("/api/telemetry", config.telemetryUrl());
    }

    /** The service for a request path, if any: a prefix matches itself and anything below it. */
    public Optional<URI> target(String path) {
        return prefixes.entrySet().stream()
                .filter(e -> path.equals(e.getKey()) || path.startsWith(e.getKey() + "/"))
                .map(Map.Entry::getValue).findFirst();
    }
}
