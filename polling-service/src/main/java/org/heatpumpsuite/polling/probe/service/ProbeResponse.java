package org.heatpumpsuite.polling.probe.service;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * docs/contracts/probe-response: the outcome of a connection test with a diagnosis a user can act on.
 *
 * @param latencyMs time until the device's first answer; null if it never answered (dns, refused, timeout)
 * @param detected  what the device says about itself; null if the protocol told nothing
 */
public record ProbeResponse(boolean ok, @JsonInclude(JsonInclude.Include.ALWAYS) Long latencyMs,
        @JsonInclude(JsonInclude.Include.ALWAYS) Detected detected, Map<String, Object> values, Diagnosis diagnosis) {

    public ProbeResponse {
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        if (ok != "ok".equals(diagnosis.kind())) {
            throw new IllegalArgumentException("ok is true exactly when the diagnosis is ok");
        }
    }

    /** What the protocol revealed about the device, where it does; fields it did not reveal are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detected(String model, String firmware, String serial) {
    }

    /** Why the test failed (or "ok"), in German and English, with a hint. */
    public record Diagnosis(String kind, @JsonInclude(JsonInclude.Include.NON_NULL) Integer modbusExceptionCode, String messageEn,
            String messageDe, @JsonInclude(JsonInclude.Include.ALWAYS) String hintEn, @JsonInclude(JsonInclude.Include.ALWAYS) String hintDe) {
    }
}
