package org.heatpumpsuite.polling.probe.service;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** docs/contracts/probe-response: the outcome of a connection test with a diagnosis a user can act on. */
public record ProbeResponse(boolean ok, long latencyMs, Detected detected, Map<String, Object> values,
        Diagnosis diagnosis) {

    /** What the protocol revealed about the device, where it does. */
    public record Detected(String model, String firmware, String serial) {
    }

    /** Why the test failed (or "ok"), in German and English, with a hint. */
    public record Diagnosis(String kind, @JsonInclude(JsonInclude.Include.NON_NULL) Integer modbusExceptionCode, String messageEn, String messageDe, String hintEn,
            String hintDe) {
    }
}
