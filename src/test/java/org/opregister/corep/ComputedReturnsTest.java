package org.opregister.corep;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;
import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.audit.AuditEntry;
import org.opregister.corep.C17Returns.Prepared;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;
import org.opregister.incident.LossEntry;
import org.opregister.reference.LegalEntity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A return is computed once while no record changes (a download or a sign-in changes none) or only records it does
 * not read change (a comment), and again after any change to what it reads: a ledger line, an incident's attributes,
 * its legal entity; under parallel writes and reads the return kept at the end is the one a fresh computation gives.
 */
@QuarkusTest
class ComputedReturnsTest {

    private static final String DATE = "2022-12-31";

    @Inject
    C17Returns returns;

    @Test
    void anUnchangedLedgerIsNotComputedAgain() {
        String entity = entity("CRK1");
        Prepared[] views = twoViews(entity, () -> {
        });
        Prepared first = views[0];
        Prepared second = views[1];
        assertTrue(first.result() == second.result(), "the second view reads the return kept by the first");
        assertEquals(first.hash(), second.hash());
        assertEquals(first.lines(), second.lines());
        assertTrue(first.result() != returns.prepare(DATE, "").result(), "another entity, another return");
    }

    @Test
    void everyChangeOfWhatTheReturnReadsIsSeen() {
        String entity = entity("CRK2");
        long incident = firstIncident(entity);
        Session officer = TestSupport.session("officer");

        Prepared before = returns.prepare(DATE, entity);
        IncidentFixtures.addLoss(officer, incident,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "250000", "EUR", "", "2022-09-30"));
        Prepared withLine = returns.prepare(DATE, entity);
        assertTrue(before.result() != withLine.result(), "computed again");
        assertEquals(before.lines() + 1, withLine.lines());
        assertEquals(0, before.result().value("0920", "0080").add(new BigDecimal("250000"))
                .compareTo(withLine.result().value("0920", "0080")), "the gross loss of the year grew by the line");
        assertFresh(withLine, entity);

        QuarkusTransaction.requiringNew().run(() -> Incident.<Incident>findById(incident).title = "Renamed " + entity);
        Prepared renamed = returns.prepare(DATE, entity);
        assertNotEquals(withLine.hash(), renamed.hash(), "the title is part of C 17.02 and of the hash");
        assertTrue(renamed.result().largeEvents().stream()
                .anyMatch(e -> e.event().title().equals("Renamed " + entity)));
        assertFresh(renamed, entity);

