package org.opregister.incident;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;
import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loss data set's kept figures by accounting year: a year a change touched is counted from its lines until the
 * refresh keeps it again, a change of an event's size moves the years of all its lines, updates that change nothing
 * a year counts leave no mark, and after a burst of parallel writes with refreshes among them the kept figures equal
 * a count of the ledger. Years 2011–2018 hold no other test's lines.
 */
@QuarkusTest
class KeptAnnualLossesTest {

    private static final int FIRST = 2011;
    private static final int LAST = 2018;

    @Inject
    KeptAnnualLosses kept;

    @Test
    void aChangedYearIsCountedFromItsLinesUntilTheRefreshKeepsItAgain() {
        Session officer = TestSupport.session("officer");
        long a = incident(officer, "Kept years A", "2012-02-01", null);
        refreshAll();
        IncidentFixtures.addLoss(officer, a, IncidentFixtures.lossForm("DIRECT_CHARGE", "50000", "EUR", "",
                "2012-02-01"));
        assertFalse(keptUnmarked().containsKey(2012), "the line marked its year");
        assertEquals(text(counted()), text(between()));
        long events2012 = events(2012);
        assertTrue(events2012 > 0, "2012 holds an event of the data set");

        refreshAll();
        assertTrue(keptUnmarked().containsKey(2012), "the refresh kept 2012 again");
        assertEquals(text(counted()), text(between()));
        assertEquals(text(counted()), text(keptWithEvents()));

        // A recovery booked in 2013 takes the event's net to 10,000, under the threshold: 2012 must drop too.
        IncidentFixtures.addLoss(officer, a, IncidentFixtures.lossForm("INSURANCE_RECOVERY", "40000", "EUR", "",
                "2013-05-01"));
        assertFalse(keptUnmarked().containsKey(2012), "the event's new size marked the year of its first line");
        assertFalse(keptUnmarked().containsKey(2013));
        assertEquals(text(counted()), text(between()));
        assertEquals(events2012 - 1, events(2012), "the event left the data set");
        refreshAll();
        assertEquals(text(counted()), text(keptWithEvents()));
        assertEquals(text(counted()), text(between()));
    }

    @Test
    void anUpdateThatChangesNothingAYearCountsLeavesNoMark() {
        Session officer = TestSupport.session("officer");
        long b = incident(officer, "Kept years B", "2014-04-01", null);
        IncidentFixtures.addLoss(officer, b, IncidentFixtures.lossForm("DIRECT_CHARGE", "25000", "EUR", "",
                "2014-04-01"));
        refreshAll();
        assertEquals(0, marks());
        sql("update loss_entry set description = 'Reworded', reporting_amount = reporting_amount + 0"
                + " where incident_id = " + b);
        assertEquals(0, marks(), "a description and an amount written again as it was");
        sql("update loss_entry set entry_type = 'EXTERNAL_EXPENSE' where incident_id = " + b);
        assertEquals(List.of(2014), markedYears(), "the line's type alone");
        refreshAll();
        sql("update loss_entry set accounting_date = date '2015-04-01' where incident_id = " + b);
        assertEquals(List.of(2014, 2015), markedYears(), "the line moved from 2014 to 2015");
        assertEquals(text(counted()), text(between()));
        sql("delete from loss_entry where incident_id = " + b);
        assertTrue(markedYears().contains(2015));
        assertEquals(text(counted()), text(between()));
        refreshAll();
        assertEquals(text(counted()), text(keptWithEvents()));
    }

