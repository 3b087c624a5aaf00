package org.opregister.comment;

/** A record that carries a discussion thread: its type as the audit trail names it, and its id. */
public interface Commentable {

    /** The record type, e.g. "Incident": the same name the audit trail and the History tab use. */
    String commentRecordType();

    long commentRecordId();
}
