package org.opregister.losses;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** The trend's bucket: a calendar month, quarter or year. */
public enum Grain {

    MONTH, QUARTER, YEAR;

    /** The first day of the bucket holding {@code day}. */
    LocalDate start(LocalDate day) {
        return switch (this) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    LocalDate next(LocalDate start) {
        return switch (this) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    /** The bucket's label: 2024-07, 2024-Q3, 2024. */
    String label(LocalDate start) {
        return switch (this) {
            case MONTH -> start.toString().substring(0, 7);
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    /** The bucket number within its year as the trend query returns it (month, quarter, or 0 for a year). */
    int index(LocalDate start) {
        return switch (this) {
            case MONTH -> start.getMonthValue();
            case QUARTER -> start.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> 0;
        };
    }
}
