package org.opregister.incident;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An event's loss figures in the reporting currency, summed from its ledger lines (BIS OPE25, CRR Art. 318):
 * gross loss, recoveries received, net loss = gross − received, recoveries still expected (shown apart), and what is
 * left of the provisions. For a whole ledger gross and net never go below zero (the service refuses a line that would
 * make them); for one accounting period net may be negative: a recovery received after the loss's year adjusts it.
 */
public record LedgerTotals(BigDecimal gross, BigDecimal recoveries, BigDecimal expectedRecoveries,
        BigDecimal provisions) {

    public static final LedgerTotals NONE = new LedgerTotals(zero(), zero(), zero(), zero());

    /** One line's contribution: its type, its recovery status (recoveries only) and its reporting amount. */
    public record Line(LossType type, RecoveryStatus status, BigDecimal amount) {
    }

    public BigDecimal net() {
        return gross.subtract(recoveries);
    }

    public static LedgerTotals of(Iterable<Line> lines) {
        LedgerTotals totals = NONE;
        for (Line line : lines) {
            totals = totals.plus(line);
        }
        return totals;
    }

    LedgerTotals plus(Line line) {
        BigDecimal amount = line.amount();
        if (line.type().isRecovery()) {
            return line.status() == RecoveryStatus.RECEIVED
                    ? new LedgerTotals(gross, recoveries.add(amount), expectedRecoveries, provisions)
                    : new LedgerTotals(gross, recoveries, expectedRecoveries.add(amount), provisions);
        }
        BigDecimal newGross = gross.add(amount.multiply(BigDecimal.valueOf(line.type().grossSign)));
        BigDecimal newProvisions = line.type() == LossType.PROVISION
                ? provisions.add(amount)
                : line.type().drawsOnProvision() ? provisions.subtract(amount) : provisions;
        return new LedgerTotals(newGross, recoveries, expectedRecoveries, newProvisions);
    }

    /** Whether these are the figures given (as stored on an incident), whatever their scale. */
    boolean sameAs(BigDecimal gross, BigDecimal recoveries, BigDecimal expected, BigDecimal provisions) {
        return this.gross.compareTo(gross) == 0 && this.recoveries.compareTo(recoveries) == 0
                && expectedRecoveries.compareTo(expected) == 0 && this.provisions.compareTo(provisions) == 0;
    }

    /** Received recoveries beyond the gross loss: net loss would go below zero. */
    public boolean recoveredBeyondGross() {
        return recoveries.compareTo(gross) > 0;
    }

    /** More released or used than was ever provided. */
    public boolean provisionsOverdrawn() {
        return provisions.signum() < 0;
    }

    /** A ledger's figures by accounting year and quarter (CRR Art. 317(3): losses go to the year they are booked). */
    public record Period(int year, int quarter, LedgerTotals totals) {

        /** The year's own row (quarter 0) sums its quarters. */
        public boolean yearTotal() {
            return quarter == 0;
        }
    }

    /** The periods that hold lines, each year followed by its total, oldest first. */
    public static List<Period> byAccountingPeriod(List<LossEntry> entries) {
        Map<Integer, Map<Integer, LedgerTotals>> years = new TreeMap<>();
        for (LossEntry entry : entries) {
            LocalDate date = entry.accountingDate;
            int quarter = (date.getMonthValue() - 1) / 3 + 1;
            years.computeIfAbsent(date.getYear(), y -> new TreeMap<>()).merge(quarter, NONE.plus(entry.line()),
                    (a, b) -> a.plus(b));
        }
        List<Period> periods = new ArrayList<>();
        years.forEach((year, quarters) -> {
            LedgerTotals yearTotals = NONE;
            for (var quarter : quarters.entrySet()) {
                periods.add(new Period(year, quarter.getKey(), quarter.getValue()));
                yearTotals = yearTotals.plus(quarter.getValue());
            }
            periods.add(new Period(year, 0, yearTotals));
        });
        return periods;
    }

    LedgerTotals plus(LedgerTotals other) {
        return new LedgerTotals(gross.add(other.gross), recoveries.add(other.recoveries),
                expectedRecoveries.add(other.expectedRecoveries), provisions.add(other.provisions));
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
