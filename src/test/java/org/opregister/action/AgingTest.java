package org.opregister.action;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Ageing buckets of open action plans: not due, 1-30, 31-90 and over 90 days overdue. */
class AgingTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    @Test
    void bucketsByDaysPastTheDueDate() {
        assertEquals(Aging.NOT_DUE, Aging.of(TODAY.plusDays(3), TODAY));
        assertEquals(Aging.NOT_DUE, Aging.of(TODAY, TODAY));
        assertEquals(Aging.OVERDUE_1_30, Aging.of(TODAY.minusDays(1), TODAY));
        assertEquals(Aging.OVERDUE_1_30, Aging.of(TODAY.minusDays(30), TODAY));
        assertEquals(Aging.OVERDUE_31_90, Aging.of(TODAY.minusDays(31), TODAY));
        assertEquals(Aging.OVERDUE_31_90, Aging.of(TODAY.minusDays(90), TODAY));
        assertEquals(Aging.OVERDUE_OVER_90, Aging.of(TODAY.minusDays(91), TODAY));
        assertEquals(Aging.OVERDUE_OVER_90, Aging.of(LocalDate.of(2000, 1, 1), TODAY));
    }

    @Test
    void dueDateRangesOfEachBucketForAFilter() {
        assertEquals(TODAY, Aging.NOT_DUE.dueFrom(TODAY));
        assertNull(Aging.NOT_DUE.dueTo(TODAY));
        assertEquals(LocalDate.of(2025, 5, 31), Aging.OVERDUE_1_30.dueFrom(TODAY));
        assertEquals(LocalDate.of(2025, 6, 29), Aging.OVERDUE_1_30.dueTo(TODAY));
        assertEquals(LocalDate.of(2025, 4, 1), Aging.OVERDUE_31_90.dueFrom(TODAY));
        assertEquals(LocalDate.of(2025, 5, 30), Aging.OVERDUE_31_90.dueTo(TODAY));
        assertNull(Aging.OVERDUE_OVER_90.dueFrom(TODAY));
        assertEquals(LocalDate.of(2025, 3, 31), Aging.OVERDUE_OVER_90.dueTo(TODAY));
    }
}
