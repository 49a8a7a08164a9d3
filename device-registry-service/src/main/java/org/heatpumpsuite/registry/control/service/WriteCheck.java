package org.heatpumpsuite.registry.control.service;

import java.util.ArrayList;
import java.util.List;

import org.heatpumpsuite.registry.catalogue.service.ModelSpec;
import org.heatpumpsuite.registry.heatpump.service.DeviceConfigValidator;
import org.heatpumpsuite.registry.rest.Problem.FieldError;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a write against the catalogue (docs/contracts/catalogue.md, writables) and the owner's
 * {@code device_config.write_ranges}: the sensor must be a writable of the model, the value of its kind, one of its
 * option codes, within the (narrowed) range and on its step. The polling service checks again at the device edge.
 */
public final class WriteCheck {

    private WriteCheck() {
    }

    public static List<FieldError> check(String sensor, JsonNode value, ModelSpec spec, JsonNode deviceConfig,
            String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (sensor == null) {
            errors.add(new FieldError(prefix + "sensor", "is required"));
        } else if (!sensor.matches("^[a-z][a-z0-9_]{0,63}$")) {
            errors.add(new FieldError(prefix + "sensor", "not a sensor id"));
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            errors.add(new FieldError(prefix + "value", "is required"));
        } else if (!value.isValueNode()) {
            errors.add(new FieldError(prefix + "value", "must be a number, string or boolean"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        if (spec == null) {
            errors.add(new FieldError(prefix + "sensor", "the pump's model is not in the catalogue"));
            return errors;
        }
        var found = spec.writable(sensor, DeviceConfigValidator.circuits(deviceConfig));
        if (found.isEmpty()) {
            errors.add(new FieldError(prefix + "sensor", "'" + sensor + "' is not a writable value of "
                    + spec.displayName()));
            return errors;
        }
        ModelSpec.Writable w = found.get();
        if ("boolean".equals(w.kind())) {
            if (!value.isBoolean()) {
                errors.add(new FieldError(prefix + "value", "must be true or false"));
            }
            return errors;
        }
        if (!value.isNumber()) {
            errors.add(new FieldError(prefix + "value", "must be a number"));
            return errors;
        }
        double v = value.asDouble();
        JsonNode options = w.options();
        if (options != null) {
            if (!value.isIntegralNumber() || !options.has(String.valueOf(value.asLong()))) {
                List<String> codes = new ArrayList<>();
                options.fieldNames().forEachRemaining(codes::add);
                errors.add(new FieldError(prefix + "value", "must be one of the codes " + codes));
            }
            return errors;
        }
        Double min = w.min();
        Double max = w.max();
        Double step = w.step();
        JsonNode range = deviceConfig == null ? null : deviceConfig.path("write_ranges").get(w.id());
        if (range != null && range.isObject()) {
            double rmin = range.path("min").asDouble();
            double rmax = range.path("max").asDouble();
            min = min == null ? rmin : Math.max(min, rmin);
            max = max == null ? rmax : Math.min(max, rmax);
            if (range.path("step").isNumber()) {
                step = range.path("step").asDouble();
            }
        }
        if (min == null || max == null) {
            errors.add(new FieldError(prefix + "value", "the model documents no range for " + w.id()
                    + "; set device_config.write_ranges." + w.id() + " first"));
            return errors;
        }
        if (v < min || v > max) {
            errors.add(new FieldError(prefix + "value", "must be " + plain(min) + ".." + plain(max)));
            return errors;
        }
        if (step != null && step > 0) {
            double steps = (v - min) / step;
            if (Math.abs(steps - Math.rint(steps)) > 1e-6) {
                errors.add(new FieldError(prefix + "value", "must be a multiple of " + plain(step) + " from "
                        + plain(min)));
            }
        }
        return errors;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
