package org.opregister.dora;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.arc.Arc;

import org.opregister.core.OpriskConfig;

/**
 * The reporting clocks of the major incidents: the {@link ReportingClock} set up from the configuration (zone, bank
 * holidays, Art. 5(5) relief), and each record's schedule from its reports. Also the finder the dashboard reads.
 */
public final class DoraDeadlines {

    private DoraDeadlines() {
    }

    /** One stage: its time limit, when it was first and last submitted, and whether it was on time. */
    public record StageDue(ReportStage stage, Instant due, Instant firstSubmitted, Instant lastSubmitted) {

        public boolean submitted() {
            return firstSubmitted != null;
        }

        public boolean onTime() {
            return due != null && firstSubmitted != null && !firstSubmitted.isAfter(due);
        }
    }

    /** A record's three stages, the next one to submit and its time limit (null when none is pending). */
    public record Schedule(List<StageDue> stages, ReportStage next, Instant nextDue) {

        public boolean overdue(Instant now) {
            return nextDue != null && nextDue.isBefore(now);
        }

        /** Time left until the next time limit (negative when overdue); null without one. */
        public Duration left(Instant now) {
            return nextDue == null ? null : Duration.between(now, nextDue);
        }

        public StageDue stage(ReportStage stage) {
            return stages.get(stage.ordinal());
        }
    }

    public static ZoneId zone(OpriskConfig config) {
        return ZoneId.of(config.timezone());
    }

    public static ReportingClock clock(OpriskConfig config) {
        Set<LocalDate> holidays = config.dora().holidays().orElse(List.of()).stream().map(String::trim)
                .filter(s -> !s.isEmpty()).map(LocalDate::parse).collect(Collectors.toSet());
        return new ReportingClock(zone(config), holidays, config.dora().weekendReliefForInitialAndIntermediate());
    }

    static OpriskConfig config() {
        return Arc.container().instance(OpriskConfig.class).get();
    }

    /** The schedule of a record from its submitted reports (in submission order); stages empty when not major. */
    public static Schedule schedule(ReportingClock clock, DoraRecord record, List<DoraReport> reports) {
        if (!record.ictRelated || !Boolean.TRUE.equals(record.major)) {
            return new Schedule(List.of(), null, null);
        }
        Instant initialFirst = first(reports, ReportStage.INITIAL);
        Instant intermediateFirst = first(reports, ReportStage.INTERMEDIATE);
        Instant intermediateLast = last(reports, ReportStage.INTERMEDIATE);
        Instant finalFirst = first(reports, ReportStage.FINAL);
        List<StageDue> stages = List.of(
                new StageDue(ReportStage.INITIAL, clock.initialDue(record.awareAt, record.classifiedAt), initialFirst,
                        last(reports, ReportStage.INITIAL)),
                new StageDue(ReportStage.INTERMEDIATE, clock.intermediateDue(initialFirst), intermediateFirst,
                        intermediateLast),
                new StageDue(ReportStage.FINAL, clock.finalDue(intermediateLast), finalFirst,
                        last(reports, ReportStage.FINAL)));
        for (StageDue stage : stages) {
            if (!stage.submitted()) {
                return new Schedule(stages, stage.stage(), stage.due());
            }
        }
        return new Schedule(stages, null, null);
    }

    private static Instant first(List<DoraReport> reports, ReportStage stage) {
        return reports.stream().filter(r -> r.stage == stage).map(r -> r.submittedAt).min(Instant::compareTo)
                .orElse(null);
    }

    private static Instant last(List<DoraReport> reports, ReportStage stage) {
        return reports.stream().filter(r -> r.stage == stage).map(r -> r.submittedAt).max(Instant::compareTo)
                .orElse(null);
    }

    /** How many major incidents have a report past its time limit (the dashboard's attention item). */
    public static long countOverdue(Instant now) {
        ReportingClock clock = clock(config());
        long overdue = 0;
        for (DoraRecord record : DoraRecord.majors()) {
            if (schedule(clock, record, DoraReport.of(record)).overdue(now)) {
                overdue++;
            }
        }
        return overdue;
    }
}
