package org.opregister.audit;

import java.time.Instant;
import java.util.List;

/** An audit entry before it is chained: the writer gives it its id and hashes. */
public record AuditDraft(Instant occurredAt, String username, AuditAction action, String recordType, String recordId,
        String recordLabel, String parentType, String parentId, List<FieldChange> changes, String details) {

    public static AuditDraft event(Instant at, String username, AuditAction action, String details) {
        return new AuditDraft(at, username, action, null, null, null, null, null, List.of(), details);
    }
}
