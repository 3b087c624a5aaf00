package org.opregister.audit;

import java.time.Instant;
import java.util.List;

import org.opregister.core.StoredText;

/**
 * An audit entry before it is chained: the writer gives it its id and hashes. A seeded entry tells an example's
 * story (its time is the story's, not when it was written).
 */
public record AuditDraft(Instant occurredAt, String username, AuditAction action, String recordType, String recordId,
        String recordLabel, String parentType, String parentId, List<FieldChange> changes, String details,
        boolean seeded) {

    /** The draft as it is stored: text without control characters (the hash covers what is stored). */
    AuditDraft cleaned() {
        return new AuditDraft(occurredAt, StoredText.clean(username), action, recordType, recordId,
                StoredText.clean(recordLabel),
                parentType, parentId,
                changes.stream().map(c -> new FieldChange(c.field(), c.type(), StoredText.clean(c.oldValue()),
                        StoredText.clean(c.newValue()))).toList(),
                StoredText.clean(details), seeded);
    }

    public static AuditDraft event(Instant at, String username, AuditAction action, String details) {
        return new AuditDraft(at, username, action, null, null, null, null, null, List.of(), details, false);
    }
}
