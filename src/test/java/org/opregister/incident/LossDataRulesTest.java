package org.opregister.incident;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.reference.FxRate;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opregister.incident.IncidentFixtures.addLoss;
import static org.opregister.incident.IncidentFixtures.lossForm;

/**
 * The loss-data rules of BIS OPE25 and CRR Arts. 317–318 as the reviewer measured them (issue #14): recoveries count
 * once received, net loss never below zero, provisions inside gross, no silent FX rate, later lines on closed events,
 * period locks, the accounting-date view.
 */
@QuarkusTest
class LossDataRulesTest {

    private Session officer;
    private Session manager;

    @BeforeEach
    void signIn() {
        officer = TestSupport.session("officer");
        manager = TestSupport.session("manager");
    }

    @Test
    void aRecoveryCountsOnlyOnceReceivedAndCannotBeReceivedInTheFuture() {
        long id = IncidentFixtures.record(officer, "Insurance claim pending");
        addLoss(officer, id, lossForm("DIRECT_CHARGE", "93500", "EUR", "", "2025-03-31"));

        Map<String, Object> future = lossForm("INSURANCE_RECOVERY", "50000", "EUR", "", "2027-01-15");
        post(officer, id, future).then().statusCode(400)
                .body(containsString("cannot be later than today"))
                .body(containsString("value=\"50000\""));
        assertEquals(1, IncidentTestData.lossCount(id));

        future.put("recoveryStatus", "EXPECTED");
        addLoss(officer, id, future);
        Incident incident = IncidentTestData.find(id);
        assertEquals(new BigDecimal("93500.00"), incident.netLoss, "an expected recovery is not deducted");
        assertEquals(new BigDecimal("50000.00"), incident.expectedRecoveries);
        officer.request().get("/incidents/" + id).then()
                .body(containsString("Recoveries expected (not deducted)"))
                .body(containsString("50,000.00 EUR"));

        Map<String, Object> typeless = lossForm("OTHER_RECOVERY", "10", "EUR", "", "2025-04-01");
        typeless.remove("recoveryStatus");
        post(officer, id, typeless).then().statusCode(400).body(containsString("This field is required"));
    }

    @Test
    void netLossNeverGoesBelowZero() {
        long id = IncidentFixtures.record(officer, "Over-recovered");
        addLoss(officer, id, lossForm("DIRECT_CHARGE", "93500", "EUR", "", "2025-03-31"));
        post(officer, id, lossForm("INSURANCE_RECOVERY", "200000", "EUR", "", "2025-04-30")).then().statusCode(400)
                .body(containsString("would exceed the gross loss"))
                .body(containsString("value=\"200000\""));
        Incident unchanged = IncidentTestData.find(id);
        assertEquals(1, IncidentTestData.lossCount(id));
        assertEquals(new BigDecimal("93500.00"), unchanged.netLoss);

        addLoss(officer, id, lossForm("INSURANCE_RECOVERY", "93500", "EUR", "", "2025-04-30"));
        LossEntry gross = lines(id).get(0);
        officer.post("/incidents/" + id, "/incidents/" + id + "/losses/" + gross.id + "/delete",
                Map.of("version", gross.version)).then().statusCode(409)
                .body(containsString("would exceed the gross loss"));
        assertEquals(2, IncidentTestData.lossCount(id));
        assertEquals(0, BigDecimal.ZERO.compareTo(IncidentTestData.find(id).netLoss));
    }

