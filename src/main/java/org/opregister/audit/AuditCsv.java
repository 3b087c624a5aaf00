package org.opregister.audit;

import java.io.OutputStream;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.opregister.web.CsvOutput;

import static org.opregister.web.CsvOutput.code;
import static org.opregister.web.CsvOutput.instant;
import static org.opregister.web.CsvOutput.text;

/** The audit trail as CSV, same rules as the register's exports. */
final class AuditCsv {

    static final String[] COLUMNS = {"id", "occurred_at", "username", "action", "record_type", "record_id",
        "record_label", "parent_type", "parent_id", "changes", "details", "prev_hash", "hash", "seeded"};

    private AuditCsv() {
    }

    static long write(Stream<AuditEntry> entries, OutputStream out, EntityManager em) {
        long[] count = {0};
        try (Stream<AuditEntry> rows = entries; CsvOutput csv = new CsvOutput(out, COLUMNS)) {
            rows.forEach(a -> {
                csv.row(Long.toString(a.id), instant(a.occurredAt), text(a.username), code(a.action), text(a.recordType),
                        text(a.recordId), text(a.recordLabel), text(a.parentType), text(a.parentId), text(a.changes),
                        text(a.details), a.prevHash, a.hash, CsvOutput.bool(a.seeded));
                if (++count[0] % CsvOutput.CLEAR_EVERY == 0) {
                    em.clear();
                }
            });
        }
        return count[0];
    }
}
