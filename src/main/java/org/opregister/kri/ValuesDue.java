package org.opregister.kri;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;

import org.opregister.core.AppClock;
import org.opregister.core.OpriskConfig;

/**
 * The ended periods of a typed-in KRI that have no value yet, oldest first, and how many of them are past due. A
 * period's value is due {@code oprisk.kri.value-due-days} days after the period ends; past that it is missing, and
 * the KRI's colour no longer says where it stands. Periods are expected from the KRI's first value, or, before any,
 * from the first period that starts once it was defined. Computed KRIs (their values are computed) and retired ones
 * expect none.
 */
public record ValuesDue(Kri kri, List<LocalDate> open, int missing, int dueDays) {

    public static ValuesDue of(Kri kri) {
        return of(kri, AppClock.today(), configuredDueDays());
    }

    static ValuesDue of(Kri kri, LocalDate today, int dueDays) {
        return of(List.of(kri), today, dueDays).get(kri.id);
    }

    /** The values due of each of these KRIs, by id, their recorded periods read in one query. */
    static Map<Long, ValuesDue> of(List<Kri> kris) {
        return of(kris, AppClock.today(), configuredDueDays());
    }

    private static Map<Long, ValuesDue> of(List<Kri> kris, LocalDate today, int dueDays) {
        Map<Long, Set<LocalDate>> recorded = KriValue.periodsOf(kris.stream().filter(ValuesDue::expectsValues)
                .toList());
        Map<Long, ValuesDue> due = new HashMap<>();
        for (Kri kri : kris) {
            due.put(kri.id, expectsValues(kri)
                    ? of(kri, recorded.getOrDefault(kri.id, Set.of()), today, dueDays)
                    : new ValuesDue(kri, List.of(), 0, dueDays));
        }
        return due;
    }

    private static boolean expectsValues(Kri kri) {
        return !kri.computed() && kri.status == KriActivity.ACTIVE;
    }

    private static ValuesDue of(Kri kri, Set<LocalDate> recorded, LocalDate today, int dueDays) {
        KriFrequency frequency = kri.frequency;
        LocalDate start = firstExpected(kri, recorded);
        LocalDate lastEnded = frequency.previous(frequency.periodOf(today));
        List<LocalDate> open = new ArrayList<>();
        int missing = 0;
        for (LocalDate period = start; !period.isAfter(lastEnded); period = frequency.next(period)) {
            if (!recorded.contains(period)) {
                open.add(period);
                if (today.isAfter(dueDate(frequency, period, dueDays))) {
                    missing++;
                }
            }
        }
        return new ValuesDue(kri, open, missing, dueDays);
    }

    private static LocalDate firstExpected(Kri kri, Set<LocalDate> recorded) {
        LocalDate defined = kri.createdAt == null
                ? AppClock.today()
                : kri.createdAt.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate period = kri.frequency.periodOf(defined);
        LocalDate first = period.equals(defined) ? period : kri.frequency.next(period);
        for (LocalDate value : recorded) {
            if (value.isBefore(first)) {
                first = value;
            }
        }
        return first;
    }

    private static LocalDate dueDate(KriFrequency frequency, LocalDate period, int dueDays) {
        return frequency.lastDay(period).plusDays(dueDays);
    }

    /** Days after a period ends by which its value is due ({@code oprisk.kri.value-due-days}). */
    static int configuredDueDays() {
        return Math.max(0, ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(OpriskConfig.class)
                .kri().valueDueDays());
    }

    /** How many active typed-in KRIs miss a value past its due date. */
    public static long kriCountMissing() {
        return of(Kri.<Kri>list("status = ?1 and source = ?2", KriActivity.ACTIVE, KriSource.MANUAL)).values()
                .stream().filter(ValuesDue::anyMissing).count();
    }

    public boolean anyMissing() {
        return missing > 0;
    }

    /** The oldest period whose value is missing past its due date, as a label; null when none is. */
    public String oldestMissing() {
        return anyMissing() ? kri.periodLabel(open.get(0)) : null;
    }

    /** When the oldest missing value was due; null when none is missing. */
    public LocalDate oldestDueDate() {
        return anyMissing() ? dueDate(kri.frequency, open.get(0), dueDays) : null;
    }

    /** The period to record next: the oldest ended period without a value; null when every ended period has one. */
    LocalDate next() {
        return open.isEmpty() ? null : open.get(0);
    }
}
