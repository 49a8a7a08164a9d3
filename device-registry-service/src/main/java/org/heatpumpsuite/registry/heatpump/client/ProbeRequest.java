package org.heatpumpsuite.registry.heatpump.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/** docs/contracts/probe-request: the connection to test; {@code unit_id} is null for Luxtronik. */
public record ProbeRequest(String manufacturer, String model, String host, int port, Integer unitId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer timeoutMs) {
}
