package org.opregister.losses;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.audit.AuditEntry;
import org.opregister.incident.DataSetRule;
import org.opregister.incident.DateBasis;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The losses page's tables and the dashboard panel are read once while no record changes (a sign-in or a download
 * changes none) or only records they do not read change (a comment), and again after a change to what they read: a
 * ledger line, an incident's title; what is kept always equals a fresh computation. The ledger here: 2007, a year no
 * other test books in.
 */
@QuarkusTest
class KeptLossFiguresTest {

    private static final DataSetRule RULE = new DataSetRule(new BigDecimal("20000"), "NET");
    private static final LossPeriod YEAR = new LossPeriod(LocalDate.of(2007, 1, 1), LocalDate.of(2007, 12, 31),
            DateBasis.ACCOUNTING, Grain.QUARTER);
    private static final String PERIOD = "dates=ACCOUNTING&from=2007-01-01&to=2007-12-31&grain=QUARTER";

    @Inject
    KeptLossFigures kept;

    @Test
    void anUnchangedLedgerIsReadOnceForThePageAndThePanel() {
        incident("Kept figures one");
        Object[][] views = twoViews(() -> {
            TestSupport.login("manager").request().get("/").then().statusCode(200);
            TestSupport.session("auditor").request().get("/losses/matrix.csv?" + PERIOD).then().statusCode(200);
        });
        assertSame(views[0][0], views[1][0], "the second view of the page reads the tables kept by the first");
        assertSame(views[0][1], views[1][1], "the dashboard panel's figures too");
        assertNotSame(views[1][0], read(() -> kept.page(new LossPeriod(YEAR.from(), YEAR.to(), YEAR.basis(),
                Grain.MONTH), RULE)), "another grain, other tables");
        assertFresh();
    }

    @Test
    void aNewLineOrARenamedIncidentIsSeenAtOnce() {
        long id = incident("Kept figures two");
        Session officer = TestSupport.session("officer");
        LossAnalytics.PeriodFigures before = read(() -> kept.page(YEAR, RULE));
        LossFigures panelBefore = panelTotal();

        IncidentFixtures.addLoss(officer, id,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "12345", "EUR", "", "2007-08-15"));
        LossAnalytics.PeriodFigures withLine = read(() -> kept.page(YEAR, RULE));
        assertEquals(0, before.matrix().total().gross().add(new BigDecimal("12345"))
                .compareTo(withLine.matrix().total().gross()), "the year's gross loss grew by the line");
        assertEquals(0, before.trend().get(2).figures().net().add(new BigDecimal("12345"))
                .compareTo(withLine.trend().get(2).figures().net()), "in the third quarter");
        assertEquals(0, panelBefore.gross().add(new BigDecimal("12345")).compareTo(panelTotal().gross()),
                "the dashboard panel too");
        assertFresh();

        QuarkusTransaction.requiringNew().run(() -> Incident.<Incident>findById(id).title = "Kept figures renamed");
        assertTrue(read(() -> kept.page(YEAR, RULE)).top().stream()
                .anyMatch(event -> event.title().equals("Kept figures renamed")), "the top ten shows the new title");
        assertFresh();
        TestSupport.session("auditor").request().get("/losses?" + PERIOD).then().statusCode(200)
                .body(containsString("Kept figures renamed"));
    }

    @Test
    void aChangeToAnotherRecordLeavesTheKeptFiguresALineBeforeItIsSeen() {
        long id = incident("Kept figures three");
        Session officer = TestSupport.session("officer");
        String page = "/incidents/" + id;
        LossAnalytics.PeriodFigures first = read(() -> kept.page(YEAR, RULE));
        List<LossAnalytics.CategoryLoss> firstPanel = read(() -> kept.byCategory(YEAR));
        long before = head();
        officer.post(page, page + "/comments", Map.of("comment", "No loss moves")).then().statusCode(303);
        assertTrue(head() > before, "the comment is a change of a record");
        assertSame(first, read(() -> kept.page(YEAR, RULE)), "a comment moves no loss figure");
        assertSame(firstPanel, read(() -> kept.byCategory(YEAR)));

        IncidentFixtures.addLoss(officer, id,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "7000", "EUR", "", "2007-09-30"));
        officer.post(page, page + "/comments", Map.of("comment", "After the line")).then().statusCode(303);
        LossAnalytics.PeriodFigures afterLine = read(() -> kept.page(YEAR, RULE));
        assertEquals(0, first.matrix().total().gross().add(new BigDecimal("7000"))
                .compareTo(afterLine.matrix().total().gross()), "the line booked before the comment is seen");
        assertFresh();
    }

    /** An incident of its own with a direct charge of 40,000 booked in May 2007; returns its id. */
    private static long incident(String title) {
        Session officer = TestSupport.session("officer");
        Map<String, Object> form = IncidentFixtures.incidentForm(title);
        form.put("occurrenceDate", "2007-05-01");
        form.put("discoveryDate", "2007-05-02");
        long id = IncidentFixtures.record(officer, form);
        IncidentFixtures.addLoss(officer, id,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "40000", "EUR", "", "2007-05-31"));
        return id;
    }

    /** The kept tables and panel equal those a fresh pass over the records gives. */
    private void assertFresh() {
        LossAnalytics.PeriodFigures kept = read(() -> this.kept.page(YEAR, RULE));
        LossAnalytics.PeriodFigures fresh = read(() -> LossAnalytics.figures(YEAR, RULE));
        assertNotSame(fresh, kept);
        assertEquals(fresh, kept, "matrix, trend, top ten and data-set share");
        assertEquals(read(() -> LossAnalytics.byCategory(YEAR)), read(() -> this.kept.byCategory(YEAR)));
    }

    private LossFigures panelTotal() {
        return read(() -> kept.byCategory(YEAR)).stream().map(LossAnalytics.CategoryLoss::figures)
                .reduce(LossFigures.NONE, LossFigures::plus);
    }

    /**
     * The page's tables and the panel's figures, twice, with {@code between} done in between, again until no record
     * changed meanwhile: work the fixtures set off may still be writing (computed KRIs follow a change after its
     * commit).
     */
    private Object[][] twoViews(Runnable between) {
        Object[][] views = new Object[2][];
        int tries = 0;
        long change;
        do {
            change = head();
            views[0] = new Object[]{read(() -> kept.page(YEAR, RULE)), read(() -> kept.byCategory(YEAR))};
            between.run();
            views[1] = new Object[]{read(() -> kept.page(YEAR, RULE)), read(() -> kept.byCategory(YEAR))};
        } while (head() != change && ++tries < 50);
        return views;
    }

    private static long head() {
        return read(AuditEntry::lastChangeId);
    }

    private static <T> T read(Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }
}
