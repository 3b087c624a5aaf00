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
        Map<String, Object> form = incidentForm(entity, "Second effect " + entity, "2022-05-01");
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

        // The member's only line removed: its root's event is read again, though no line of the member is left to
        // name it.
        LossEntry line = QuarkusTransaction.requiringNew()
                .call(() -> LossEntry.<LossEntry>find("incident.id", member).firstResult());
        String memberPage = "/incidents/" + member;
        officer.post(memberPage, memberPage + "/losses/" + line.id + "/delete", Map.of("version", line.version))
                .then().statusCode(303);
        Prepared removed = returns.prepare(DATE, entity);
        assertEquals(0, new BigDecimal("150000").compareTo(removed.result().value("0920", "0080")));
        assertFresh(removed, entity);
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
    void aChangeReadsAgainOnlyTheEventsItTouched() {
        String entity = entity("CRK9");
        Session officer = TestSupport.session("officer");
        long other = incidentOf(officer, entity, "Second event " + entity);
        IncidentFixtures.addLoss(officer, other,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "60000", "EUR", "", "2022-06-30"));
        Prepared whole = returns.prepare(DATE, entity);
        assertEquals(0, new BigDecimal("2").compareTo(whole.result().value("0910", "0080")), "two events");

        IncidentFixtures.addLoss(officer, other,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "1000", "EUR", "", "2022-10-01"));
        Prepared afterLine = returns.prepare(DATE, entity);
        assertEquals(1, afterLine.eventsRead(), "only the event of the new line is read again");
        assertEquals(whole.lines() + 1, afterLine.lines());
        assertFresh(afterLine, entity);

        QuarkusTransaction.requiringNew()
                .run(() -> LegalEntity.<LegalEntity>find("code", entity).firstResult().name = "Renamed " + entity);
        Prepared entityRenamed = returns.prepare(DATE, entity);
        assertEquals(2, entityRenamed.eventsRead(), "an entity's change reads every event again");
        assertFresh(entityRenamed, entity);
    }

    /**
     * Lines left on an incident's own event after it was grouped (written around the service, as a race could once
     * leave them): the next write to the root moves them into the root's event, naming only the root. The kept event
     * of the member must go, or its lines would count twice.
     */
    @Test
    void linesMovedIntoTheRootsEventDoNotCountTwice() {
        String entity = entity("CRK11");
        long root = firstIncident(entity);
        Session officer = TestSupport.session("officer");
        long member = incidentOf(officer, entity, "Member left on its event " + entity);
        IncidentFixtures.addLoss(officer, member,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "45000", "EUR", "", "2022-07-01"));
        QuarkusTransaction.requiringNew()
                .run(() -> Incident.<Incident>findById(member).rootEvent = Incident.findById(root));
        Prepared apart = returns.prepare(DATE, entity);
        assertEquals(0, new BigDecimal("2").compareTo(apart.result().value("0910", "0080")),
                "the member's lines still count in its own event");

        IncidentFixtures.addLoss(officer, root,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "1000", "EUR", "", "2022-11-15"));
        Prepared together = returns.prepare(DATE, entity);
        assertEquals(0, BigDecimal.ONE.compareTo(together.result().value("0910", "0080")), "one event now");
        assertEquals(0, new BigDecimal("196000").compareTo(together.result().value("0920", "0080")),
                "the root's charge, the member's and the new line, each counted once");
        assertFresh(together, entity);
    }

    @Test
    void afterEachOfRandomChangesTheReturnReadAgainEqualsAFreshOne() {
        String entity = entity("CRK10");
        Session officer = TestSupport.session("officer");
        long root = firstIncident(entity);
        String rootReference = QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>findById(root).reference);
        List<Long> incidents = new java.util.ArrayList<>(List.of(root));
        Map<Long, Map<String, Object>> forms = new java.util.HashMap<>();
        for (int i = 1; i <= 3; i++) {
            String title = "Random event " + i + " " + entity;
            long id = incidentOf(officer, entity, title);
            forms.put(id, incidentForm(entity, title));
            incidents.add(id);
        }
        String[] dates = {"2021-11-30", "2022-01-03", "2022-06-30", "2022-12-31", "2023-01-02"};
        java.util.Random random = new java.util.Random(311);
        returns.prepare(DATE, entity);
        // A draw that cannot change anything (no line to remove) is drawn again.
        for (int changes = 0; changes < 24;) {
            long incident = incidents.get(random.nextInt(incidents.size()));
            // The first incident occurred in March 2022: no line of it is booked before.
            int earliest = incident == root ? 2 : 0;
            String date = dates[earliest + random.nextInt(dates.length - earliest)];
            String page = "/incidents/" + incident;
            List<LossEntry> lines = QuarkusTransaction.requiringNew()
                    .call(() -> LossEntry.<LossEntry>list("incident.id = ?1 order by id", incident));
            String change;
            switch (random.nextInt(5)) {
                case 0 -> {
                    // A recovery only where a charge was booked, which it stays below.
                    boolean recovery = charges(lines) > 0 && random.nextInt(4) == 0;
                    change = "a line";
                    IncidentFixtures.addLoss(officer, incident,
                            IncidentFixtures.lossForm(recovery ? "OTHER_RECOVERY" : "DIRECT_CHARGE",
                                    recovery ? "100" : Integer.toString(5000 + random.nextInt(30000)), "EUR", "",
                                    date));
                }
                case 1 -> {
                    change = "a title";
                    QuarkusTransaction.requiringNew().run(
                            () -> Incident.<Incident>findById(incident).title = "Retitled " + random.nextInt(1000));
                }
                case 2 -> {
                    if (incident == root) {
                        continue;
                    }
                    Map<String, Object> form = forms.get(incident);
                    boolean grouped = rootReference.equals(form.get("rootEvent"));
                    change = grouped ? "ungrouped" : "grouped";
                    form.put("rootEvent", grouped ? "" : rootReference);
                    form.put("version", IncidentFixtures.version(officer, incident));
                    officer.post(page + "/edit", page, form).then().statusCode(303);
                }
                case 3 -> {
                    if (lines.isEmpty()) {
                        continue;
                    }
                    LossEntry line = lines.get(random.nextInt(lines.size()));
                    change = "a line's amount";
                    Map<String, Object> edited = IncidentFixtures.lossForm(line.type.name(),
                            line.type.isRecovery() ? "50" : Integer.toString(4000 + random.nextInt(9000)), "EUR", "",
                            date);
                    edited.put("version", line.version);
                    String linePage = page + "/losses/" + line.id;
                    officer.post(linePage + "/edit", linePage, edited).then().statusCode(303);
                }
                default -> {
                    LossEntry line = lines.isEmpty() ? null : lines.get(lines.size() - 1);
                    if (line == null || !line.type.isRecovery() && charges(lines) < 2) {
                        continue;
                    }
                    change = "a line removed";
                    officer.post(page, page + "/losses/" + line.id + "/delete", Map.of("version", line.version))
                            .then().statusCode(303);
                }
            }
            Prepared kept = returns.prepare(DATE, entity);
            assertTrue(kept.eventsRead() <= 2, "after " + change + ", " + kept.eventsRead() + " events read");
            assertFresh(kept, entity);
            changes++;
        }
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

    private static long charges(List<LossEntry> lines) {
        return lines.stream().filter(line -> !line.type.isRecovery()).count();
    }

    /** The form of an incident of the entity, which occurred that day and was discovered the next. */
    private static Map<String, Object> incidentForm(String entity, String title, String occurred) {
        Map<String, Object> form = IncidentFixtures.incidentForm(title);
        form.put("legalEntity", entity);
        form.put("occurrenceDate", occurred);
        form.put("discoveryDate", java.time.LocalDate.parse(occurred).plusDays(1).toString());
        return form;
    }

    private static Map<String, Object> incidentForm(String entity, String title) {
        return incidentForm(entity, title, "2021-10-01");
    }

    /** A second incident of the entity, with no line yet. */
    private static long incidentOf(Session officer, String entity, String title) {
        return IncidentFixtures.record(officer, incidentForm(entity, title));
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
        long id = IncidentFixtures.record(officer, incidentForm(code, "Computed return " + code, "2022-03-01"));
        IncidentFixtures.addLoss(officer, id,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "150000", "EUR", "", "2022-03-31"));
        IncidentFixtures.addLoss(officer, id,
                IncidentFixtures.lossForm("OTHER_RECOVERY", "10000", "EUR", "", "2022-04-30"));
        return code;
    }
}
