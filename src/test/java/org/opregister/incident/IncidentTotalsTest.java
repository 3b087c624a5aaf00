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
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The register's kept totals (count, events, net loss per status and classification) equal a count of the register
 * after a burst of
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
        Map<String, String> dashboard = new TreeMap<>();
        QuarkusTransaction.requiringNew().run(() -> IncidentTotals.countByStatus()
                .forEach((status, count) -> dashboard.put("s:" + status, String.valueOf(count))));
        Map<String, String> byStatus = new TreeMap<>();
        counted().forEach((key, figures) -> {
            if (key.startsWith("s:")) {
                byStatus.put(key, figures.split(" ")[0]);
            }
        });
        assertEquals(byStatus, dashboard, "the dashboard's counts by status");
        assertTrue(!kept().equals(before), "the burst moved the totals");

        totals.fold();
        assertEquals(counted(), kept());
        assertEquals(counted().keySet().stream().filter(key -> key.startsWith("g:")).count(), rows(),
                "one row per group once folded");
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
        long payments = Long.parseLong(counted().get("l:PAYMENT_AND_SETTLEMENT").split(" ")[0]);
        assertEquals(payments, auditor.request().get("/api/incidents?businessLine=PAYMENT_AND_SETTLEMENT").then()
                .statusCode(200).extract().jsonPath().getLong("total"));
        assertEquals(count, auditor.request().get("/api/incidents").then().statusCode(200).extract().jsonPath()
                .getLong("total"));
        // A change written behind the triggers' back (as if they had been disabled): the list shows the kept figure.
        QuarkusTransaction.requiringNew().run(() -> Incident.getEntityManager().createNativeQuery(
                "insert into incident_totals (status, event_category, event_type, business_line, incidents, events,"
                        + " net_loss) values ('CLOSED', 'EXECUTION_DELIVERY_PROCESS', 'TRANSACTION_CAPTURE_EXECUTION',"
                        + " 'PAYMENT_AND_SETTLEMENT', 5, 5, 12.34)")
                .executeUpdate());
        assertEquals(count + 5, auditor.request().get("/api/incidents").then().statusCode(200).extract().jsonPath()
                .getLong("total"));
        assertEquals(payments + 5, auditor.request().get("/api/incidents?businessLine=PAYMENT_AND_SETTLEMENT")
                .then().statusCode(200).extract().jsonPath().getLong("total"));
        assertEquals(1, totals.reconcile(), "the nightly check corrects the one group that differed");
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
        member.put("businessLine", random.nextBoolean() ? "RETAIL_BANKING" : "CORPORATE_FINANCE");
        member.put("version", IncidentFixtures.version(officer, grouped));
        officer.post("/incidents/" + grouped + "/edit", "/incidents/" + grouped, member).then().statusCode(303);
        IncidentFixtures.transition(officer, root, "open");
        IncidentFixtures.transition(officer, grouped, "open");
        IncidentFixtures.transition(officer, root, "submit-for-review");
        if (random.nextBoolean()) {
            IncidentFixtures.transition(manager, root, "close");
        }
        return 10;
    }

    /**
     * The register counted now, as "incidents events netLoss": per group ("g:status/category/type/line"), per status
     * ("s:"), per business line ("l:") and for all ("*").
     */
    private static Map<String, String> counted() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Incident.Totals> figures = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Incident.getEntityManager().createNativeQuery("select status, event_category,"
                    + " event_type, business_line, count(*), count(case when root_event_id is null then 1 end),"
                    + " coalesce(sum(net_loss), 0) from incident group by status, event_category, event_type,"
                    + " business_line").getResultList();
            for (Object[] row : rows) {
                Incident.Totals group = new Incident.Totals(((Number) row[4]).longValue(),
                        ((Number) row[5]).longValue(), ((BigDecimal) row[6]).setScale(2));
                for (String key : List.of("g:" + row[0] + "/" + row[1] + "/" + row[2] + "/" + row[3], "s:" + row[0],
                        "l:" + row[3], "*")) {
                    figures.merge(key, group, (a, b) -> new Incident.Totals(a.count() + b.count(),
                            a.events() + b.events(), a.netLoss().add(b.netLoss())));
                }
            }
            Map<String, String> text = new TreeMap<>();
            figures.forEach((key, totals) -> text.put(key, text(totals)));
            return text;
        });
    }

    /** The kept totals as the list reads them, for the same keys as {@link #counted} (those not all zero). */
    private static Map<String, String> kept() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> figures = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> groups = Incident.getEntityManager().createNativeQuery("select distinct status,"
                    + " event_category, event_type, business_line from incident_totals").getResultList();
            for (Object[] g : groups) {
                put(figures, "g:" + g[0] + "/" + g[1] + "/" + g[2] + "/" + g[3],
                        new IncidentTotals.Scope(IncidentStatus.valueOf((String) g[0]),
                                EventCategory.valueOf((String) g[1]), EventType.valueOf((String) g[2]),
                                BusinessLine.valueOf((String) g[3])));
            }
            for (IncidentStatus status : IncidentStatus.values()) {
                put(figures, "s:" + status, new IncidentTotals.Scope(status, null, null, null));
            }
            for (BusinessLine line : BusinessLine.values()) {
                put(figures, "l:" + line, new IncidentTotals.Scope(null, null, null, line));
            }
            put(figures, "*", new IncidentTotals.Scope(null, null, null, null));
            return figures;
        });
    }

    private static void put(Map<String, String> figures, String key, IncidentTotals.Scope scope) {
        Incident.Totals totals = IncidentTotals.kept(scope);
        if (totals.count() != 0 || totals.events() != 0 || totals.netLoss().signum() != 0) {
            figures.put(key, text(totals));
        }
    }

    private static String text(Incident.Totals totals) {
        return totals.count() + " " + totals.events() + " " + totals.netLoss().toPlainString();
    }

    private static long rows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Incident.getEntityManager()
                .createNativeQuery("select count(*) from incident_totals").getSingleResult()).longValue());
    }
}
