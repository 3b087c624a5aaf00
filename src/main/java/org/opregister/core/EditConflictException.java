package org.opregister.core;

/** The record changed since the user loaded it; their save was refused (optimistic locking), status 409. */
public class EditConflictException extends RuntimeException {

    public EditConflictException() {
        super("record changed since it was loaded");
    }
}
