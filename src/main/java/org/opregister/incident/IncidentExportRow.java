package org.opregister.incident;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;

import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.Cause;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

/**
 * One row of the register's export, read as exactly its columns (no entity, no lazy load per row): the export
 * streams at the speed of the cursor and the heap holds a row at a time.
 */
record IncidentExportRow(String reference, String title, IncidentStatus status, Severity severity,
        EventCategory eventCategory, EventType eventType, BusinessLine businessLine, String orgUnit, String owner,
        LocalDate occurrenceDate, LocalDate discoveryDate, LocalDate reportingDate, LocalDate closureDate,
        boolean nearMiss, boolean gainEvent, String legalEntity, String rootEvent, boolean creditBoundary,
        boolean marketBoundary, Set<Cause> causes, String rootCause, String thirdParty, BigDecimal grossLoss,
        BigDecimal recoveries, BigDecimal netLoss, BigDecimal expectedRecoveries, BigDecimal provisions,
        String description, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
        String externalReference, String reviewedBy, Instant reviewedAt) {

    private static final String SELECT = "select new org.opregister.incident.IncidentExportRow(i.reference, i.title,"
            + " i.status, i.severity, i.eventCategory, i.eventType, i.businessLine, i.orgUnit, i.owner,"
            + " i.occurrenceDate, i.discoveryDate, i.reportingDate, i.closureDate, i.nearMiss, i.gainEvent, le.code,"
            + " root.reference, i.creditBoundary, i.marketBoundary, i.causes, i.rootCause, i.thirdParty, i.grossLoss,"
            + " i.recoveries, i.netLoss, i.expectedRecoveries, i.provisions, i.description, i.createdAt, i.createdBy,"
            + " i.updatedAt, i.updatedBy, i.externalReference, i.review.reviewedBy, i.review.reviewedAt)"
            + " from Incident i join i.legalEntity le left join i.rootEvent root where ";

    /** Who closed it and when: only for a closed incident (a returned one keeps who returned it). */
    String closedBy() {
        return status == IncidentStatus.CLOSED ? reviewedBy : null;
    }

    Instant closedAt() {
        return status == IncidentStatus.CLOSED ? reviewedAt : null;
    }

    /** The rows of the list's filter, in its order. */
    static Stream<IncidentExportRow> stream(IncidentFilter filter, IncidentSort sort) {
        IncidentQuery query = IncidentQuery.of(filter);
        return query.typed(SELECT, " order by " + query.orderBy(sort), IncidentExportRow.class).getResultStream();
    }
}
