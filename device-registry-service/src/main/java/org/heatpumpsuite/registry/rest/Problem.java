package org.heatpumpsuite.registry.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An RFC 9457 problem document; {@code errors} names each field at fault, {@code probe} carries the connection test's
 * answer when a pump could not be reached.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
        JsonNode probe) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    /** One invalid field and why. */
    public record FieldError(String field, String message) {
    }
}
