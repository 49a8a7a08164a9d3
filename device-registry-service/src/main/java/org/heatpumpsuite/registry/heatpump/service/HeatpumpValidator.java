package org.heatpumpsuite.registry.heatpump.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.heatpumpsuite.registry.catalogue.service.ModelSpec;
import org.heatpumpsuite.registry.rest.ApiProblem;
import org.heatpumpsuite.registry.rest.Problem.FieldError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks a pump against the contracts and the model's catalogue entry and completes it with defaults. Collects every
 * violation, so one 400 names each bad field.
 */
public final class HeatpumpValidator {

    static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$");
    static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");
    static final Pattern HOST_NAME = Pattern.compile(
            "^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.?$");
    static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** Limits that do not depend on the model (docs/contracts/common.schema.json, config.schema.json). */
    public record Defaults(int timeoutMs, int retries) {
    }

    private HeatpumpValidator() {
    }

    /**
     * Validates a new pump ({@code current} null) or a change of one; throws a 400 {@link ApiProblem} naming every bad
     * field. {@code spec} is the model's catalogue entry, null if the catalogue does not list it.
     */
    public static PumpSettings validate(HeatpumpInput in, PumpSettings current, boolean manufacturerKnown,
            ModelSpec spec, Defaults defaults, DeviceConfigValidator deviceConfigs) {
        List<FieldError> errors = new ArrayList<>();
        boolean create = current == null;

        String name = in.name() != null ? in.name() : create ? null : current.name();
        if (name == null) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        } else if (name.length() > 100) {
            errors.add(new FieldError("name", "must be at most 100 characters"));
        } else if (CONTROL.matcher(name).find()) {
            errors.add(new FieldError("name", "must not contain control characters"));
        }

        String manufacturer;
        String model;
        if (create) {
            manufacturer = in.manufacturer();
            model = in.model();
            if (manufacturer == null || manufacturer.isBlank()) {
                errors.add(new FieldError("manufacturer", "is required"));
            } else if (!manufacturerKnown) {
                errors.add(new FieldError("manufacturer", "unknown manufacturer '" + cut(manufacturer) + "'"));
            }
            if (model == null || model.isBlank()) {
                errors.add(new FieldError("model", "is required"));
            } else if (manufacturerKnown && spec == null) {
                errors.add(new FieldError("model", "'" + cut(model) + "' is not a model of '" + manufacturer + "'"));
            }
        } else {
            manufacturer = current.manufacturer();
            model = current.model();
            if (in.manufacturer() != null && !in.manufacturer().equals(manufacturer)) {
                errors.add(new FieldError("manufacturer", "cannot be changed; remove the pump and add it again"));
            }
            if (in.model() != null && !in.model().equals(model)) {
                errors.add(new FieldError("model", "cannot be changed; remove the pump and add it again"));
            }
        }

        HeatpumpInput.ConnectionInput c = in.connection();
        PumpSettings.Connection old = create ? null : current.connection();
        if (c == null && create) {
            errors.add(new FieldError("connection", "is required"));
        }
        String host = c != null && c.host() != null ? c.host() : old == null ? null : old.host();
        if (host == null) {
            if (c != null || !create) {
                errors.add(new FieldError("connection.host", "is required"));
            }
        } else if (!validHost(host)) {
            errors.add(new FieldError("connection.host", "not a host name or IPv4/IPv6 address"));
        }
        int port = c != null && c.port() != null ? c.port() : old != null ? old.port() : spec != null ? spec.defaultPort() : 502;
        if (port < 1 || port > 65535) {
            errors.add(new FieldError("connection.port", "must be 1..65535"));
        }
        Integer unitId = null;
        boolean usesUnitId = spec == null ? !"luxtronik".equals(manufacturer) : spec.usesUnitId();
        if (usesUnitId) {
            unitId = c != null && c.unitId() != null ? c.unitId()
                    : old != null && old.unitId() != null ? old.unitId() : spec != null ? spec.defaultUnitId() : Integer.valueOf(1);
            if (unitId == null || unitId < 0 || unitId > 247) {
                errors.add(new FieldError("connection.unit_id", "must be 0..247"));
            }
        } else if (c != null && c.unitId() != null) {
            errors.add(new FieldError("connection.unit_id", "this model has no Modbus unit id; leave it out"));
        }
        int timeoutMs = c != null && c.timeoutMs() != null ? c.timeoutMs() : old != null ? old.timeoutMs() : defaults.timeoutMs();
        if (timeoutMs < 100 || timeoutMs > 30000) {
            errors.add(new FieldError("connection.timeout_ms", "must be 100..30000"));
        }
        int retries = c != null && c.retries() != null ? c.retries() : old != null ? old.retries() : defaults.retries();
        if (retries < 0 || retries > 10) {
            errors.add(new FieldError("connection.retries", "must be 0..10"));
        }

        int min = spec != null ? spec.minPollIntervalS() : 1;
        int poll = in.pollIntervalS() != null ? in.pollIntervalS()
                : create ? (spec != null ? spec.defaultPollIntervalS() : 10) : current.pollIntervalS();
        if (poll < min || poll > 86400) {
            errors.add(new FieldError("poll_interval_s", "must be " + min + "..86400 for this model"));
        }

        ObjectNode deviceConfig;
        JsonNode dc = in.deviceConfig();
        if (dc == null || dc.isNull()) {
            deviceConfig = create ? JsonNodeFactory.instance.objectNode() : current.deviceConfig();
        } else if (!dc.isObject()) {
            deviceConfig = JsonNodeFactory.instance.objectNode();
            errors.add(new FieldError("device_config", "must be an object"));
        } else {
            deviceConfig = (ObjectNode) dc;
            if (spec != null) {
                errors.addAll(deviceConfigs.validate(deviceConfig, spec));
            }
        }

        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        boolean enabled = in.enabled() != null ? in.enabled() : create || current.enabled();
        boolean shareData = in.shareData() != null ? in.shareData() : !create && current.shareData();
        return new PumpSettings(name.strip(), manufacturer, model,
                new PumpSettings.Connection(host, port, usesUnitId ? unitId : null, timeoutMs, retries), poll,
                deviceConfig, enabled, shareData);
    }

    /** Host name (RFC 1123, last label starting with a letter), IPv4 or IPv6 address, at most 253 characters. */
    public static boolean validHost(String host) {
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (IPV4.matcher(host).matches() || HOST_NAME.matcher(host).matches()) {
            return true;
        }
        if (IPV6.matcher(host).matches()) {
            try {
                return java.net.InetAddress.getByName(host) instanceof java.net.Inet6Address;
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
