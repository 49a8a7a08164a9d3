package org.heatpumpsuite.webui.proxy;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the services live; env PROXY_REGISTRY_URL etc. The local run sets them, Kubernetes uses its ingress. */
@ConfigMapping(prefix = "proxy")
public interface ProxyConfig {

    /** The device registry service (pumps, dashboards, users, control, …). */
    URI registryUrl();

    /** The polling service (connection probe). */
    URI pollingUrl();

    /** The metrics ingest service (current values, time series). */
    URI ingestUrl();

    /** The anomaly service. */
    URI anomalyUrl();

    /** The telemetry service. */
    URI telemetryUrl();

    /** How long to wait for a service to accept a connection. */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * How long a forwarded request may go without any data from the service before it is abandoned (and its connection
     * closed). Longer than the services' own upstream timeouts (30 s), so their answers still arrive.
     */
    @WithDefault("45s")
    Duration idleTimeout();

    /** Connections kept per service. */
    @WithDefault("32")
    int maxConnectionsPerService();
}
