package org.opregister.controltest;

import java.util.List;
import java.util.stream.Collectors;

import org.opregister.web.CsvColumn;

import static org.opregister.web.CsvColumn.code;
import static org.opregister.web.CsvColumn.date;
import static org.opregister.web.CsvColumn.instant;
import static org.opregister.web.CsvColumn.number;
import static org.opregister.web.CsvColumn.text;

/** Control tests as CSV, one row per test. Columns are documented in README. */
final class ControlTestCsv {

    private ControlTestCsv() {
    }

    static final List<CsvColumn<ControlTest>> COLUMNS = List.of(
            text("reference", t -> t.reference),
            text("control", t -> t.control.reference),
            text("control_title", t -> t.control.title),
            text("procedure", t -> t.procedure),
            number("sample_size", t -> t.sampleSize),
            date("period_start", t -> t.periodStart),
            date("period_end", t -> t.periodEnd),
            text("tester", t -> t.tester),
            code("status", t -> t.status),
            code("result", t -> t.result),
            text("findings", t -> t.findings),
            date("executed_on", t -> t.executedOn),
            text("evidence", t -> t.evidence().stream().map(f -> f.fileName + " (sha256 " + f.sha256 + ")")
                    .collect(Collectors.joining("; "))),
            text("submitted_by", t -> t.review.submittedBy),
            instant("submitted_at", t -> t.review.submittedAt),
            text("reviewed_by", t -> t.review.reviewedBy),
            instant("reviewed_at", t -> t.review.reviewedAt),
            text("review_comment", t -> t.review.reviewComment),
            instant("updated_at", t -> t.updatedAt),
            text("updated_by", t -> t.updatedBy));
}
