package org.opregister.kri;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How often a KRI is measured; a period is named by its first day and written 2024-07 or 2024-Q3. */
public enum KriFrequency {

    MONTHLY(1, Pattern.compile("(\\d{4})-(\\d{2})")), QUARTERLY(3, Pattern.compile("(\\d{4})-Q([1-4])"));

    private final int months;
    private final Pattern format;

    KriFrequency(int months, Pattern format) {
        this.months = months;
        this.format = format;
    }

    /** The first day of the period that holds the date. */
    public LocalDate periodOf(LocalDate date) {
        int month = (date.getMonthValue() - 1) / months * months + 1;
        return LocalDate.of(date.getYear(), month, 1);
    }

    public LocalDate next(LocalDate periodStart) {
        return periodStart.plusMonths(months);
    }

    public LocalDate previous(LocalDate periodStart) {
        return periodStart.minusMonths(months);
    }

    public LocalDate lastDay(LocalDate periodStart) {
        return next(periodStart).minusDays(1);
    }

    public String label(LocalDate periodStart) {
        return this == MONTHLY
                ? String.format("%d-%02d", periodStart.getYear(), periodStart.getMonthValue())
                : String.format("%d-Q%d", periodStart.getYear(), (periodStart.getMonthValue() - 1) / 3 + 1);
    }

    /** The period written as its label, or null when the text is not one (e.g. 2024-13, 2024-Q5). */
    public LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = format.matcher(text.trim());
        if (!matcher.matches()) {
            return null;
        }
        int year = Integer.parseInt(matcher.group(1));
        int part = Integer.parseInt(matcher.group(2));
        if (year < 1900 || year > 2999 || (this == MONTHLY && (part < 1 || part > 12))) {
            return null;
        }
        return LocalDate.of(year, this == MONTHLY ? part : (part - 1) * 3 + 1, 1);
    }
}
