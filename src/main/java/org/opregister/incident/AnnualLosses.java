package org.opregister.incident;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * The regulatory loss data set by accounting year (CRR Art. 317(3): a line counts in the year it is booked; Art. 318:
 * net = gross − recoveries received), for the annual operational risk loss of CRR Art. 316 and BIS OPE25.8. Only the
 * events the {@link DataSetRule} takes count (root events with the incidents grouped under them as one event; no near
 * misses, gains or credit-boundary losses; aggregated loss at or above the threshold); a recovery received in a later
 * year reduces that later year.
 */
public final class AnnualLosses {

    private AnnualLosses() {
    }

    /** One accounting year: the events with lines booked in it and the sum of those lines. */
    public record Year(int year, long events, LedgerTotals totals) {
    }

    /**
     * The years from {@code first} to {@code last} that hold lines of events in the data set, oldest first. A year's
     * kept figure ({@link KeptAnnualLosses}) is read when no change to the ledger has marked the year since it was
     * written, in one statement (one snapshot of figures and marks); the other years are counted from their lines.
     */
    public static List<Year> between(DataSetRule rule, int first, int last) {
        Map<Integer, Year> years = new TreeMap<>(KeptAnnualLosses.keptUnmarked(rule, first, last));
        List<Integer> toCount = new ArrayList<>();
        for (int y = first; y <= last; y++) {
            if (!years.containsKey(y)) {
                toCount.add(y);
            }
        }
        for (List<Integer> run : runs(toCount)) {
            for (Year year : counted(rule, run.get(0), run.get(run.size() - 1))) {
                years.put(year.year(), year);
            }
        }
        years.values().removeIf(year -> year.events() == 0);
        return List.copyOf(years.values());
    }

    /** The years, in ascending order, as runs of consecutive years (each counted by one pair of queries). */
    static List<List<Integer>> runs(Collection<Integer> years) {
        List<List<Integer>> runs = new ArrayList<>();
        List<Integer> run = null;
        for (int year : new TreeSet<>(years)) {
            if (run == null || run.get(run.size() - 1) != year - 1) {
                run = new ArrayList<>();
                runs.add(run);
            }
            run.add(year);
        }
        return runs;
    }

    /**
     * The same years counted from the ledger: two aggregate queries (sums by year, line type and recovery status;
     * events by year), whose answers stay small whatever the size of the ledger. Each line says which event it counts
     * in and whether that event is in the data set ({@link DataSetRule#lineInClause}), so both read the lines' index
     * by accounting date ({@code loss_entry_period_idx}) and no incident.
     */
    static List<Year> counted(DataSetRule rule, int first, int last) {
        String year = "extract(year from l.accountingDate)";
        String scope = " from LossEntry l where l.accountingDate between :from and :to and " + rule.lineInClause("l");
        Map<Integer, List<LedgerTotals.Line>> lines = new TreeMap<>();
        for (Object[] row : query("select " + year + ", l.type, l.recoveryStatus, sum(l.reportingAmount)" + scope
                + " group by " + year + ", l.type, l.recoveryStatus", rule, first, last)) {
            lines.computeIfAbsent(((Number) row[0]).intValue(), y -> new ArrayList<>())
                    .add(new LedgerTotals.Line((LossType) row[1], (RecoveryStatus) row[2], (BigDecimal) row[3]));
        }
        Map<Integer, Long> events = new HashMap<>();
        for (Object[] row : query("select " + year + ", count(distinct l.event.root)" + scope + " group by "
                + year, rule, first, last)) {
            events.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
        }
        List<Year> years = new ArrayList<>();
        lines.forEach((y, yearLines) -> years.add(new Year(y, events.getOrDefault(y, 0L), LedgerTotals.of(yearLines))));
        return years;
    }

    private static List<Object[]> query(String hql, DataSetRule rule, int first, int last) {
        return Panache.getEntityManager().createQuery(hql, Object[].class)
                .setParameter("from", LocalDate.of(first, 1, 1))
                .setParameter("to", LocalDate.of(last, 12, 31))
                .setParameter("dataSetThreshold", rule.threshold())
                .getResultList();
    }

    /**
     * The year of the ledger's first loss line: when loss data collection began (empty with no line at all). Lines of
     * events below the threshold count too: a year in which collection ran but no event reached the threshold is a
     * year of data with no loss, not a missing year. A near miss carries no line ({@link IncidentService} refuses a
     * line on one and a near miss with lines, the import too), so the first line is read off the accounting-date
     * index without joining the incidents (a join H2 ran over every line: a third of the SMA page at 100,000).
     */
    public static Optional<Integer> firstYear() {
        LocalDate first = Panache.getEntityManager()
                .createQuery("select min(l.accountingDate) from LossEntry l", LocalDate.class)
                .getSingleResult();
        return Optional.ofNullable(first).map(LocalDate::getYear);
    }
}
