package org.opregister.corep;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.opregister.incident.LedgerTotals;
import org.opregister.incident.LossDataSet;
import org.opregister.incident.LossType;
import org.opregister.incident.RecoveryStatus;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

/**
 * What a C 17 return is computed from, by value (no database): the loss events with their ledger lines summed by
 * business line, type, recovery status and part of the period, and the rule.
 */
public final class ReturnInput {

    private ReturnInput() {
    }

    /** One ledger line in the reporting currency, with the incident it belongs to (tests and the aggregation rule). */
    public record LedgerLine(long id, long incidentId, LossType type, RecoveryStatus status, BigDecimal amount,
            LocalDate accountingDate, BusinessLine businessLine) {
    }

    /**
     * The lines of one event with the same business line, type and recovery status, booked either before the period
     * ({@code inPeriod} false) or inside it, up to the reference date: their sum, their number, and the first and
     * last accounting dates (what the rapidly-recovered rule reads). The database sums the ledger into these
     * ({@link C17Returns#load}); {@link #of} does the same on lines given by value.
     */
    public record LineGroup(BusinessLine businessLine, LossType type, RecoveryStatus status, boolean inPeriod,
            BigDecimal amount, long lines, LocalDate firstDate, LocalDate lastDate) {

        /** The effect on gross loss: the amount with the type's sign (0 for recoveries and uses of a provision). */
        public BigDecimal gross() {
            return amount.multiply(BigDecimal.valueOf(type.grossSign));
        }

        public boolean received() {
            return type.isRecovery() && status == RecoveryStatus.RECEIVED;
        }

        LedgerTotals.Line line() {
            return new LedgerTotals.Line(type, status, amount);
        }

        /**
         * The lines up to the period's end summed as the database does: by business line, type, recovery status and
         * whether the accounting date is before the period's start. Sorted as the hash reads them.
         */
        public static List<LineGroup> of(List<LedgerLine> lines, ReportingPeriod period) {
            record Key(BusinessLine businessLine, LossType type, RecoveryStatus status, boolean inPeriod) {
            }
            Map<Key, LineGroup> groups = new LinkedHashMap<>();
            for (LedgerLine line : lines) {
                if (line.accountingDate().isAfter(period.end())) {
                    continue;
                }
                boolean inPeriod = !line.accountingDate().isBefore(period.start());
                LineGroup one = new LineGroup(line.businessLine(), line.type(), line.status(), inPeriod,
                        line.amount(), 1, line.accountingDate(), line.accountingDate());
                groups.merge(new Key(line.businessLine(), line.type(), line.status(), inPeriod), one,
                        LineGroup::plus);
            }
            return groups.values().stream().sorted(ORDER).toList();
        }

        LineGroup plus(LineGroup other) {
            return new LineGroup(businessLine, type, status, inPeriod, amount.add(other.amount), lines + other.lines,
                    firstDate.isBefore(other.firstDate) ? firstDate : other.firstDate,
                    lastDate.isAfter(other.lastDate) ? lastDate : other.lastDate);
        }

        /** The canonical order: business line, type, recovery status (none first), before the period first. */
        public static final Comparator<LineGroup> ORDER = Comparator
                .comparing((LineGroup g) -> g.businessLine().name()).thenComparing(g -> g.type().name())
                .thenComparing(g -> g.status() == null ? "" : g.status().name())
                .thenComparing(LineGroup::inPeriod);
    }

    /**
     * A loss event: a root incident with the incidents grouped under it (CRR Art. 311a; point 127 of the C 17.01
     * instructions: grouped events are reported as one event). Classification, dates, flags and legal entity are the
     * root's; the line groups sum the lines of the root and of every grouped incident.
     */
    public record LossEvent(long rootId, String reference, String title, EventCategory category, EventType eventType,
            boolean nearMiss, boolean gainEvent, boolean creditBoundary, LocalDate occurrenceDate,
            LocalDate discoveryDate, String entityCode, String entityName, String entityLei, String orgUnit,
            List<LineGroup> groups) {

        /** Gross loss of the groups (all of them, or those before the period only). */
        BigDecimal gross(boolean beforePeriodOnly) {
            BigDecimal gross = BigDecimal.ZERO;
            for (LineGroup g : groups) {
                if (!beforePeriodOnly || !g.inPeriod()) {
                    gross = gross.add(g.gross());
                }
            }
            return gross;
        }

        /**
         * Fully recovered within five working days of the first loss ({@link LossDataSet#rapidlyRecoveredLines}),
         * judged on the groups (all of them, or those before the period only): a group stands for its first date
         * when it adds to the loss and for its last date when it is a recovery, which is all the rule reads.
         */
        boolean rapidlyRecovered(boolean beforePeriodOnly) {
            List<LossDataSet.DatedLine> dated = new ArrayList<>();
            for (LineGroup g : groups) {
                if (!beforePeriodOnly || !g.inPeriod()) {
                    dated.add(
                            new LossDataSet.DatedLine(g.line(), g.type().isRecovery() ? g.lastDate() : g.firstDate()));
                }
            }
            return LossDataSet.rapidlyRecoveredLines(dated);
        }

        /** The first accounting date of a line that changes the gross loss; null when there is none. */
        LocalDate firstAccounting() {
            LocalDate first = null;
            for (LineGroup g : groups) {
                if (g.type().grossSign != 0 && (first == null || g.firstDate().isBefore(first))) {
                    first = g.firstDate();
                }
            }
            return first;
        }

        /** Whether any group is before the period and changes the gross loss. */
        boolean lossBeforePeriod() {
            for (LineGroup g : groups) {
                if (!g.inPeriod() && g.type().grossSign != 0) {
                    return true;
                }
            }
            return false;
        }

        public long lines() {
            long lines = 0;
            for (LineGroup g : groups) {
                lines += g.lines();
            }
            return lines;
        }
    }

    /**
     * The collection rule and the EUR conversion of a return. C 17 reads the gross loss (C 17.00 instructions para
     * 121: "gross losses above internal thresholds"), whatever basis the SMA's loss data set uses.
     *
     * @param threshold
     *            the collection threshold in the reporting currency ({@code oprisk.loss-data.threshold}), tested on
     *            the event's aggregated gross loss
     * @param currency
     *            the reporting currency
     * @param eurRate
     *            units of the reporting currency per EUR on the reference date (1 when it is EUR)
     * @param eurRateDate
     *            the date of that rate
     * @param c1702ThresholdEur
     *            the C 17.02 listing threshold in EUR ({@code oprisk.returns.c1702-threshold})
     */
    public record Rule(BigDecimal threshold, String currency, BigDecimal eurRate, LocalDate eurRateDate,
            BigDecimal c1702ThresholdEur) {

        public Rule {
            Objects.requireNonNull(threshold);
            Objects.requireNonNull(eurRate);
        }

        /** An amount in EUR in the reporting currency. */
        public BigDecimal fromEur(long eur) {
            return eurRate.multiply(BigDecimal.valueOf(eur));
        }

        public BigDecimal fromEur(BigDecimal eur) {
            return eurRate.multiply(eur);
        }
    }
}
