package org.opregister.audit;

/**
 * A record named in the audit trail, as a person reads it: its kind, reference, title and the page showing it
 * (null when it has none, or no longer exists).
 */
public record RecordRef(String typeLabel, String label, String title, String href) {
}
