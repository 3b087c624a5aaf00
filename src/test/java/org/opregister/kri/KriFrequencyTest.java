package org.opregister.kri;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** KRI periods: their first day, neighbours, last day, and the labels users type and see (2025-03, 2025-Q1). */
class KriFrequencyTest {

    @Test
    void periodsStartOnTheFirstDayOfTheMonthOrQuarter() {
        assertEquals(LocalDate.of(2025, 2, 1), KriFrequency.MONTHLY.periodOf(LocalDate.of(2025, 2, 28)));
        assertEquals(LocalDate.of(2025, 1, 1), KriFrequency.QUARTERLY.periodOf(LocalDate.of(2025, 3, 31)));
        assertEquals(LocalDate.of(2025, 4, 1), KriFrequency.QUARTERLY.periodOf(LocalDate.of(2025, 4, 1)));
        assertEquals(LocalDate.of(2025, 10, 1), KriFrequency.QUARTERLY.periodOf(LocalDate.of(2025, 12, 31)));
    }

    @Test
    void neighboursAndLastDay() {
        assertEquals(LocalDate.of(2025, 1, 1), KriFrequency.MONTHLY.next(LocalDate.of(2024, 12, 1)));
        assertEquals(LocalDate.of(2024, 10, 1), KriFrequency.QUARTERLY.previous(LocalDate.of(2025, 1, 1)));
        assertEquals(LocalDate.of(2024, 2, 29), KriFrequency.MONTHLY.lastDay(LocalDate.of(2024, 2, 1)));
        assertEquals(LocalDate.of(2025, 6, 30), KriFrequency.QUARTERLY.lastDay(LocalDate.of(2025, 4, 1)));
    }

    @Test
    void labels() {
        assertEquals("2025-03", KriFrequency.MONTHLY.label(LocalDate.of(2025, 3, 1)));
        assertEquals("2025-12", KriFrequency.MONTHLY.label(LocalDate.of(2025, 12, 1)));
        assertEquals("2025-Q1", KriFrequency.QUARTERLY.label(LocalDate.of(2025, 1, 1)));
        assertEquals("2025-Q4", KriFrequency.QUARTERLY.label(LocalDate.of(2025, 10, 1)));
    }

    @Test
    void parsingALabelGivesThePeriodOrNull() {
        assertEquals(LocalDate.of(2025, 3, 1), KriFrequency.MONTHLY.parse(" 2025-03 "));
        assertEquals(LocalDate.of(2025, 7, 1), KriFrequency.QUARTERLY.parse("2025-Q3"));
        assertNull(KriFrequency.MONTHLY.parse("2025-13"));
        assertNull(KriFrequency.MONTHLY.parse("2025-00"));
        assertNull(KriFrequency.MONTHLY.parse("2025-Q1"));
        assertNull(KriFrequency.QUARTERLY.parse("2025-Q5"));
        assertNull(KriFrequency.QUARTERLY.parse("2025-03"));
        assertNull(KriFrequency.MONTHLY.parse("1899-12"));
        assertNull(KriFrequency.MONTHLY.parse("3000-01"));
        assertNull(KriFrequency.MONTHLY.parse(null));
        for (KriFrequency frequency : KriFrequency.values()) {
            LocalDate period = frequency.periodOf(LocalDate.of(2026, 8, 17));
            assertEquals(period, frequency.parse(frequency.label(period)));
        }
    }

    @Test
    void periodsAreWrittenPerFrequency() {
        assertEquals(java.time.LocalDate.of(2024, 7, 1), KriFrequency.MONTHLY.parse("2024-07"));
        assertEquals(java.time.LocalDate.of(2024, 7, 1), KriFrequency.QUARTERLY.parse("2024-Q3"));
        assertNull(KriFrequency.MONTHLY.parse("2024-13"));
        assertNull(KriFrequency.QUARTERLY.parse("2024-Q5"));
        assertNull(KriFrequency.MONTHLY.parse("2024-Q3"));
        assertEquals("2024-Q4",
                KriFrequency.QUARTERLY.label(KriFrequency.QUARTERLY.periodOf(java.time.LocalDate.of(2024, 11, 30))));
    }
}
