package org.opregister.controltest;

import java.util.List;

import org.opregister.web.CsvColumn;

import static org.opregister.web.CsvColumn.code;
import static org.opregister.web.CsvColumn.date;
import static org.opregister.web.CsvColumn.instant;
import static org.opregister.web.CsvColumn.text;

/** Certification results as CSV: one row per control per round. Columns are documented in README. */
final class AttestationCsv {

    private AttestationCsv() {
    }

    static final List<CsvColumn<Attestation>> COLUMNS = List.of(
            text("campaign", a -> a.campaign.reference),
            text("campaign_title", a -> a.campaign.title),
            date("period_start", a -> a.campaign.periodStart),
            date("period_end", a -> a.campaign.periodEnd),
            code("campaign_status", a -> a.campaign.status),
            text("control", a -> a.control.reference),
            text("control_title", a -> a.control.title),
            text("attester", a -> a.assignee),
            code("response", a -> a.response),
            text("comment", a -> a.comment),
            text("answered_by", a -> a.answeredBy),
            instant("answered_at", a -> a.answeredAt));
}
