package org.opregister.incident;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.opregister.incident.IncidentFilter.Classification;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which filters of the register the kept totals answer, and which must be counted. */
class KeptScopeTest {

    private static final DataSetRule RULE = new DataSetRule(new BigDecimal("20000"), LossDataSet.NET);

    private static IncidentFilter filter(String q, IncidentStatus status, EventType type, BusinessLine line,
            LocalDate from, DataSetScope dataSet, Classification classifyBy) {
        return new IncidentFilter(q, status, type == null ? null : type.category, type, line, DateBasis.OCCURRENCE,
                from, null, dataSet, RULE, classifyBy);
    }

    @Test
    void statusAndTheIncidentsOwnClassificationAreKept() {
        assertEquals(new IncidentTotals.Scope(null, null, null, null),
                filter(null, null, null, null, null, null, Classification.INCIDENT).keptScope());
        assertEquals(new IncidentTotals.Scope(IncidentStatus.OPEN, EventCategory.EXTERNAL_FRAUD,
                EventType.SYSTEMS_SECURITY, BusinessLine.RETAIL_BANKING),
                filter(null, IncidentStatus.OPEN, EventType.SYSTEMS_SECURITY, BusinessLine.RETAIL_BANKING, null, null,
                        Classification.INCIDENT).keptScope());
        assertEquals(new IncidentTotals.Scope(IncidentStatus.CLOSED, null, null, null),
                filter("  !? ", IncidentStatus.CLOSED, null, null, null, null, Classification.EVENT).keptScope(),
                "a search without a letter or digit is no filter; classifying by event without a class changes nothing");
    }

    @Test
    void anyOtherCriterionIsCounted() {
        assertNull(filter("vendor", null, null, null, null, null, Classification.INCIDENT).keptScope());
        assertNull(filter(null, null, null, null, LocalDate.of(2024, 1, 1), null, Classification.INCIDENT)
                .keptScope());
        assertNull(filter(null, null, null, null, null, DataSetScope.IN, Classification.INCIDENT).keptScope());
        assertNull(filter(null, null, null, BusinessLine.RETAIL_BANKING, null, null, Classification.EVENT).keptScope(),
                "the loss event's class is its root's, not what the kept totals group by");
    }
}