    @Test
    void theReadTakesTheKeptFigureAndTheNightlyRecountRepairsOneWrittenBehindTheTriggers() {
        Session officer = TestSupport.session("officer");
        long c = incident(officer, "Kept years C", "2016-03-01", null);
        IncidentFixtures.addLoss(officer, c, IncidentFixtures.lossForm("DIRECT_CHARGE", "30000", "EUR", "",
                "2016-03-01"));
        refreshAll();
        String right = text(counted());
        // A figure changed behind the triggers' back, as a restore with triggers disabled could leave it: no mark.
        sql("update loss_year_figures set gross = gross + 1 where loss_year = 2016");
        assertEquals(0, marks());
        assertTrue(!text(between()).equals(right), "the SMA reads the kept figure of an unmarked year");
        kept.markAll();
        assertEquals(right, text(between()), "every kept year marked: counted from the lines");
        refreshAll();
        assertEquals(right, text(between()), "the recount replaced the figure");
        assertEquals(right, text(keptWithEvents()));

        // A figure under another rule (an earlier threshold) is not read, and goes when its year is next marked.
        sql("insert into loss_year_figures (loss_year, rule_key, events, gross, recoveries, expected_recoveries,"
                + " provisions, computed_at) values (2017, 'c1 GROSS 1', 99, 99, 0, 0, 0, current_timestamp)");
        assertEquals(right, text(between()));
        IncidentFixtures.addLoss(officer, c, IncidentFixtures.lossForm("DIRECT_CHARGE", "100", "EUR", "",
                "2017-01-10"));
        refreshAll();
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) Incident.getEntityManager()
                .createNativeQuery("select count(*) from loss_year_figures where rule_key = 'c1 GROSS 1'")
                .getSingleResult()).longValue()), "the figure of the marked year under the other rule is gone");
        assertEquals(text(counted()), text(keptWithEvents()));
    }

    @Test
    void aBurstOfParallelWritesWithRefreshesAmongThemEndsWithTheFiguresOfACount() {
        long seed = System.nanoTime();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Integer> done = Parallel.run(6, i -> {
            if (i == 0) {
                int refreshes = 0;
                while (writing.get()) {
                    kept.refresh();
                    refreshes++;
                }
                return refreshes;
            }
            try {
                return burst(new Random(seed + i));
            } finally {
                if (i == 5) {
                    writing.set(false);
                }
            }
        });
        writing.set(false);
        assertTrue(done.get(0) > 0, "refreshes ran during the burst");
        assertEquals(text(counted()), text(between()), "seed " + seed);
        refreshAll();
        assertEquals(0, marks());
        assertEquals(text(counted()), text(keptWithEvents()), "seed " + seed);
        assertEquals(text(counted()), text(between()), "seed " + seed);
    }

    /**
     * One writer's share: an event and a member grouped under it, lines in random years (some events reaching the
     * threshold, some not), a recovery (under the root's first line), then the member leaves or stays and the root is
     * marked credit-boundary or not.
     */
    private static int burst(Random random) {
        Session officer = TestSupport.session("officer");
        long root = incident(officer, "Kept years burst root", "2011-01-05", null);
        String reference = officer.request().get("/api/incidents/" + root).then().statusCode(200).extract()
                .jsonPath().getString("reference");
        long member = incident(officer, "Kept years burst member", "2011-01-06", reference);
        for (int line = 0; line < 4; line++) {
            IncidentFixtures.addLoss(officer, line == 0 || random.nextBoolean() ? root : member,
                    IncidentFixtures.lossForm("DIRECT_CHARGE",
                            String.valueOf((line == 0 ? 5000 : 2000) + random.nextInt(20000)), "EUR",
                            "", year(random) + "-06-15"));
        }
        IncidentFixtures.addLoss(officer, root, IncidentFixtures.lossForm("INSURANCE_RECOVERY",
                String.valueOf(100 + random.nextInt(3000)), "EUR", "", year(random) + "-09-01"));
        Map<String, Object> memberForm = form("Kept years burst member", "2011-01-06",
                random.nextBoolean() ? reference : "");
        memberForm.put("version", IncidentFixtures.version(officer, member));
        officer.post("/incidents/" + member + "/edit", "/incidents/" + member, memberForm).then().statusCode(303);
        Map<String, Object> rootForm = form("Kept years burst root", "2011-01-05", null);
        if (random.nextBoolean()) {
            rootForm.put("creditBoundary", "true");
        }
        rootForm.put("version", IncidentFixtures.version(officer, root));
        officer.post("/incidents/" + root + "/edit", "/incidents/" + root, rootForm).then().statusCode(303);
        return 9;
    }

    private long events(int year) {
        return between().stream().filter(y -> y.year() == year).mapToLong(AnnualLosses.Year::events).sum();
    }

    private static int year(Random random) {
        return FIRST + random.nextInt(LAST - FIRST + 1);
    }

    private static long incident(Session officer, String title, String date, String rootEvent) {
        return IncidentFixtures.record(officer, form(title, date, rootEvent));
    }

    private static Map<String, Object> form(String title, String date, String rootEvent) {
        Map<String, Object> form = IncidentFixtures.incidentForm(title);
        form.put("occurrenceDate", date);
        form.put("discoveryDate", date);
        if (rootEvent != null) {
            form.put("rootEvent", rootEvent);
        }
        return form;
    }

    private void refreshAll() {
        while (kept.refresh()) {
            // until every year is kept
        }
    }

    private DataSetRule rule() {
        return kept.rule();
    }

    private List<AnnualLosses.Year> between() {
        return QuarkusTransaction.requiringNew().call(() -> AnnualLosses.between(rule(), FIRST, LAST));
    }

    private List<AnnualLosses.Year> counted() {
        return QuarkusTransaction.requiringNew().call(() -> AnnualLosses.counted(rule(), FIRST, LAST));
    }

    private Map<Integer, AnnualLosses.Year> keptUnmarked() {
        return QuarkusTransaction.requiringNew().call(() -> KeptAnnualLosses.keptUnmarked(rule(), FIRST, LAST));
    }

    /** The kept figures, unmarked, of the years that hold events of the data set (a year not kept is missing). */
    private List<AnnualLosses.Year> keptWithEvents() {
        Map<Integer, AnnualLosses.Year> years = keptUnmarked();
        return years.values().stream().filter(year -> year.events() > 0)
                .sorted((x, y) -> Integer.compare(x.year(), y.year())).toList();
    }

    private static String text(List<AnnualLosses.Year> years) {
        return years.stream().map(year -> year.year() + " " + year.events() + " " + amount(year.totals().gross())
                + " " + amount(year.totals().recoveries()) + " " + amount(year.totals().expectedRecoveries()) + " "
                + amount(year.totals().provisions())).collect(Collectors.joining("\n"));
    }

    private static String amount(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    private static long marks() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Incident.getEntityManager()
                .createNativeQuery("select count(*) from loss_year_mark").getSingleResult()).longValue());
    }

    private static List<Integer> markedYears() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> years = Incident.getEntityManager()
                    .createNativeQuery("select distinct loss_year from loss_year_mark order by loss_year")
                    .getResultList();
            return years.stream().map(Number::intValue).toList();
        });
    }

    private static void sql(String statement) {
        QuarkusTransaction.requiringNew()
                .run(() -> Incident.getEntityManager().createNativeQuery(statement).executeUpdate());
    }
}
