package org.opregister.audit;

import java.util.List;

import org.opregister.web.CsvColumn;

import static org.opregister.web.CsvColumn.bool;
import static org.opregister.web.CsvColumn.code;
import static org.opregister.web.CsvColumn.instant;
import static org.opregister.web.CsvColumn.number;
import static org.opregister.web.CsvColumn.raw;
import static org.opregister.web.CsvColumn.text;

/** The audit trail as CSV, same rules as the register's exports. */
final class AuditCsv {

    private AuditCsv() {
    }

    static final List<CsvColumn<AuditEntry>> COLUMNS = List.of(
            number("id", a -> a.id),
            instant("occurred_at", a -> a.occurredAt),
            text("username", a -> a.username),
            code("action", a -> a.action),
            text("record_type", a -> a.recordType),
            text("record_id", a -> a.recordId),
            text("record_label", a -> a.recordLabel),
            text("parent_type", a -> a.parentType),
            text("parent_id", a -> a.parentId),
            text("changes", a -> a.changes),
            text("details", a -> a.details),
            raw("prev_hash", a -> a.prevHash),
            raw("hash", a -> a.hash),
            bool("seeded", a -> a.seeded));
}
