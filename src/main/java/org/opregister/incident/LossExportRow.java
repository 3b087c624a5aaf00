package org.opregister.incident;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

/** One row of the ledger's export, read as exactly its columns with its incident's classification. */
record LossExportRow(String incidentReference, Long id, LossType type, RecoveryStatus recoveryStatus,
        BigDecimal amount, String currency, BigDecimal fxRate, RateSource fxSource, String fxReason,
        BigDecimal reportingAmount, String reportingCurrency, LocalDate accountingDate, BusinessLine businessLine,
        boolean postClosure, String description, EventCategory incidentEventCategory, EventType incidentEventType,
        BusinessLine incidentBusinessLine, LocalDate incidentOccurrenceDate, LocalDate incidentDiscoveryDate,
        boolean incidentNearMiss, boolean incidentGainEvent, Instant createdAt, String createdBy, Instant updatedAt,
        String updatedBy, String externalReference) {

    private static final String SELECT = "select new org.opregister.incident.LossExportRow(i.reference, l.id, l.type,"
            + " l.recoveryStatus, l.amount, l.currency, l.fxRate, l.fxSource, l.fxReason, l.reportingAmount,"
            + " l.reportingCurrency, l.accountingDate, l.businessLine, l.postClosure, l.description, i.eventCategory,"
            + " i.eventType, i.businessLine, i.occurrenceDate, i.discoveryDate, i.nearMiss, i.gainEvent, l.createdAt,"
            + " l.createdBy, l.updatedAt, l.updatedBy, l.externalReference) from LossEntry l join l.incident i where ";

    /** The lines of the incidents of the list's filter, by incident reference, then accounting date. */
    static Stream<LossExportRow> stream(IncidentFilter filter) {
        return IncidentQuery.of(filter)
                .typed(SELECT, " order by i.reference, l.accountingDate, l.id", LossExportRow.class)
                .getResultStream();
    }
}
