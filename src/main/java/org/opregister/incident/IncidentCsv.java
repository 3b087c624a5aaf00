package org.opregister.incident;

import java.util.List;

import org.opregister.taxonomy.Cause;
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
    static List<CsvColumn<IncidentExportRow>> incidents(String reportingCurrency) {
        return List.of(
                text("reference", IncidentExportRow::reference),
                text("title", IncidentExportRow::title),
                code("status", IncidentExportRow::status),
                code("severity", IncidentExportRow::severity),
                code("event_category", IncidentExportRow::eventCategory),
                code("event_type", IncidentExportRow::eventType),
                code("business_line", IncidentExportRow::businessLine),
                text("org_unit", IncidentExportRow::orgUnit),
                text("owner", IncidentExportRow::owner),
                date("occurrence_date", IncidentExportRow::occurrenceDate),
                date("discovery_date", IncidentExportRow::discoveryDate),
                date("reporting_date", IncidentExportRow::reportingDate),
                date("closure_date", IncidentExportRow::closureDate),
                bool("near_miss", IncidentExportRow::nearMiss),
                bool("gain_event", IncidentExportRow::gainEvent),
                text("legal_entity", IncidentExportRow::legalEntity),
                text("root_event", IncidentExportRow::rootEvent),
                bool("credit_boundary", IncidentExportRow::creditBoundary),
                bool("market_boundary", IncidentExportRow::marketBoundary),
                raw("causes", i -> Cause.names(i.causes(), ';')),
                text("root_cause", IncidentExportRow::rootCause),
                text("third_party", IncidentExportRow::thirdParty),
                number("gross_loss", IncidentExportRow::grossLoss),
                number("recoveries", IncidentExportRow::recoveries),
                number("net_loss", IncidentExportRow::netLoss),
                number("expected_recoveries", IncidentExportRow::expectedRecoveries),
                number("provisions", IncidentExportRow::provisions),
                raw("reporting_currency", i -> reportingCurrency),
                text("description", IncidentExportRow::description),
                instant("created_at", IncidentExportRow::createdAt),
                text("created_by", IncidentExportRow::createdBy),
                instant("updated_at", IncidentExportRow::updatedAt),
                text("updated_by", IncidentExportRow::updatedBy),
                text("external_reference", IncidentExportRow::externalReference),
                text("closed_by", IncidentExportRow::closedBy),
                instant("closed_at", IncidentExportRow::closedAt));
    }

    /** One row per loss line, with the incident's classification. */
    static final List<CsvColumn<LossExportRow>> LOSSES = List.of(
            text("incident_reference", LossExportRow::incidentReference),
            number("loss_id", LossExportRow::id),
            code("entry_type", LossExportRow::type),
            code("recovery_status", LossExportRow::recoveryStatus),
            number("amount", LossExportRow::amount),
            raw("currency", LossExportRow::currency),
            number("fx_rate", LossExportRow::fxRate),
            code("fx_source", LossExportRow::fxSource),
            text("fx_reason", LossExportRow::fxReason),
            number("reporting_amount", LossExportRow::reportingAmount),
            raw("reporting_currency", LossExportRow::reportingCurrency),
            date("accounting_date", LossExportRow::accountingDate),
            code("business_line", LossExportRow::businessLine),
            bool("post_closure", LossExportRow::postClosure),
            text("description", LossExportRow::description),
            code("incident_event_category", LossExportRow::incidentEventCategory),
            code("incident_event_type", LossExportRow::incidentEventType),
            code("incident_business_line", LossExportRow::incidentBusinessLine),
            date("incident_occurrence_date", LossExportRow::incidentOccurrenceDate),
            date("incident_discovery_date", LossExportRow::incidentDiscoveryDate),
            bool("incident_near_miss", LossExportRow::incidentNearMiss),
            bool("incident_gain_event", LossExportRow::incidentGainEvent),
            instant("created_at", LossExportRow::createdAt),
            text("created_by", LossExportRow::createdBy),
            instant("updated_at", LossExportRow::updatedAt),
            text("updated_by", LossExportRow::updatedBy),
            text("external_reference", LossExportRow::externalReference));
}
