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

    static final List<CsvColumn<AuditExportRow>> COLUMNS = List.of(
            number("id", AuditExportRow::id),
            instant("occurred_at", AuditExportRow::occurredAt),
            text("username", AuditExportRow::username),
            code("action", AuditExportRow::action),
            text("record_type", AuditExportRow::recordType),
            text("record_id", AuditExportRow::recordId),
            text("record_label", AuditExportRow::recordLabel),
            text("parent_type", AuditExportRow::parentType),
            text("parent_id", AuditExportRow::parentId),
            text("changes", AuditExportRow::changes),
            text("details", AuditExportRow::details),
            raw("prev_hash", AuditExportRow::prevHash),
            raw("hash", AuditExportRow::hash),
            bool("seeded", AuditExportRow::seeded));
}
