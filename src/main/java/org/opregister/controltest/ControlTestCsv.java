package org.opregister.controltest;

import static org.opregister.web.CsvOutput.code;
import static org.opregister.web.CsvOutput.date;
import static org.opregister.web.CsvOutput.instant;
import static org.opregister.web.CsvOutput.text;

import java.io.OutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.opregister.web.CsvOutput;

/** Control tests as CSV, one row per test. Columns are documented in README. */
final class ControlTestCsv {

    static final String[] COLUMNS = {"reference", "control", "control_title", "procedure", "sample_size", "period_start",
        "period_end", "tester", "status", "result", "findings", "executed_on", "evidence", "submitted_by", "submitted_at",
        "reviewed_by", "reviewed_at", "review_comment", "updated_at", "updated_by"};

    private ControlTestCsv() {
    }

    static long write(Stream<ControlTest> tests, OutputStream out, EntityManager em) {
        long[] count = {0};
        try (Stream<ControlTest> rows = tests; CsvOutput csv = new CsvOutput(out, COLUMNS)) {
            rows.forEach(t -> {
                csv.row(text(t.reference), text(t.control.reference), text(t.control.title), text(t.procedure),
                        Integer.toString(t.sampleSize), date(t.periodStart), date(t.periodEnd), text(t.tester), code(t.status),
                        code(t.result), text(t.findings), date(t.executedOn),
                        text(t.evidence().stream().map(f -> f.fileName + " (sha256 " + f.sha256 + ")")
                                .collect(Collectors.joining("; "))),
                        text(t.submittedBy), instant(t.submittedAt), text(t.reviewedBy), instant(t.reviewedAt),
                        text(t.reviewComment), instant(t.updatedAt), text(t.updatedBy));
                if (++count[0] % CsvOutput.CLEAR_EVERY == 0) {
                    em.clear();
                }
            });
        }
        return count[0];
    }
}
