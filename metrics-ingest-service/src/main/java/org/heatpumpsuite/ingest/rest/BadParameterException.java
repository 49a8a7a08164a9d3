package org.heatpumpsuite.ingest.rest;

import java.util.List;

/** A query or path parameter is invalid: 400 problem+json naming each parameter at fault. */
public class BadParameterException extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public BadParameterException(String parameter, String message) {
        this(List.of(new Problem.FieldError(parameter, message)));
    }

    public BadParameterException(List<Problem.FieldError> errors) {
        super(errors.isEmpty() ? "invalid parameters" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
