package org.opregister.incident;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;
import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The register's kept totals (count, events, net loss per status) equal a count of the register after a burst of
 * parallel writes with folds running among them, follow bulk SQL, serve the list, and are repaired by the nightly
 * check.
 */
@QuarkusTest
class IncidentTotalsTest {

    @Inject
    IncidentTotals totals;

    @Test
    void aBurstOfParallelWritesWithFoldsAmongThemEndsWithTheTotalsOfACount() {
        Map<String, String> before = kept();
        long seed = System.nanoTime();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Integer> writes = Parallel.run(7, i -> {
            if (i == 0) {
                int folds = 0;
                while (writing.get()) {
                    totals.fold();
                    folds++;
                }
                return folds;
            }
            try {
                return burst(new Random(seed + i));
            } finally {
                if (i == 6) {
                    writing.set(false);
                }
            }
        });
        writing.set(false);
        assertTrue(writes.get(0) > 0, "folds ran during the burst");
        assertEquals(counted(), kept(), "seed " + seed);
        assertTrue(!kept().equals(before), "the burst moved the totals");

        totals.fold();
        assertEquals(counted(), kept());
        assertEquals(counted().size() - 1, rows(), "one row per status once folded");
        assertEquals(0, totals.reconcile(), "the nightly check finds nothing to correct");
    }

    @Test
    void aBulkStatementIsCountedLikeSingleWrites() {
        Session officer = TestSupport.session("officer");
        String title = "Bulk totals " + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            IncidentFixtures.record(officer, title);
        }
        QuarkusTransaction.requiringNew().run(() -> Incident.getEntityManager().createNativeQuery(
                "update incident set net_loss = net_loss + 1000, status = 'OPEN' where title = :title")
                .setParameter("title", title).executeUpdate());
        assertEquals(counted(), kept());
        QuarkusTransaction.requiringNew().run(() -> Incident.getEntityManager().createNativeQuery(
                "update incident set net_loss = net_loss - 1000 where title = :title")
                .setParameter("title", title).executeUpdate());
        assertEquals(counted(), kept());
    }

    @Test
    void theListShowsTheKeptTotalsAndTheNightlyCheckRepairsThem() {
        Session auditor = TestSupport.session("auditor");
        long count = Long.parseLong(counted().get("*").split(" ")[0]);
        assertEquals(count, auditor.request().get("/api/incidents").then().statusCode(200).extract().jsonPath()
                .getLong("total"));
        // A change written behind the triggers' back (as if they had been disabled): the list shows the kept figure.
        QuarkusTransaction.requiringNew().run(() -> Incident.getEntityManager().createNativeQuery(
                "insert into incident_totals (status, incidents, events, net_loss) values ('CLOSED', 5, 5, 12.34)")
                .executeUpdate());
        assertEquals(count + 5, auditor.request().get("/api/incidents").then().statusCode(200).extract().jsonPath()
                .getLong("total"));
        assertEquals(1, totals.reconcile(), "the nightly check corrects the one status that differed");
        assertEquals(counted(), kept());
        assertEquals(count, auditor.request().get("/api/incidents").then().statusCode(200).extract().jsonPath()
                .getLong("total"));
    }

    /** One writer's share: two incidents, the second grouped under the first, losses, a reclassification, steps. */
    private static int burst(Random random) {
        Session officer = TestSupport.session("officer");
        Session manager = TestSupport.session("manager");
        long root = IncidentFixtures.record(officer, "Totals burst root");
        String reference = officer.request().get("/api/incidents/" + root).then().statusCode(200).extract()
                .jsonPath().getString("reference");
        Map<String, Object> member = IncidentFixtures.incidentForm("Totals burst member");
        member.put("rootEvent", reference);
        long grouped = IncidentFixtures.record(officer, member);
        IncidentFixtures.addLoss(officer, root, IncidentFixtures.lossForm("DIRECT_CHARGE",
                String.valueOf(1000 + random.nextInt(9000)), "EUR", null, "2025-03-10"));
        IncidentFixtures.addLoss(officer, grouped, IncidentFixtures.lossForm("DIRECT_CHARGE",
                String.valueOf(100 + random.nextInt(900)), "EUR", null, "2025-03-11"));
        IncidentFixtures.addLoss(officer, root, IncidentFixtures.lossForm("INSURANCE_RECOVERY",
                String.valueOf(10 + random.nextInt(90)), "EUR", null, "2025-03-12"));
        IncidentFixtures.transition(officer, root, "open");
        IncidentFixtures.transition(officer, grouped, "open");
        IncidentFixtures.transition(officer, root, "submit-for-review");
        if (random.nextBoolean()) {
            IncidentFixtures.transition(manager, root, "close");
        }
        return 9;
    }

    /** The register counted now: per status, and "*" for all, as "incidents events netLoss". */
    private static Map<String, String> counted() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> figures = new TreeMap<>();
            long incidents = 0;
            long events = 0;
            BigDecimal netLoss = BigDecimal.ZERO;
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Incident.getEntityManager().createNativeQuery("select status, count(*),"
                    + " count(case when root_event_id is null then 1 end), coalesce(sum(net_loss), 0)"
                    + " from incident group by status").getResultList();
            for (Object[] row : rows) {
                Incident.Totals status = new Incident.Totals(((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), ((BigDecimal) row[3]).setScale(2));
                figures.put((String) row[0], text(status));
                incidents += status.count();
                events += status.events();
                netLoss = netLoss.add(status.netLoss());
            }
            figures.put("*", text(new Incident.Totals(incidents, events, netLoss)));
            return figures;
        });
    }

    /** The kept totals as the list reads them, per status (those not all zero) and for all. */
    private static Map<String, String> kept() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> figures = new TreeMap<>();
            for (IncidentStatus status : IncidentStatus.values()) {
                Incident.Totals totals = IncidentTotals.kept(status);
                if (totals.count() != 0 || totals.events() != 0 || totals.netLoss().signum() != 0) {
                    figures.put(status.name(), text(totals));
                }
            }
            figures.put("*", text(IncidentTotals.kept(null)));
            return figures;
        });
    }

    private static String text(Incident.Totals totals) {
        return totals.count() + " " + totals.events() + " " + totals.netLoss().toPlainString();
    }

    private static long rows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Incident.getEntityManager()
                .createNativeQuery("select count(*) from incident_totals").getSingleResult()).longValue());
    }
}
