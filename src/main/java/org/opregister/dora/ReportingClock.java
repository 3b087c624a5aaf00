package org.opregister.dora;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The time limits of Delegated Regulation 2025/301, Art. 5, as written. Pure: the caller gives the moments, the
 * zone of the reporting entity's Member State, its bank holidays, and whether the weekend relief applies to the
 * initial and intermediate stages.
 * <ul>
 * <li>Art. 5(1)(a): initial notification within 4 hours of the classification as major, and no later than 24 hours
 * after becoming aware; Art. 5(2): classified as major more than 24 hours after becoming aware, within 4 hours of the
 * classification.</li>
 * <li>Art. 5(1)(b): intermediate report within 72 hours of the submission of the initial notification.</li>
 * <li>Art. 5(1)(c): final report no later than one month after the latest (updated) intermediate report.</li>
 * <li>Art. 5(4): a time limit falling on a weekend day or a bank holiday of the Member State moves to noon of the next
 * working day; Art. 5(5): not for the initial notification and intermediate report of credit institutions (and of
 * the other entities it names), whose final report keeps the relief.</li>
 * </ul>
 */
public record ReportingClock(ZoneId zone, Set<LocalDate> holidays, boolean reliefForInitialAndIntermediate) {

    public static final Duration INITIAL_AFTER_CLASSIFICATION = Duration.ofHours(4);
    public static final Duration INITIAL_AFTER_AWARENESS = Duration.ofHours(24);
    public static final Duration INTERMEDIATE_AFTER_INITIAL = Duration.ofHours(72);
    public static final LocalTime NOON = LocalTime.NOON;

    /** The initial notification's time limit; null without the classification as major. */
    public Instant initialDue(Instant aware, Instant classifiedMajor) {
        if (classifiedMajor == null) {
            return null;
        }
        Instant fromClassification = classifiedMajor.plus(INITIAL_AFTER_CLASSIFICATION);
        Instant due = fromClassification;
        if (aware != null) {
            Instant latest = aware.plus(INITIAL_AFTER_AWARENESS);
            if (!classifiedMajor.isAfter(latest) && latest.isBefore(fromClassification)) {
                due = latest;
            }
        }
        return reliefForInitialAndIntermediate ? workingDay(due) : due;
    }

    /** The intermediate report's time limit; null before the initial notification is submitted. */
    public Instant intermediateDue(Instant initialSubmitted) {
        if (initialSubmitted == null) {
            return null;
        }
        Instant due = initialSubmitted.plus(INTERMEDIATE_AFTER_INITIAL);
        return reliefForInitialAndIntermediate ? workingDay(due) : due;
    }

    /** The final report's time limit; null before an intermediate report is submitted. */
    public Instant finalDue(Instant latestIntermediateSubmitted) {
        if (latestIntermediateSubmitted == null) {
            return null;
        }
        return workingDay(latestIntermediateSubmitted.atZone(zone).plusMonths(1).toInstant());
    }

    /** Art. 5(4): a time limit on a weekend day or bank holiday moves to noon of the next working day. */
    public Instant workingDay(Instant due) {
        ZonedDateTime local = due.atZone(zone);
        if (working(local.toLocalDate())) {
            return due;
        }
        LocalDate next = local.toLocalDate().plusDays(1);
        while (!working(next)) {
            next = next.plusDays(1);
        }
        return next.atTime(NOON).atZone(zone).toInstant();
    }

    public boolean working(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }
}
