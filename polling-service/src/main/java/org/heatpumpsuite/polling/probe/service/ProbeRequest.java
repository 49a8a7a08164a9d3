package org.heatpumpsuite.polling.probe.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** docs/contracts/probe-request: a connection to test for a pump that is not saved yet. */
public record ProbeRequest(
        @NotBlank @Pattern(regexp = "idm|nibe|daikin|luxtronik", message = "unknown manufacturer") String manufacturer,
        @NotBlank String model,
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9]([A-Za-z0-9.:-]{0,252})$", message = "not a host name or IP address") String host,
        @NotNull @Min(1) @Max(65535) Integer port,
        @Min(0) @Max(247) Integer unitId,
        @Min(100) @Max(30000) Integer timeoutMs) {

    /** The timeout to use: the request's, else 5 s. */
    public int effectiveTimeoutMs() {
        return timeoutMs == null ? 5000 : timeoutMs;
    }
}
