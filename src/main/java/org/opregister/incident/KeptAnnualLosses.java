package org.opregister.incident;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.scheduler.Scheduled;
import org.hibernate.jpa.AvailableHints;
import org.jboss.logging.Logger;

import org.opregister.core.AppClock;
import org.opregister.core.ClusterLock;
import org.opregister.core.OpriskConfig;

/**
 * The loss data set's figures by accounting year, kept so that the SMA page does not count ten years of ledger lines
 * at every request (issue #19). {@code loss_year_figures} holds a year's events and sums under one data-set rule;
 * {@code loss_year_mark} the years a change to the ledger may have moved since, written by the database itself in the
 * writer's transaction (migration V39's triggers), so whatever changes a line (a form, the API, an import, a ledger
 * conversion, a regrouping that rewrites the lines' event, a bulk SQL load) marks its year.
 * {@link AnnualLosses#between}
 * reads a kept figure only while its year has no mark, and counts the other years from their lines: what it answers
 * is always the ledger as committed. Every instance refreshes now and then ({@link #refresh}), under a cluster lock:
 * it reads the marks, counts those years (and the years since the ledger's first line that have no figure under the
 * configured rule) after reading them, writes their figures and deletes exactly the marks it read; a mark committed
 * meanwhile stays and makes its year counted again until the next refresh. Each night every kept year is marked
 * ({@link #markAll}), so the next refresh counts them again: a change written behind the triggers' back is undone
 * within a day.
 */
@ApplicationScoped
public class KeptAnnualLosses {

    private static final Logger LOG = Logger.getLogger(KeptAnnualLosses.class);

    static final String LOCK = "annual-losses";

    /**
     * Which counting the figures come from, part of their key: raise it when {@link AnnualLosses#counted} changes
     * what it counts, and the figures of the earlier counting are no longer read (and are replaced as years are).
     */
    private static final String COUNTING = "c1";

    /**
     * Marks read by one refresh at most. On H2 a bulk write leaves one mark per line (500,000 for a 100,000-incident
     * load); they are read as runs of consecutive ids, so memory follows the runs, not the marks.
     */
    static final int MARK_LIMIT = 2_000_000;

    /** A refresh after a bulk write counts every year of the ledger (at 1,000,000 incidents, 5,000,000 lines). */
    private static final int REFRESH_TIMEOUT_SECONDS = 1800;

    @Inject
    OpriskConfig config;

