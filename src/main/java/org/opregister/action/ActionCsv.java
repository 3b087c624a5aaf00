package org.opregister.action;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.opregister.web.CsvColumn;

import static org.opregister.web.CsvColumn.bool;
import static org.opregister.web.CsvColumn.code;
import static org.opregister.web.CsvColumn.date;
import static org.opregister.web.CsvColumn.instant;
import static org.opregister.web.CsvColumn.number;
import static org.opregister.web.CsvColumn.text;

/** Action plans as CSV, one row per plan. Columns are documented in README. */
final class ActionCsv {

    private ActionCsv() {
    }

    /** The columns as of {@code today}, which decides whether a plan is overdue and its aging bucket. */
    static List<CsvColumn<ActionPlan>> columns(LocalDate today) {
        return List.of(
                text("reference", a -> a.reference),
                text("external_reference", a -> a.externalReference),
                text("title", a -> a.title),
                code("status", a -> a.status),
                bool("overdue", a -> a.overdueOn(today)),
                code("aging", a -> a.status.open() ? Aging.of(a.dueDate, today) : null),
                code("priority", a -> a.priority),
                text("owner", a -> a.owner),
                date("due_date", a -> a.dueDate),
                date("original_due_date", a -> a.originalDueDate),
                number("progress", a -> a.progress),
                text("sources", a -> a.sources().stream().map(s -> s.type.name() + ":" + s.reference())
                        .collect(Collectors.joining("; "))),
                text("closure_note", a -> a.closureNote),
                text("closure_requested_by", a -> a.review.submittedBy),
                instant("closure_requested_at", a -> a.review.submittedAt),
                text("reviewed_by", a -> a.review.reviewedBy),
                instant("reviewed_at", a -> a.review.reviewedAt),
                text("review_comment", a -> a.review.reviewComment),
                date("completed_on", a -> a.completedOn),
                text("description", a -> a.description),
                instant("created_at", a -> a.createdAt),
                text("created_by", a -> a.createdBy),
                instant("updated_at", a -> a.updatedAt),
                text("updated_by", a -> a.updatedBy));
    }
}