    @Test
    void recoveriesPostedAtTheSameMomentCannotTogetherExceedTheGrossLoss() {
        long id = IncidentFixtures.record(officer, "Two insurers pay at once");
        addLoss(officer, id, lossForm("DIRECT_CHARGE", "100000", "EUR", "", "2025-03-31"));
        TestSupport.Csrf csrf = officer.csrf("/incidents/" + id);
        List<Integer> statuses = org.opregister.Parallel.run(4,
                i -> officer.post(csrf, "/incidents/" + id + "/losses",
                        lossForm("INSURANCE_RECOVERY", "60000", "EUR", "", "2025-04-30")).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 303).count(), "one recovery fits: " + statuses);
        assertEquals(3, statuses.stream().filter(s -> s == 400).count(), "the others are refused: " + statuses);
        Incident incident = IncidentTestData.find(id);
        assertEquals(new BigDecimal("60000.00"), incident.recoveries);
        assertEquals(new BigDecimal("40000.00"), incident.netLoss);
        assertEquals(2, IncidentTestData.lossCount(id));
    }

    @Test
    void aProvisionCountsInGrossOnceAndCannotBeReleasedBeyondWhatWasSetUp() {
        long id = IncidentFixtures.record(officer, "Legal claim");
        addLoss(officer, id, lossForm("PROVISION", "50000", "EUR", "", "2025-03-31"));
        addLoss(officer, id, lossForm("PROVISION_UTILISATION", "30000", "EUR", "", "2025-05-31"));
        addLoss(officer, id, lossForm("PROVISION_RELEASE", "5000", "EUR", "", "2025-06-30"));
        Incident incident = IncidentTestData.find(id);
        assertEquals(new BigDecimal("45000.00"), incident.grossLoss, "set up 50,000, released 5,000; the payment"
                + " out of the provision is not counted again");
        assertEquals(new BigDecimal("15000.00"), incident.provisions);
        post(officer, id, lossForm("PROVISION_RELEASE", "20000", "EUR", "", "2025-07-31")).then().statusCode(400)
                .body(containsString("More would be released or paid out of provisions than was set up"));
        assertEquals(3, IncidentTestData.lossCount(id));
    }

    @Test
    void noSilentFxRate() {
        long id = IncidentFixtures.record(officer, "Dinar losses");
        post(officer, id, lossForm("DIRECT_CHARGE", "80000", "TND", "", "2025-03-31")).then().statusCode(400)
                .body(containsString("There is no FX rate from TND into EUR on or before 2025-03-31"));
        post(officer, id, lossForm("DIRECT_CHARGE", "80000", "XXX", "", "2025-03-31")).then().statusCode(400)
                .body(containsString("not an active ISO 4217 currency"));
        Map<String, Object> typedWithoutReason = lossForm("DIRECT_CHARGE", "80000", "TND", "0.9", "2025-03-31");
        typedWithoutReason.remove("fxReason");
        post(officer, id, typedWithoutReason).then().statusCode(400)
                .body(containsString("Give the reason for typing a rate"));
        assertEquals(0, IncidentTestData.lossCount(id));

        QuarkusTransaction.requiringNew().run(() -> {
            FxRate rate = new FxRate();
            rate.baseCurrency = "EUR";
            rate.currency = "TND";
            rate.rateDate = LocalDate.of(2025, 3, 28);
            rate.rate = new BigDecimal("0.9250000000");
            rate.source = org.opregister.reference.FxSource.CSV_FILE;
            rate.persist();
        });
        addLoss(officer, id, lossForm("DIRECT_CHARGE", "80000", "TND", "", "2025-03-31"));
        LossEntry line = lines(id).get(0);
        assertEquals(0, new BigDecimal("0.925").compareTo(line.fxRate), "the latest rate on or before the date");
        assertEquals(RateSource.RATE_TABLE, line.fxSource);
        assertNull(line.fxReason);
        assertEquals(new BigDecimal("74000.00"), line.reportingAmount);

        addLoss(officer, id, lossForm("EXTERNAL_EXPENSE", "2000", "TND", "", "2025-03-31"));
        addLoss(officer, id, lossForm("PENDING_LOSS", "3000", "TND", "", "2025-03-31"));
        assertEquals(List.of("0.9250000000", "0.9250000000", "0.9250000000"),
                lines(id).stream().map(l -> l.fxRate.toPlainString()).toList(),
                "lines of one day take one rate, not 0.90, 0.92 and 0.93");
        addLoss(officer, id, lossForm("DIRECT_CHARGE", "1000", "TND", "0.95", "2025-04-02"));
        LossEntry manual = lines(id).get(3);
        assertEquals(RateSource.MANUAL, manual.fxSource);
        assertEquals("Rate agreed with finance for the test", manual.fxReason);
        officer.request().get("/incidents/" + id).then().body(containsString("typed rate"));
    }

    @Test
    void aClosedIncidentTakesLaterLinesFromManagersOnlyMarkedAsAdjustments() {
        long id = closed("Settled later");
        post(officer, id, lossForm("INSURANCE_RECOVERY", "100", "EUR", "", "2025-05-02")).then().statusCode(409)
                .body(containsString("is closed"));
        assertEquals(1, IncidentTestData.lossCount(id), "the officer's line is refused");

        manager.post("/incidents/" + id, "/incidents/" + id + "/losses",
                lossForm("INSURANCE_RECOVERY", "100", "EUR", "", "2025-05-02")).then().statusCode(303);
        List<LossEntry> lines = lines(id);
        assertEquals(2, lines.size());
        assertFalse(lines.get(0).postClosure);
        assertTrue(lines.get(1).postClosure);
        assertEquals(new BigDecimal("900.00"), IncidentTestData.find(id).netLoss);
        manager.request().get("/incidents/" + id).then().statusCode(200)
                .body(containsString("after closing"))
                .body(containsString("id=\"post-closure-help\""));
        officer.request().get("/incidents/" + id).then().body(not(containsString("id=\"add-loss\"")));
    }

    @Test
    void aLockedPeriodTakesNoLineAndTheLockOnlyMovesForward() {
        long id = IncidentFixtures.record(officer, "Locked quarter");
        addLoss(officer, id, lossForm("DIRECT_CHARGE", "1000", "EUR", "", "2025-03-10"));
        LossEntry line = lines(id).get(0);
        long lockVersion = QuarkusTransaction.requiringNew().call(() -> LedgerLock.current().version);
        officer.post("/losses/lock", "/losses/lock", Map.of("closedThrough", "2025-03-31", "version", lockVersion))
                .then().statusCode(403);
        try {
            manager.post("/losses/lock", "/losses/lock", Map.of("closedThrough", "2025-03-31", "version", lockVersion))
                    .then().statusCode(303);
            post(officer, id, lossForm("DIRECT_CHARGE", "5", "EUR", "", "2025-03-31")).then().statusCode(400)
                    .body(containsString("locked through 2025-03-31"));
            Map<String, Object> edit = lossForm("DIRECT_CHARGE", "2000", "EUR", "", "2025-04-01");
            edit.put("version", line.version);
            officer.post("/incidents/" + id, "/incidents/" + id + "/losses/" + line.id, edit).then().statusCode(303);
            assertEquals(new BigDecimal("1000.00"), lines(id).get(0).amount, "a line in a locked period stays");
            officer.request().get("/incidents/" + id).then().body(containsString("period locked"));
            addLoss(officer, id, lossForm("DIRECT_CHARGE", "5", "EUR", "", "2025-04-01"));

            long current = QuarkusTransaction.requiringNew().call(() -> LedgerLock.current().version);
            manager.post("/losses/lock", "/losses/lock", Map.of("closedThrough", "2025-01-31", "version", current))
                    .then().statusCode(400).body(containsString("only moves forward"));
            manager.request().get("/losses/lock").then().statusCode(200)
                    .body(containsString("locked through 2025-03-31"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> LedgerLock.current().closedThrough = null);
        }
    }

    @Test
    void twoManagersLockingAtOnceAreTakenOneAfterTheOther() {
        Session manager2 = TestSupport.session("manager2");
        long version = QuarkusTransaction.requiringNew().call(() -> LedgerLock.current().version);
        TestSupport.Csrf first = manager.csrf("/losses/lock");
        TestSupport.Csrf second = manager2.csrf("/losses/lock");
        try {
            List<Integer> statuses = org.opregister.Parallel.run(2, i -> (i == 0 ? manager : manager2)
                    .post(i == 0 ? first : second, "/losses/lock",
                            Map.of("closedThrough", i == 0 ? "2024-12-31" : "2024-06-30", "version", version))
                    .statusCode());
            assertEquals(List.of(303, 409), statuses.stream().sorted().toList(), "the second saw a stale lock");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> LedgerLock.current().closedThrough = null);
        }
    }

    @Test
    void theRegisterFiltersByAccountingDateAndTheIncidentShowsItsYears() {
        long booked2025 = IncidentFixtures.record(officer, "Booked in 2025 zq7");
        addLoss(officer, booked2025, lossForm("DIRECT_CHARGE", "700", "EUR", "", "2025-06-30"));
        long booked2026 = IncidentFixtures.record(officer, "Booked in 2026 zq7");
        addLoss(officer, booked2026, lossForm("DIRECT_CHARGE", "800", "EUR", "", "2026-01-15"));
        officer.request().get("/incidents?q=zq7&dates=ACCOUNTING&from=2025-01-01&to=2025-12-31").then()
                .statusCode(200)
                .body(containsString("Booked in 2025 zq7"))
                .body(not(containsString("Booked in 2026 zq7")));
        officer.request().get("/incidents?q=zq7&dates=OCCURRENCE&from=2025-01-01&to=2025-12-31").then()
                .body(containsString("Booked in 2026 zq7"));
        officer.request().get("/incidents?dates=WHENEVER").then().statusCode(400)
                .body(containsString("Choose one of the listed values"));
        officer.request().get("/incidents/" + booked2026).then()
                .body(containsString("id=\"year-2026\""))
                .body(containsString("2026 Q1"));
    }

    @Test
    void aGainEventCarriesNoLines() {
        Map<String, Object> form = IncidentFixtures.incidentForm("Mispriced trade in our favour");
        form.put("gainEvent", "true");
        long id = IncidentFixtures.record(officer, form);
        post(officer, id, lossForm("DIRECT_CHARGE", "10", "EUR", "", "2025-03-31")).then().statusCode(400)
                .body(containsString("A gain event carries no ledger lines"));
        assertTrue(IncidentTestData.find(id).gainEvent);
        form.put("nearMiss", "true");
        officer.post("/incidents/new", "/incidents", form).then().statusCode(400)
                .body(containsString("either a near miss or a gain event"));
    }

    @Test
    void incidentsAreGroupedUnderOneRootEventOneLevelDeep() {
        long root = IncidentFixtures.record(officer, "Root event of a group grp9");
        addLoss(officer, root, lossForm("DIRECT_CHARGE", "12000", "EUR", "", "2025-03-31"));
        String rootReference = IncidentTestData.find(root).reference;
        officer.request().get("/incidents/" + root).then()
                .body(containsString("Below the collection threshold of 20,000.00 EUR (aggregated net loss)"))
                .body(containsString("id=\"legal-entity\">Example Mercantile Bank SE"));

        Map<String, Object> form = IncidentFixtures.incidentForm("Second effect of the same cause grp9");
        form.put("rootEvent", rootReference.toLowerCase(java.util.Locale.ROOT));
        long member = IncidentFixtures.record(officer, form);
        addLoss(officer, member, lossForm("DIRECT_CHARGE", "9000", "EUR", "", "2025-03-31"));
        assertEquals(root, IncidentTestData.find(member).rootEvent.id);
        officer.request().get("/incidents/" + root).then()
                .body(containsString("In the data set"))
                .body(containsString("id=\"grouped-events\""))
                .body(containsString("21,000.00 EUR"));
        officer.request().get("/incidents/" + member).then()
                .body(containsString("Counted as one event with its root event"));
        officer.request().get("/incidents?q=grp9").then()
                .body(containsString("id=\"total-count\">2</strong>"))
                .body(containsString("(1 loss event: grouped incidents count once)"));
        officer.request().get("/incidents?q=grp9&dataSet=IN").then()
                .body(containsString("Root event of a group grp9"))
                .body(not(containsString("Second effect of the same cause grp9")));
        officer.request().get("/incidents?q=grp9&dataSet=OUT").then()
                .body(not(containsString("Root event of a group grp9")))
                .body(containsString("Second effect of the same cause grp9"));
        String csv = TestSupport.session("auditor").request().get("/incidents/export.csv?q=grp9&dataSet=IN").then()
                .statusCode(200).extract().asString();
        assertTrue(csv.contains(rootReference) && !csv.contains("Second effect"), csv);

        Map<String, Object> nested = IncidentFixtures.incidentForm("Grouped under a member");
        nested.put("rootEvent", IncidentTestData.find(member).reference);
        officer.post("/incidents/new", "/incidents", nested).then().statusCode(400)
                .body(containsString("is itself grouped under " + rootReference));
        Map<String, Object> unknown = IncidentFixtures.incidentForm("Grouped under nothing");
        unknown.put("rootEvent", "INC-1999-9999");
        unknown.put("legalEntity", "NOPE");
        officer.post("/incidents/new", "/incidents", unknown).then().statusCode(400)
                .body(containsString("No incident has the reference INC-1999-9999"))
                .body(containsString("No active legal entity has the code NOPE"));
        Map<String, Object> regroupRoot = IncidentFixtures.incidentForm("Root event of a group grp9");
        regroupRoot.put("rootEvent", IncidentTestData.find(member).reference);
        regroupRoot.put("version", IncidentFixtures.version(officer, root));
        officer.post("/incidents/" + root + "/edit", "/incidents/" + root, regroupRoot).then().statusCode(400)
                .body(containsString("is itself grouped under"));
        Map<String, Object> both = IncidentFixtures.incidentForm("Both boundaries");
        both.put("creditBoundary", "true");
        both.put("marketBoundary", "true");
        officer.post("/incidents/new", "/incidents", both).then().statusCode(400)
                .body(containsString("either credit-risk related or market-risk related"));
    }

    private long closed(String title) {
        long id = IncidentFixtures.record(officer, title);
        addLoss(officer, id, lossForm("DIRECT_CHARGE", "1000", "EUR", "", "2025-03-31"));
        IncidentFixtures.transition(officer, id, "open");
        IncidentFixtures.transition(officer, id, "submit-for-review");
        Map<String, Object> close = new HashMap<>(Map.of("closureDate", "2025-04-30"));
        close.put("version", IncidentFixtures.version(manager, id));
        manager.post("/incidents/" + id, "/incidents/" + id + "/transitions/close", close).then().statusCode(303);
        assertEquals(IncidentStatus.CLOSED, IncidentTestData.find(id).status);
        return id;
    }

    private static io.restassured.response.Response post(Session session, long id, Map<String, Object> form) {
        return session.post("/incidents/" + id, "/incidents/" + id + "/losses", form);
    }

    private static List<LossEntry> lines(long incidentId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> LossEntry.<LossEntry>list("incident.id = ?1 order by id", incidentId));
    }
}