        QuarkusTransaction.requiringNew()
                .run(() -> LegalEntity.<LegalEntity>find("code", entity).firstResult().name = "Renamed " + entity);
        Prepared entityRenamed = returns.prepare(DATE, entity);
        assertNotEquals(renamed.hash(), entityRenamed.hash());
        assertEquals("Renamed " + entity, entityRenamed.result().largeEvents().get(0).entityName());
        assertFresh(entityRenamed, entity);
    }

    @Test
    void regroupingAnIncidentIsSeen() {
        String entity = entity("CRK5");
        long root = firstIncident(entity);
        Session officer = TestSupport.session("officer");
        Map<String, Object> form = IncidentFixtures.incidentForm("Second effect " + entity);
        form.put("legalEntity", entity);
        form.put("occurrenceDate", "2022-05-01");
        form.put("discoveryDate", "2022-05-02");
        long member = IncidentFixtures.record(officer, form);
        IncidentFixtures.addLoss(officer, member,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "30000", "EUR", "", "2022-05-31"));
        Prepared apart = returns.prepare(DATE, entity);
        assertEquals(0, new BigDecimal("2").compareTo(apart.result().value("0910", "0080")), "two events");

        String rootReference = QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>findById(root).reference);
        form.put("rootEvent", rootReference);
        form.put("version", IncidentFixtures.version(officer, member));
        officer.post("/incidents/" + member + "/edit", "/incidents/" + member, form).then().statusCode(303);
        Prepared grouped = returns.prepare(DATE, entity);
        assertEquals(0, BigDecimal.ONE.compareTo(grouped.result().value("0910", "0080")),
                "one event: the member counts in its root");
        assertEquals(0, new BigDecimal("180000").compareTo(grouped.result().value("0920", "0080")));
        assertFresh(grouped, entity);
    }

    @Test
    void parallelWritesAndReadsEndOnTheFreshReturn() {
        String entity = entity("CRK3");
        long incident = firstIncident(entity);
        Session officer = TestSupport.session("officer");
        List<Long> lines = Parallel.run(8, i -> {
            if (i % 2 == 0) {
                IncidentFixtures.addLoss(officer, incident, IncidentFixtures.lossForm("DIRECT_CHARGE",
                        Integer.toString(1000 + i), "EUR", "", "2022-10-" + (10 + i)));
                return -1L;
            }
            return returns.prepare(DATE, entity).lines();
        });
        lines.forEach(n -> assertTrue(n == -1L || (n >= 2 && n <= 6), "a reader saw " + n + " lines"));
        Prepared[] views = twoViews(entity, () -> {
        });
        Prepared last = views[0];
        Prepared again = views[1];
        assertTrue(last.result() == again.result(), "the return computed after the burst is kept");
        assertEquals(6, last.lines(), "two lines of the entity, four written in parallel");
        assertFresh(again, entity);
    }

    @Test
    void aDownloadOrASignInChangesNoRecordAndLeavesTheKeptReturn() {
        String entity = entity("CRK4");
        long entriesBefore = lastEntry();
        Prepared[] views = twoViews(entity, () -> {
            TestSupport.login("manager").request().get("/").then().statusCode(200);
            TestSupport.session("auditor").request()
                    .get("/reports/c17-01.csv?referenceDate=" + DATE + "&entity=" + entity).then().statusCode(200);
        });
        assertTrue(lastEntry() >= entriesBefore + 2, "the sign-in and the download were audited");
        assertTrue(views[0].result() == views[1].result(), "they moved the trail, not the last change of a record");
    }

    @Test
    void aChangeToAnotherRecordLeavesTheKeptReturnALineBeforeItIsSeen() {
        String entity = entity("CRK6");
        long incident = firstIncident(entity);
        Session officer = TestSupport.session("officer");
        String page = "/incidents/" + incident;
        Prepared first = returns.prepare(DATE, entity);
        long before = head();
        officer.post(page, page + "/comments", Map.of("comment", "No figure moves")).then().statusCode(303);
        assertTrue(head() > before, "the comment is a change of a record");
        Prepared second = returns.prepare(DATE, entity);
        assertTrue(first.result() == second.result(), "a comment moves no figure of the return");

        IncidentFixtures.addLoss(officer, incident,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "40000", "EUR", "", "2022-11-30"));
        officer.post(page, page + "/comments", Map.of("comment", "After the line")).then().statusCode(303);
        Prepared afterLine = returns.prepare(DATE, entity);
        assertTrue(afterLine.result() != second.result(), "the line booked before the comment is seen");
        assertEquals(second.lines() + 1, afterLine.lines());
        assertFresh(afterLine, entity);
    }

    @Test
    void aLineBookedOrRemovedAfterTheReferenceDateLeavesTheKeptReturn() {
        String entity = entity("CRK8");
        long incident = firstIncident(entity);
        Session officer = TestSupport.session("officer");
        String page = "/incidents/" + incident;
        Prepared first = returns.prepare(DATE, entity);
        long before = head();
        IncidentFixtures.addLoss(officer, incident,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "70000", "EUR", "", "2023-01-02"));
        assertTrue(head() > before, "the line and the incident's totals are changes of records");
        Prepared second = returns.prepare(DATE, entity);
        assertTrue(first.result() == second.result(), "the return of 2022 reads no line of 2023");
        assertFresh(second, entity);

        LossEntry line = QuarkusTransaction.requiringNew()
                .call(() -> LossEntry.<LossEntry>find("incident.id = ?1 and accountingDate = ?2", incident,
                        java.time.LocalDate.of(2023, 1, 2)).firstResult());
        officer.post(page, page + "/losses/" + line.id + "/delete", Map.of("version", line.version)).then()
                .statusCode(303);
        Prepared third = returns.prepare(DATE, entity);
        assertTrue(second.result() == third.result(), "nor does removing it change the return of 2022");

        IncidentFixtures.addLoss(officer, incident,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "5000", "EUR", "", "2022-12-31"));
        Prepared fourth = returns.prepare(DATE, entity);
        assertTrue(fourth.result() != third.result(), "a line booked on the reference date is read");
        assertEquals(third.lines() + 1, fourth.lines());
        assertEquals(0, third.result().value("0920", "0080").add(new BigDecimal("5000"))
                .compareTo(fourth.result().value("0920", "0080")));
        assertFresh(fourth, entity);
    }

    @Test
    void commentsLinesAndViewsReleasedTogetherEndOnTheFreshReturn() {
        String entity = entity("CRK7");
        long incident = firstIncident(entity);
        Session officer = TestSupport.session("officer");
        String page = "/incidents/" + incident;
        returns.prepare(DATE, entity);
        // Readers find the kept return under an earlier change with comments and lines committed in between: each
        // asks the trail, and must never keep a return that misses a line.
        List<Long> lines = Parallel.run(9, i -> {
            switch (i % 3) {
                case 0 -> IncidentFixtures.addLoss(officer, incident, IncidentFixtures.lossForm("DIRECT_CHARGE",
                        Integer.toString(2000 + i), "EUR", "", "2022-08-" + (10 + i)));
                case 1 -> officer.post(page, page + "/comments", Map.of("comment", "Comment " + i)).then()
                        .statusCode(303);
                default -> {
                    return returns.prepare(DATE, entity).lines();
                }
            }
            return -1L;
        });
        lines.forEach(n -> assertTrue(n == -1L || (n >= 2 && n <= 5), "a reader saw " + n + " lines"));
        Prepared kept = returns.prepare(DATE, entity);
        assertEquals(5, kept.lines(), "two lines of the entity, three written in parallel");
        assertFresh(kept, entity);
    }

    /** The return as kept equals the return computed afresh (a cell's page computes it afresh). */
    private void assertFresh(Prepared kept, String entity) {
        Prepared fresh = returns.prepare(DATE, entity, C17Computation.showing("0910", "0080"));
        assertTrue(kept.result() != fresh.result(), "a cell's page computes the return afresh");
        assertEquals(fresh.hash(), kept.hash());
        assertEquals(fresh.lines(), kept.lines());
        for (Map.Entry<String, C17Return.Cell> cell : fresh.result().cells().entrySet()) {
            assertEquals(0, cell.getValue().value().compareTo(kept.result().cells().get(cell.getKey()).value()),
                    cell.getKey());
        }
        assertEquals(fresh.result().largeEvents().size(), kept.result().largeEvents().size());
    }

    /**
     * Two views of the return with {@code between} done in between, again until no record changed meanwhile: work the
     * fixtures set off may still be writing (computed KRIs follow a change after its commit).
     */
    private Prepared[] twoViews(String entity, Runnable between) {
        Prepared[] views = new Prepared[2];
        int tries = 0;
        long change;
        do {
            change = head();
            views[0] = returns.prepare(DATE, entity);
            between.run();
            views[1] = returns.prepare(DATE, entity);
        } while (head() != change && ++tries < 50);
        return views;
    }

    private static long lastEntry() {
        return QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.<AuditEntry>find("order by id desc").firstResult().id);
    }

    private static long head() {
        return QuarkusTransaction.requiringNew().call(AuditEntry::lastChangeId);
    }

    private static long firstIncident(String entity) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>find("title", "Computed return " + entity).firstResult().id);
    }

    /** A legal entity of its own with one event of 2022: a direct charge of 150,000, a recovery of 10,000. */
    private static String entity(String code) {
        QuarkusTransaction.requiringNew().run(() -> {
            LegalEntity entity = new LegalEntity();
            entity.code = code;
            entity.name = "Computed return entity " + code;
            entity.active = true;
            entity.persist();
        });
        Session officer = TestSupport.session("officer");
        Map<String, Object> form = IncidentFixtures.incidentForm("Computed return " + code);
        form.put("legalEntity", code);
        form.put("occurrenceDate", "2022-03-01");
        form.put("discoveryDate", "2022-03-02");
        long id = IncidentFixtures.record(officer, form);
        IncidentFixtures.addLoss(officer, id,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "150000", "EUR", "", "2022-03-31"));
        IncidentFixtures.addLoss(officer, id,
                IncidentFixtures.lossForm("OTHER_RECOVERY", "10000", "EUR", "", "2022-04-30"));
        return code;
    }
}
