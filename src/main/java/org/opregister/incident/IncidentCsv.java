package org.opregister.incident;

import java.io.OutputStream;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.opregister.web.CsvOutput;

import static org.opregister.web.CsvOutput.bool;
import static org.opregister.web.CsvOutput.code;
import static org.opregister.web.CsvOutput.date;
import static org.opregister.web.CsvOutput.instant;
import static org.opregister.web.CsvOutput.number;
import static org.opregister.web.CsvOutput.text;

/** The register's two auditor exports. Column codes are a stable contract, documented in README. */
final class IncidentCsv {

    static final String[] INCIDENT_COLUMNS = {
        "reference", "title", "status", "severity", "event_category", "event_type", "business_line", "org_unit", "owner",
        "occurrence_date", "discovery_date", "reporting_date", "closure_date", "near_miss", "causes", "root_cause",
        "third_party", "gross_loss", "recoveries", "net_loss", "provisions", "reporting_currency", "description",
        "created_at", "created_by", "updated_at", "updated_by"};

    static final String[] LOSS_COLUMNS = {
        "incident_reference", "loss_id", "entry_type", "amount", "currency", "fx_rate", "reporting_amount",
        "reporting_currency", "accounting_date", "description", "incident_event_category", "incident_event_type",
        "incident_business_line", "incident_occurrence_date", "incident_discovery_date", "incident_near_miss",
        "created_at", "created_by", "updated_at", "updated_by"};

    private IncidentCsv() {
    }

    static long writeIncidents(Stream<Incident> incidents, OutputStream out, String reportingCurrency, EntityManager em) {
        long[] count = {0};
        try (Stream<Incident> rows = incidents; CsvOutput csv = new CsvOutput(out, INCIDENT_COLUMNS)) {
            rows.forEach(i -> {
                csv.row(text(i.reference), text(i.title), code(i.status), code(i.severity), code(i.eventCategory),
                        code(i.eventType), code(i.businessLine), text(i.orgUnit), text(i.owner),
                        date(i.occurrenceDate), date(i.discoveryDate), date(i.reportingDate), date(i.closureDate),
                        bool(i.nearMiss), String.join(";", i.causes.stream().map(Enum::name).sorted().toList()),
                        text(i.rootCause), text(i.thirdParty), number(i.grossLoss), number(i.recoveries),
                        number(i.netLoss), number(i.provisions), reportingCurrency, text(i.description),
                        instant(i.createdAt), text(i.createdBy), instant(i.updatedAt), text(i.updatedBy));
                if (++count[0] % CsvOutput.CLEAR_EVERY == 0) {
                    em.clear();
                }
            });
        }
        return count[0];
    }

    static long writeLosses(Stream<LossEntry> losses, OutputStream out, EntityManager em) {
        long[] count = {0};
        try (Stream<LossEntry> rows = losses; CsvOutput csv = new CsvOutput(out, LOSS_COLUMNS)) {
            rows.forEach(l -> {
                Incident i = l.incident;
                csv.row(text(i.reference), Long.toString(l.id), code(l.type), number(l.amount), l.currency,
                        number(l.fxRate), number(l.reportingAmount), l.reportingCurrency, date(l.accountingDate),
                        text(l.description), code(i.eventCategory), code(i.eventType), code(i.businessLine),
                        date(i.occurrenceDate), date(i.discoveryDate), bool(i.nearMiss),
                        instant(l.createdAt), text(l.createdBy), instant(l.updatedAt), text(l.updatedBy));
                if (++count[0] % CsvOutput.CLEAR_EVERY == 0) {
                    em.clear();
                }
            });
        }
        return count[0];
    }
}
