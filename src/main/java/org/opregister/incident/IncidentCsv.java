package org.opregister.incident;

import java.util.List;

import org.opregister.web.CsvColumn;

import static org.opregister.web.CsvColumn.bool;
import static org.opregister.web.CsvColumn.code;
import static org.opregister.web.CsvColumn.date;
import static org.opregister.web.CsvColumn.instant;
import static org.opregister.web.CsvColumn.number;
import static org.opregister.web.CsvColumn.raw;
import static org.opregister.web.CsvColumn.text;

/** The register's two auditor exports. Column codes are a stable contract, documented in README. */
final class IncidentCsv {

    private IncidentCsv() {
    }

    /** One row per incident; every amount is in the reporting currency, which is the same for all rows. */
    static List<CsvColumn<Incident>> incidents(String reportingCurrency) {
        return List.of(
                text("reference", i -> i.reference),
                text("title", i -> i.title),
                code("status", i -> i.status),
                code("severity", i -> i.severity),
                code("event_category", i -> i.eventCategory),
                code("event_type", i -> i.eventType),
                code("business_line", i -> i.businessLine),
                text("org_unit", i -> i.orgUnit),
                text("owner", i -> i.owner),
                date("occurrence_date", i -> i.occurrenceDate),
                date("discovery_date", i -> i.discoveryDate),
                date("reporting_date", i -> i.reportingDate),
                date("closure_date", i -> i.closureDate),
                bool("near_miss", i -> i.nearMiss),
                bool("gain_event", i -> i.gainEvent),
                text("legal_entity", i -> i.legalEntity.code),
                text("root_event", i -> i.rootEvent == null ? null : i.rootEvent.reference),
                bool("credit_boundary", i -> i.creditBoundary),
                bool("market_boundary", i -> i.marketBoundary),
                raw("causes", i -> String.join(";", i.causes.stream().map(Enum::name).sorted().toList())),
                text("root_cause", i -> i.rootCause),
                text("third_party", i -> i.thirdParty),
                number("gross_loss", i -> i.grossLoss),
                number("recoveries", i -> i.recoveries),
                number("net_loss", i -> i.netLoss),
                number("expected_recoveries", i -> i.expectedRecoveries),
                number("provisions", i -> i.provisions),
                raw("reporting_currency", i -> reportingCurrency),
                text("description", i -> i.description),
                instant("created_at", i -> i.createdAt),
                text("created_by", i -> i.createdBy),
                instant("updated_at", i -> i.updatedAt),
                text("updated_by", i -> i.updatedBy),
                text("external_reference", i -> i.externalReference),
                text("closed_by", i -> i.status == IncidentStatus.CLOSED ? i.review.reviewedBy : null),
                instant("closed_at", i -> i.status == IncidentStatus.CLOSED ? i.review.reviewedAt : null));
    }

    /** One row per loss line, with the incident's classification. */
    static final List<CsvColumn<LossEntry>> LOSSES = List.of(
            text("incident_reference", l -> l.incident.reference),
            number("loss_id", l -> l.id),
            code("entry_type", l -> l.type),
            code("recovery_status", l -> l.recoveryStatus),
            number("amount", l -> l.amount),
            raw("currency", l -> l.currency),
            number("fx_rate", l -> l.fxRate),
            code("fx_source", l -> l.fxSource),
            text("fx_reason", l -> l.fxReason),
            number("reporting_amount", l -> l.reportingAmount),
            raw("reporting_currency", l -> l.reportingCurrency),
            date("accounting_date", l -> l.accountingDate),
            code("business_line", l -> l.businessLine),
            bool("post_closure", l -> l.postClosure),
            text("description", l -> l.description),
            code("incident_event_category", l -> l.incident.eventCategory),
            code("incident_event_type", l -> l.incident.eventType),
            code("incident_business_line", l -> l.incident.businessLine),
            date("incident_occurrence_date", l -> l.incident.occurrenceDate),
            date("incident_discovery_date", l -> l.incident.discoveryDate),
            bool("incident_near_miss", l -> l.incident.nearMiss),
            bool("incident_gain_event", l -> l.incident.gainEvent),
            instant("created_at", l -> l.createdAt),
            text("created_by", l -> l.createdBy),
            instant("updated_at", l -> l.updatedAt),
            text("updated_by", l -> l.updatedBy),
            text("external_reference", l -> l.externalReference));
}
