package org.opregister.dora;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.opregister.core.CurrentLocale;
import org.opregister.core.LocalFormats;
import org.opregister.core.Messages;
import org.opregister.incident.Incident;

/** What the DORA pages show of one incident: its record, classification, history, reports and time limits. */
public record DoraView(Incident incident, DoraRecord record, DoraClassifier.Result result,
        List<DoraClassification> history, List<DoraReport> reports, DoraDeadlines.Schedule schedule, ZoneId zone,
        Instant now) {

    static DoraView of(Incident incident, DoraRecord record, ReportingClock clock, ZoneId zone, Instant now) {
        if (record == null) {
            return new DoraView(incident, null, null, List.of(), List.of(),
                    new DoraDeadlines.Schedule(List.of(), null, null), zone, now);
        }
        List<DoraReport> reports = DoraReport.of(record);
        DoraClassifier.Result result = record.ictRelated ? DoraClassifier.classify(record.inputs()) : null;
        return new DoraView(incident, record, result, DoraClassification.of(record), reports,
                DoraDeadlines.schedule(clock, record, reports), zone, now);
    }

    public String zoneId() {
        return zone.getId();
    }

    /** An instant in the configured zone; empty when unknown. */
    public String time(Instant instant) {
        // With the zone's short name (CEST, CET): the incident's own texts and the audit trail speak UTC.
        return instant == null ? "" : LocalFormats.zoned(instant.atZone(zone), CurrentLocale.current(), true);
    }

    /** The same instant in UTC (for the title attribute). */
    public String utc(Instant instant) {
        return LocalFormats.instant(instant, CurrentLocale.current());
    }

    public String reason(DoraClassifier.Threshold threshold) {
        return Messages.get(locale(), threshold.reasonKey(), threshold.arguments().toArray());
    }

    public String criticalReason() {
        return result == null ? "" : Messages.get(locale(), result.criticalReasonKey());
    }

    public boolean overdue() {
        return schedule.overdue(now);
    }

    public String countdown() {
        return countdown(schedule.left(now));
    }

    public String hours(Duration duration) {
        return duration == null
                ? ""
                : java.text.NumberFormat.getNumberInstance(CurrentLocale.current())
                        .format(DoraClassifier.hours(duration));
    }

    /** The mandatory fields of a stage's report the register cannot fill yet (ITS 2025/302, Annex I). */
    public List<ReportData.Field> missingFields(ReportStage stage, String currency) {
        return ReportData.missing(ReportData.fields(stage, record, reports, currency, locale()));
    }

    public BigDecimal economicImpact() {
        return record == null ? BigDecimal.ZERO : record.economicImpact();
    }

    /** "3 h 05 min left" or "overdue by 1 d 2 h 00 min"; empty without a time limit. */
    static String countdown(Duration left) {
        if (left == null) {
            return "";
        }
        Duration abs = left.abs();
        String span = Messages.get(locale(), "dora.countdown.span", abs.toDays(), abs.toHoursPart(),
                String.format(Locale.ROOT, "%02d", abs.toMinutesPart()));
        return Messages.get(locale(), left.isNegative() ? "dora.countdown.overdue" : "dora.countdown.left", span);
    }

    private static Locale locale() {
        return CurrentLocale.current();
    }

    /** One line of the DORA list: the incident's record and its next time limit. */
    public record Row(DoraRecord record, DoraDeadlines.Schedule schedule, ZoneId zone, Instant now) {

        public boolean overdue() {
            return schedule.overdue(now);
        }

        public String countdown() {
            return DoraView.countdown(schedule.left(now));
        }

        public String due() {
            return schedule.nextDue() == null
                    ? ""
                    : LocalFormats.zoned(schedule.nextDue().atZone(zone), CurrentLocale.current(), false);
        }
    }
}
