package org.opregister.action;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.quarkus.qute.TemplateEnum;

/** How far past its due date an open action plan is. */
@TemplateEnum
public enum Aging {

    NOT_DUE(Long.MIN_VALUE, 0), OVERDUE_1_30(1, 30), OVERDUE_31_90(31, 90), OVERDUE_OVER_90(91, Long.MAX_VALUE);

    /** Days overdue, inclusive bounds. */
    final long from;
    final long to;

    Aging(long from, long to) {
        this.from = from;
        this.to = to;
    }

    public static Aging of(LocalDate dueDate, LocalDate today) {
        long late = ChronoUnit.DAYS.between(dueDate, today);
        for (Aging bucket : values()) {
            if (late >= bucket.from && late <= bucket.to) {
                return bucket;
            }
        }
        return NOT_DUE;
    }

    /** The due dates of this bucket on the given day: from (inclusive) and to (inclusive); null for open ends. */
    LocalDate dueFrom(LocalDate today) {
        return to == Long.MAX_VALUE ? null : today.minusDays(to);
    }

    LocalDate dueTo(LocalDate today) {
        return from == Long.MIN_VALUE ? null : today.minusDays(from);
    }
}
