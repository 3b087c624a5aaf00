package org.opregister.controltest;

import static org.opregister.web.CsvOutput.code;
import static org.opregister.web.CsvOutput.date;
import static org.opregister.web.CsvOutput.instant;
import static org.opregister.web.CsvOutput.text;

import java.io.OutputStream;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.opregister.web.CsvOutput;

/** Certification results as CSV: one row per control per round. Columns are documented in README. */
final class AttestationCsv {

    static final String[] COLUMNS = {"campaign", "campaign_title", "period_start", "period_end", "campaign_status",
        "control", "control_title", "attester", "response", "comment", "answered_by", "answered_at"};

    private AttestationCsv() {
    }

    static long write(Stream<Attestation> items, OutputStream out, EntityManager em) {
        long[] count = {0};
        try (Stream<Attestation> rows = items; CsvOutput csv = new CsvOutput(out, COLUMNS)) {
            rows.forEach(a -> {
                csv.row(text(a.campaign.reference), text(a.campaign.title), date(a.campaign.periodStart),
                        date(a.campaign.periodEnd), code(a.campaign.status), text(a.control.reference), text(a.control.title),
                        text(a.assignee), code(a.response), text(a.comment), text(a.answeredBy), instant(a.answeredAt));
                if (++count[0] % CsvOutput.CLEAR_EVERY == 0) {
                    em.clear();
                }
            });
        }
        return count[0];
    }
}
