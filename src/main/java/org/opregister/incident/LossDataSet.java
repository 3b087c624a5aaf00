package org.opregister.incident;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether an event belongs to the regulatory loss data set (CRR Arts. 316–319, BIS OPE25), and why not. An event is
 * the incident with the incidents grouped under it (CRR Art. 311a(4)); its aggregated loss is compared with the
 * collection threshold on the net or gross basis set in {@code oprisk.loss-data}. Near misses, gain events and
 * credit-boundary losses stay out; market-boundary losses stay in. A grouped incident is counted with its root.
 * "Rapidly recovered" (fully recovered within five working days) is shown for the returns to treat as their
 * instructions say.
 */
public record LossDataSet(boolean included, List<String> reasons, BigDecimal aggregatedGross,
        BigDecimal aggregatedNet, int events, boolean rapidlyRecovered, BigDecimal threshold, String basis,
        Incident countedWith, List<Incident> grouped) {

    public static final String NET = "NET";

    /** The reasons an event is out, as message keys. */
    public static final String GROUPED = "lossData.reason.grouped";
    public static final String NEAR_MISS = "lossData.reason.nearMiss";
    public static final String GAIN = "lossData.reason.gain";
    public static final String CREDIT_BOUNDARY = "lossData.reason.creditBoundary";
    public static final String BELOW_THRESHOLD = "lossData.reason.belowThreshold";

    /**
     * @param incident
     *            the incident shown
     * @param lines
     *            its own ledger lines
     * @param grouped
     *            the incidents grouped under it (none when it is grouped itself)
     * @param rule
     *            the configured collection threshold and its basis
     */
    public static LossDataSet of(Incident incident, List<LossEntry> lines, List<Incident> grouped, DataSetRule rule) {
        BigDecimal gross = incident.grossLoss;
        BigDecimal net = incident.netLoss;
        for (Incident member : grouped) {
            gross = gross.add(member.grossLoss);
            net = net.add(member.netLoss);
        }
        List<String> reasons = new ArrayList<>();
        if (incident.rootEvent != null) {
            reasons.add(GROUPED);
        }
        if (incident.nearMiss) {
            reasons.add(NEAR_MISS);
        }
        if (incident.gainEvent) {
            reasons.add(GAIN);
        }
        if (incident.creditBoundary) {
            reasons.add(CREDIT_BOUNDARY);
        }
        BigDecimal measured = rule.netBasis() ? net : gross;
        if (incident.rootEvent == null && measured.compareTo(rule.threshold()) < 0) {
            reasons.add(BELOW_THRESHOLD);
        }
        return new LossDataSet(reasons.isEmpty(), List.copyOf(reasons), gross, net, 1 + grouped.size(),
                rapidlyRecovered(lines), rule.threshold(), rule.basis(), incident.rootEvent, List.copyOf(grouped));
    }

    /**
     * Fully recovered (recoveries received equal the gross loss) within five working days (Monday to Friday) of the
     * first loss booked.
     */
    static boolean rapidlyRecovered(List<LossEntry> lines) {
        return rapidlyRecoveredLines(lines.stream().map(l -> new DatedLine(l.line(), l.accountingDate)).toList());
    }

    /** A ledger line's contribution with its accounting date, for rules that read dates (the returns). */
    public record DatedLine(LedgerTotals.Line line, LocalDate accountingDate) {
    }

    /** {@link #rapidlyRecovered} on lines given by value (the returns apply it to the lines up to their date). */
    public static boolean rapidlyRecoveredLines(List<DatedLine> lines) {
        LedgerTotals totals = LedgerTotals.of(lines.stream().map(DatedLine::line).toList());
        if (totals.gross().signum() <= 0 || totals.net().signum() != 0 || totals.expectedRecoveries().signum() != 0) {
            return false;
        }
        LocalDate firstLoss = lines.stream().filter(l -> !l.line().type().isRecovery() && l.line().type().grossSign > 0)
                .map(DatedLine::accountingDate).min(LocalDate::compareTo).orElse(null);
        LocalDate lastRecovery = lines.stream().filter(l -> l.line().type().isRecovery())
                .map(DatedLine::accountingDate).max(LocalDate::compareTo).orElse(null);
        return firstLoss != null && lastRecovery != null && workingDaysBetween(firstLoss, lastRecovery) <= 5;
    }

    /** Working days (Monday to Friday) after {@code from} up to and including {@code to}; 0 on the same day. */
    static int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from);
        int days = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }
}
