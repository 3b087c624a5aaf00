package org.opregister.action;

import static org.opregister.web.CsvOutput.bool;
import static org.opregister.web.CsvOutput.code;
import static org.opregister.web.CsvOutput.date;
import static org.opregister.web.CsvOutput.instant;
import static org.opregister.web.CsvOutput.text;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.opregister.web.CsvOutput;

/** Action plans as CSV, one row per plan. Columns are documented in README. */
final class ActionCsv {

    static final String[] COLUMNS = {"reference", "title", "status", "overdue", "aging", "priority", "owner", "due_date",
        "original_due_date", "progress", "sources", "closure_note", "closure_requested_by", "closure_requested_at",
        "reviewed_by", "reviewed_at", "review_comment", "completed_on", "description", "created_at", "created_by",
        "updated_at", "updated_by"};

    private ActionCsv() {
    }

    static long write(Stream<ActionPlan> actions, LocalDate today, OutputStream out, EntityManager em) {
        long[] count = {0};
        try (Stream<ActionPlan> rows = actions; CsvOutput csv = new CsvOutput(out, COLUMNS)) {
            rows.forEach(a -> {
                boolean open = a.status.open();
                csv.row(text(a.reference), text(a.title), code(a.status), bool(a.overdueOn(today)),
                        open ? code(Aging.of(a.dueDate, today)) : "", code(a.priority), text(a.owner), date(a.dueDate),
                        date(a.originalDueDate), Integer.toString(a.progress),
                        text(a.sources().stream().map(s -> s.type.name() + ":" + s.label()).collect(Collectors.joining("; "))),
                        text(a.closureNote), text(a.closureRequestedBy), instant(a.closureRequestedAt), text(a.reviewedBy),
                        instant(a.reviewedAt), text(a.reviewComment), date(a.completedOn), text(a.description),
                        instant(a.createdAt), text(a.createdBy), instant(a.updatedAt), text(a.updatedBy));
                if (++count[0] % CsvOutput.CLEAR_EVERY == 0) {
                    em.clear();
                }
            });
        }
        return count[0];
    }
}
