package org.opregister.core;

import org.opregister.web.FieldErrors;

/** Input that breaks a field or domain rule; nothing was changed. Shown on the form, status 400. */
public class InvalidInputException extends RuntimeException {

    private final transient FieldErrors errors;

    public InvalidInputException(FieldErrors errors) {
        super("invalid input: " + errors.keys());
        this.errors = errors;
    }

    public FieldErrors errors() {
        return errors;
    }
}
