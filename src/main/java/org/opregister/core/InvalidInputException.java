package org.opregister.core;

/** Input that breaks a field or domain rule; nothing was changed. Shown on the form, status 400. */
public class InvalidInputException extends RuntimeException {

    private final transient FieldErrors errors;

    public InvalidInputException(FieldErrors errors) {
        super("invalid input: " + errors.keys());
        this.errors = errors;
    }

    /** The form carried no version, or one that is not a number: it was not loaded from the record, so 409. */
    public boolean stale() {
        return "error.staleForm".equals(errors.keys().get(FieldErrors.FORM));
    }

    public FieldErrors errors() {
        return errors;
    }
}
