package org.opregister.incident;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import org.opregister.incident.IncidentFilter.Classification;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which register orders are led by the one column a filter fixes (for H2 to read that column's index in order). */
class FixedColumnOrderTest {

    private static final DataSetRule RULE = new DataSetRule(new BigDecimal("20000"), LossDataSet.NET);
    private static final IncidentSort NEWEST = IncidentSort.DEFAULT;

    private static String orderBy(IncidentStatus status, EventCategory category, EventType type, BusinessLine line,
            Classification classifyBy, IncidentSort sort) {
        return IncidentQuery.of(new IncidentFilter(null, status, category, type, line, DateBasis.OCCURRENCE, null,
                null, null, RULE, classifyBy)).orderBy(sort);
    }

    @Test
    void theOneFixedColumnLeadsTheOccurrenceOrderInItsDirection() {
        assertEquals("i.status desc, i.occurrenceDate desc, i.id desc",
                orderBy(IncidentStatus.OPEN, null, null, null, Classification.INCIDENT, NEWEST));
        assertEquals("i.status asc, i.occurrenceDate asc, i.id asc", orderBy(IncidentStatus.OPEN, null, null, null,
                Classification.INCIDENT, IncidentSort.parse("occurrenceDate")));
        assertEquals("i.eventType desc, i.occurrenceDate desc, i.id desc", orderBy(null, EventCategory.EXTERNAL_FRAUD,
                EventType.SYSTEMS_SECURITY, null, Classification.INCIDENT, NEWEST), "a type implies its category");
        assertEquals("i.eventCategory desc, i.occurrenceDate desc, i.id desc",
                orderBy(null, EventCategory.EXTERNAL_FRAUD, null, null, Classification.INCIDENT, NEWEST));
        assertEquals("i.businessLine desc, i.occurrenceDate desc, i.id desc",
                orderBy(null, null, null, BusinessLine.RETAIL_BANKING, Classification.INCIDENT, NEWEST));
        assertEquals("i.status desc, i.occurrenceDate desc, i.id desc", orderBy(IncidentStatus.OPEN, null, null,
                BusinessLine.RETAIL_BANKING, Classification.EVENT, NEWEST),
                "by loss event the line is the root's: the status is the only column of the incident fixed");
    }

    @Test
    void otherwiseTheSortsOwnOrder() {
        assertEquals("i.occurrenceDate desc, i.id desc",
                orderBy(null, null, null, null, Classification.INCIDENT, NEWEST));
        assertEquals("i.occurrenceDate desc, i.id desc", orderBy(IncidentStatus.OPEN, null, null,
                BusinessLine.RETAIL_BANKING, Classification.INCIDENT, NEWEST), "two fixed columns: no index has both");
        assertEquals("i.occurrenceDate desc, i.id desc", orderBy(null, null, null, BusinessLine.RETAIL_BANKING,
                Classification.EVENT, NEWEST), "by loss event the class is the root's, not the incident's column");
        assertEquals("i.netLoss desc, i.id desc", orderBy(IncidentStatus.OPEN, null, null, null,
                Classification.INCIDENT, IncidentSort.parse("-netLoss")), "no index of status and net loss");
    }
}
