package org.opregister.attachment;

/** A record that carries attached files (incidents, action plans): its type as the audit trail names it, and its id. */
public interface Attachable {

    /** The record type, e.g. "Incident": the same name the audit trail and the History tab use. */
    String attachmentRecordType();

    long attachmentRecordId();
}