    /** The kept figures of the years from {@code first} to {@code last} that no change has marked since, by year. */
    static Map<Integer, AnnualLosses.Year> keptUnmarked(DataSetRule rule, int first, int last) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("select f.loss_year, f.events, f.gross, f.recoveries,"
                + " f.expected_recoveries, f.provisions from loss_year_figures f where f.rule_key = :rule"
                + " and f.loss_year between :first and :last"
                + " and not exists (select 1 from loss_year_mark m where m.loss_year = f.loss_year)")
                .setParameter("rule", key(rule)).setParameter("first", first).setParameter("last", last)
                .getResultList();
        Map<Integer, AnnualLosses.Year> years = new HashMap<>();
        for (Object[] row : rows) {
            int year = ((Number) row[0]).intValue();
            years.put(year, new AnnualLosses.Year(year, ((Number) row[1]).longValue(),
                    new LedgerTotals((BigDecimal) row[2], (BigDecimal) row[3], (BigDecimal) row[4],
                            (BigDecimal) row[5])));
        }
        return years;
    }

    @Scheduled(every = "{oprisk.loss-data.kept-years-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        while (refresh()) {
            // more marks than one refresh reads
        }
    }

    /**
     * Counts the marked years, and the years since the first line without a figure under the configured rule, writes
     * their figures and deletes exactly the marks it read; answers whether marks are left for another refresh.
     */
    @Transactional
    @TransactionConfiguration(timeout = REFRESH_TIMEOUT_SECONDS)
    public boolean refresh() {
        DataSetRule rule = rule();
        if (!anyMark() && unkept(rule).isEmpty()) {
            return false;
        }
        ClusterLock.hold(LOCK);
        Marks marks = Marks.read();
        Set<Integer> years = new TreeSet<>(unkept(rule));
        years.addAll(marks.years);
        for (List<Integer> run : AnnualLosses.runs(years)) {
            write(rule, run.get(0), run.get(run.size() - 1), marks.years);
        }
        marks.delete();
        return marks.count == MARK_LIMIT;
    }

    /**
     * The marks one refresh read, oldest first: their years, and their ids as runs of consecutive ids. A run holds
     * only ids that were read (a mark not yet committed when they were read falls between two runs), so deleting by
     * run deletes exactly the marks read.
     */
    private static final class Marks {

        final Set<Integer> years = new TreeSet<>();
        final List<long[]> idRuns = new ArrayList<>();
        long count;

        static Marks read() {
            Marks marks = new Marks();
            @SuppressWarnings("unchecked")
            Stream<Object[]> rows = em().createNativeQuery("select id, loss_year from loss_year_mark order by id")
                    .setMaxResults(MARK_LIMIT).setHint(AvailableHints.HINT_FETCH_SIZE, 10_000).getResultStream();
            try (rows) {
                rows.forEach(row -> marks.add(((Number) row[0]).longValue(), ((Number) row[1]).intValue()));
            }
            return marks;
        }

        private void add(long id, int year) {
            count++;
            years.add(year);
            long[] last = idRuns.isEmpty() ? null : idRuns.get(idRuns.size() - 1);
            if (last != null && last[1] == id - 1) {
                last[1] = id;
            } else {
                idRuns.add(new long[]{id, id});
            }
        }

        void delete() {
            for (long[] run : idRuns) {
                em().createNativeQuery("delete from loss_year_mark where id between :first and :last")
                        .setParameter("first", run[0]).setParameter("last", run[1]).executeUpdate();
            }
        }
    }

    DataSetRule rule() {
        return DataSetRule.configured(config);
    }

    private static boolean anyMark() {
        return !em().createNativeQuery("select id from loss_year_mark").setMaxResults(1).getResultList().isEmpty();
    }

    /** The years from the ledger's first line to this year that have no figure under the rule. */
    private static Set<Integer> unkept(DataSetRule rule) {
        Optional<Integer> first = AnnualLosses.firstYear();
        Set<Integer> years = new TreeSet<>();
        if (first.isEmpty()) {
            return years;
        }
        for (int y = first.get(); y <= AppClock.today().getYear(); y++) {
            years.add(y);
        }
        @SuppressWarnings("unchecked")
        List<Number> kept = em().createNativeQuery("select loss_year from loss_year_figures where rule_key = :rule")
                .setParameter("rule", key(rule)).getResultList();
        kept.forEach(year -> years.remove(year.intValue()));
        return years;
    }

    /**
     * Counts the years from {@code first} to {@code last} and writes their figures under the rule. The figures of a
     * marked year under another rule (an earlier threshold, an earlier counting) are deleted too: they missed the
     * change the mark stood for. Those of a year that was only missing a figure under this rule are left to the
     * instances that read them.
     */
    private static void write(DataSetRule rule, int first, int last, Set<Integer> marked) {
        Map<Integer, AnnualLosses.Year> counted = AnnualLosses.counted(rule, first, last).stream()
                .collect(Collectors.toMap(AnnualLosses.Year::year, year -> year));
        for (int y = first; y <= last; y++) {
            // Under every rule when the year was marked; else only under this one.
            em().createNativeQuery("delete from loss_year_figures where loss_year = :year and (:marked = 1 or"
                    + " rule_key = :rule)").setParameter("year", y).setParameter("marked", marked.contains(y) ? 1 : 0)
                    .setParameter("rule", key(rule)).executeUpdate();
            AnnualLosses.Year year = counted.getOrDefault(y, new AnnualLosses.Year(y, 0, LedgerTotals.NONE));
            LedgerTotals totals = year.totals();
            em().createNativeQuery("insert into loss_year_figures (loss_year, rule_key, events, gross, recoveries,"
                    + " expected_recoveries, provisions, computed_at) values (:year, :rule, :events, :gross,"
                    + " :recoveries, :expected, :provisions, current_timestamp)")
                    .setParameter("year", y).setParameter("rule", key(rule)).setParameter("events", year.events())
                    .setParameter("gross", totals.gross()).setParameter("recoveries", totals.recoveries())
                    .setParameter("expected", totals.expectedRecoveries())
                    .setParameter("provisions", totals.provisions()).executeUpdate();
        }
    }

    /**
     * Marks every year that has a figure, under any rule: the next refresh counts them all again. Nightly, and for a
     * check after writes that bypassed the triggers (a restore with triggers disabled, a {@code truncate}).
     */
    @Transactional
    public void markAll() {
        int marked = em().createNativeQuery("insert into loss_year_mark (loss_year)"
                + " select distinct loss_year from loss_year_figures").executeUpdate();
        LOG.debugf("Kept annual losses: %d year(s) marked for the nightly recount", marked);
    }

    @Scheduled(cron = "{oprisk.loss-data.kept-years-check-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        markAll();
    }

    /** The key of figures counted under that rule by this counting. */
    private static String key(DataSetRule rule) {
        return COUNTING + " " + rule.key();
    }

    private static EntityManager em() {
        return Incident.getEntityManager();
    }
}
