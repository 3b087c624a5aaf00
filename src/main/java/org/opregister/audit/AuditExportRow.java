package org.opregister.audit;

import java.time.Instant;

/**
 * One row of the audit trail's export, read as exactly its columns: no entity is built or registered per row, so
 * a million entries stream at the speed of the cursor.
 */
record AuditExportRow(Long id, Instant occurredAt, String username, AuditAction action, String recordType,
        String recordId, String recordLabel, String parentType, String parentId, String changes, String details,
        String prevHash, String hash, boolean seeded) {

    static final String SELECT = "select new org.opregister.audit.AuditExportRow(a.id, a.occurredAt, a.username,"
            + " a.action, a.recordType, a.recordId, a.recordLabel, a.parentType, a.parentId, a.changes, a.details,"
            + " a.prevHash, a.hash, a.seeded) from AuditEntry a";
}
