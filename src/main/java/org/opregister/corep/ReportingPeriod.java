package org.opregister.corep;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;

/**
 * The period a C 17 return covers: the calendar year up to its reference date, 30 June (interim, 1 January to
 * 30 June) or 31 December (1 January to 31 December) (EBA Q&A 2013_285 and 2014_1694; point 129 of Annex II of
 * Reg. (EU) No 680/2014). Any other reference date has no period.
 */
public record ReportingPeriod(LocalDate start, LocalDate end) {

    public static Optional<ReportingPeriod> of(LocalDate referenceDate) {
        if (referenceDate == null || !isReferenceDate(referenceDate)) {
            return Optional.empty();
        }
        return Optional.of(new ReportingPeriod(LocalDate.of(referenceDate.getYear(), 1, 1), referenceDate));
    }

    public static boolean isReferenceDate(LocalDate date) {
        return date.getMonth() == Month.JUNE && date.getDayOfMonth() == 30
                || date.getMonth() == Month.DECEMBER && date.getDayOfMonth() == 31;
    }

    /** The latest reference date (30 June or 31 December) on or before the day. */
    public static LocalDate latestOnOrBefore(LocalDate day) {
        LocalDate december = LocalDate.of(day.getYear(), 12, 31);
        if (!december.isAfter(day)) {
            return december;
        }
        LocalDate june = LocalDate.of(day.getYear(), 6, 30);
        return june.isAfter(day) ? LocalDate.of(day.getYear() - 1, 12, 31) : june;
    }

    public boolean interim() {
        return end.getMonth() == Month.JUNE;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
