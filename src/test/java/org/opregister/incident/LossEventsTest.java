package org.opregister.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;
import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.core.FieldErrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opregister.incident.IncidentFixtures.addLoss;
import static org.opregister.incident.IncidentFixtures.lossForm;

/**
 * Each ledger line carries the loss event it counts in ({@link LineEvent}); after any sequence of ledger writes,
 * reclassifications and regroupings, through the forms, in turn or at the same moment, every line says what a
 * recomputation from the incidents says.
 */
@QuarkusTest
class LossEventsTest {

    @Inject
    IncidentService service;

    @Inject
    IncidentImport importer;

    private Session officer;

    @BeforeEach
    void signIn() {
        officer = TestSupport.session("officer");
    }

    @Test
    void linesFollowTheirEventThroughReclassificationAndRegrouping() {
        long root = IncidentFixtures.record(officer, "Event root lev1");
        long member = grouped("Grouped effect lev1", root);
        long other = IncidentFixtures.record(officer, "Another event lev1");
        addLoss(officer, root, lossForm("DIRECT_CHARGE", "30000", "EUR", "", "2025-03-31"));
        addLoss(officer, member, lossForm("DIRECT_CHARGE", "5000", "EUR", "", "2025-04-30"));
        addLoss(officer, other, lossForm("DIRECT_CHARGE", "1000", "EUR", "", "2025-04-30"));
        LineEvent memberLine = event(member);
        assertEquals(root, memberLine.root);
        assertEquals(0, new java.math.BigDecimal("35000").compareTo(memberLine.gross), "the group's gross");
        assertNoDrift();

        edit(root, Map.of("eventCategory", "EXTERNAL_FRAUD", "eventType", "EXTERNAL_THEFT_AND_FRAUD",
                "businessLine", "RETAIL_BANKING", "creditBoundary", "true"));
        LineEvent reclassified = event(member);
        assertEquals(org.opregister.taxonomy.EventType.EXTERNAL_THEFT_AND_FRAUD, reclassified.type,
                "a grouped incident's lines take their root's new type");
        assertTrue(reclassified.excluded, "a credit-boundary root keeps its event out of the data set");
        assertNoDrift();

        edit(member, Map.of("rootEvent", IncidentTestData.find(other).reference));
        assertEquals(other, event(member).root, "regrouped: the lines follow the new root");
        assertEquals(0, new java.math.BigDecimal("30000").compareTo(event(root).gross), "the old group shrank");
        assertEquals(0, new java.math.BigDecimal("6000").compareTo(event(other).gross), "the new group grew");
        assertNoDrift();

        edit(member, Map.of("rootEvent", ""));
        assertEquals(member, event(member).root, "ungrouped: its own event");
        assertNoDrift();
    }

    @Test
    void writersOfOneEventAtTheSameMomentLoseNothing() {
        long root = IncidentFixtures.record(officer, "Event root lev2");
        long[] ids = {root, grouped("First effect lev2", root), grouped("Second effect lev2", root)};
        TestSupport.Csrf csrf = officer.csrf("/incidents/" + root);
        List<Integer> statuses = Parallel.run(6, i -> {
            if (i == 5) {
                return editResponse(root, Map.of("businessLine", "COMMERCIAL_BANKING")).statusCode();
            }
            return officer.post(csrf, "/incidents/" + ids[i % 3] + "/losses",
                    lossForm("DIRECT_CHARGE", "1000", "EUR", "", "2025-05-15")).statusCode();
        });
        assertEquals(List.of(303, 303, 303, 303, 303), statuses.subList(0, 5), "every line is booked");
        assertTrue(statuses.get(5) == 303 || statuses.get(5) == 409,
                "the edit is saved, or refused as stale when a line changed the root first: " + statuses);
        LineEvent line = event(ids[2]);
        assertEquals(0, new java.math.BigDecimal("5000").compareTo(line.gross), "five lines of 1,000 in the group");
        assertEquals(statuses.get(5) == 303
                ? org.opregister.taxonomy.BusinessLine.COMMERCIAL_BANKING
                : org.opregister.taxonomy.BusinessLine.PAYMENT_AND_SETTLEMENT, line.businessLine);
        assertNoDrift();
    }

    @Test
    void aRandomBurstOfWritesLeavesNoLineBehind() {
        Random random = new Random(20241129);
        List<Long> roots = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long id = IncidentFixtures.record(officer, "Burst root " + i + " lev3");
            roots.add(id);
            all.add(id);
        }
        for (int step = 0; step < 30; step++) {
            long target = all.get(random.nextInt(all.size()));
            switch (random.nextInt(4)) {
                case 0, 1 -> addLoss(officer, target, lossForm(random.nextBoolean() ? "DIRECT_CHARGE" : "PROVISION",
                        String.valueOf(1000 + random.nextInt(40000)), "EUR", "", "2025-0" + (4 + random.nextInt(6))
                                + "-15"));
                case 2 -> all.add(grouped("Burst member " + step + " lev3", roots.get(random.nextInt(roots.size()))));
                default -> edit(target, Map.of("businessLine", random.nextBoolean()
                        ? "RETAIL_BANKING"
                        : "AGENCY_SERVICES"));
            }
        }
        assertNoDrift();
    }

    /**
     * Two edits released together: one groups X under R, the other groups Y under X; and a new incident recorded
     * under X while X is grouped. One level only: whichever comes second is refused, never both saved (an event
     * under an event, whose lines would count in the wrong one).
     */
    @Test
    void groupingUnderAnIncidentThatIsBeingGroupedIsRefused() {
        for (int round = 0; round < 4; round++) {
            long r = IncidentFixtures.record(officer, "Race root " + round + " lev4");
            long x = IncidentFixtures.record(officer, "Race middle " + round + " lev4");
            long y = IncidentFixtures.record(officer, "Race leaf " + round + " lev4");
            addLoss(officer, x, lossForm("DIRECT_CHARGE", "1000", "EUR", "", "2025-05-15"));
            addLoss(officer, y, lossForm("DIRECT_CHARGE", "2000", "EUR", "", "2025-05-15"));
            String rReference = IncidentTestData.find(r).reference;
            String xReference = IncidentTestData.find(x).reference;
            Map<String, Object> newUnderX = IncidentFixtures.incidentForm("Race new " + round + " lev4");
            newUnderX.put("rootEvent", xReference);
            List<Integer> statuses = Parallel.run(3, i -> switch (i) {
                case 0 -> editResponse(x, Map.of("rootEvent", rReference)).statusCode();
                case 1 -> editResponse(y, Map.of("rootEvent", xReference)).statusCode();
                default -> officer.post("/incidents/new", "/incidents", newUnderX).statusCode();
            });
            boolean xGrouped = statuses.get(0) == 303;
            assertTrue(!xGrouped || statuses.get(1) != 303 && statuses.get(2) != 303,
                    "X grouped under R, and something grouped under X too: " + statuses);
            long nested = QuarkusTransaction.requiringNew().call(
                    () -> Incident.count("rootEvent.rootEvent is not null and title like '%lev4'"));
            assertEquals(0, nested, "an event grouped under a grouped incident");
            assertNoDrift();
        }
    }

    /**
     * The same race made certain: the request has read X before the edit grouping X under R committed (as a request
     * does before it takes its locks). Grouping Y under X must then be refused on what X is now, not saved on what was
     * read.
     */
    @Test
    void anIncidentGroupedSinceItWasReadIsNotTakenForARoot() {
        long r = IncidentFixtures.record(officer, "Stale root lev5");
        long x = IncidentFixtures.record(officer, "Stale middle lev5");
        long y = IncidentFixtures.record(officer, "Stale leaf lev5");
        String xReference = IncidentTestData.find(x).reference;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Incident.findByReference(xReference);
                QuarkusTransaction.requiringNew()
                        .run(() -> Incident.<Incident>findById(x).rootEvent = Incident.findById(r));
                service.update(y, groupedUnder(Incident.findById(y), xReference), new FieldErrors());
            });
        } catch (RuntimeException refused) {
            // Refused: the rootEvent field names X as grouped under R; the transaction rolls back.
        }
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> {
            Incident leaf = Incident.findById(y);
            return leaf.rootEvent == null ? null : leaf.rootEvent.reference;
        }), "Y grouped under X, which is grouped under R");
    }

    /**
     * The same race through an import: the import has read X (the root its row names) before an edit grouping X
     * under R committed. The row must be refused on what X is now, and an existing incident the row regroups the
     * same.
     */
    @Test
    void anImportDoesNotGroupUnderAnIncidentGroupedSinceItWasRead() {
        long r = IncidentFixtures.record(officer, "Import stale root lev6");
        long x = IncidentFixtures.record(officer, "Import stale middle lev6");
        long y = IncidentFixtures.record(officer, "Import stale leaf lev6");
        String xReference = IncidentTestData.find(x).reference;
        String yKey = "IMPORT-STALE-" + y;
        QuarkusTransaction.requiringNew().run(() -> Incident.<Incident>findById(y).externalReference = yKey);
        for (String key : List.of("IMPORT-STALE-NEW-" + y, yKey)) {
            FieldErrors errors = new FieldErrors();
            QuarkusTransaction.requiringNew().run(() -> {
                Incident.findByReference(xReference);
                QuarkusTransaction.requiringNew()
                        .run(() -> Incident.<Incident>findById(x).rootEvent = Incident.findById(r));
                IncidentImport.Written written = importer.incident(key, groupedUnder(Incident.findById(y), null),
                        xReference, new IncidentImport.History(null, null, null, null, null), new ImportedLedgers(),
                        errors);
                assertEquals(null, written, key + " written under X, which is grouped under R");
            });
            assertTrue(errors.has("rootEvent"), key + ": refused on its root event");
            QuarkusTransaction.requiringNew().run(() -> Incident.<Incident>findById(x).rootEvent = null);
        }
        long nested = QuarkusTransaction.requiringNew()
                .call(() -> Incident.count("rootEvent.rootEvent is not null and title like '%lev6'"));
        assertEquals(0, nested, "an event grouped under a grouped incident");
    }

    /** What the edit form of the incident sends, naming another root event. */
    private static IncidentForm.IncidentData groupedUnder(Incident i, String rootEvent) {
        return new IncidentForm.IncidentData(i.title, i.description, i.severity, i.eventCategory, i.eventType,
                i.businessLine, i.orgUnit, i.owner, i.occurrenceDate, i.discoveryDate, i.causes, i.rootCause,
                i.thirdParty, i.nearMiss, i.gainEvent, i.legalEntity.code, rootEvent, i.creditBoundary,
                i.marketBoundary, i.externalReference, i.version);
    }

    private long grouped(String title, long root) {
        Map<String, Object> form = IncidentFixtures.incidentForm(title);
        form.put("rootEvent", IncidentTestData.find(root).reference);
        return IncidentFixtures.record(officer, form);
    }

    private void edit(long id, Map<String, Object> changes) {
        io.restassured.response.Response response = editResponse(id, changes);
        assertEquals(303, response.statusCode(), response.asString());
    }

    private io.restassured.response.Response editResponse(long id, Map<String, Object> changes) {
        Incident incident = IncidentTestData.find(id);
        Map<String, Object> form = IncidentFixtures.incidentForm(incident.title);
        form.put("eventCategory", incident.eventCategory.name());
        form.put("eventType", incident.eventType.name());
        form.put("businessLine", incident.businessLine.name());
        form.put("rootEvent", QuarkusTransaction.requiringNew().call(() -> {
            Incident fresh = Incident.findById(id);
            return fresh.rootEvent == null ? "" : fresh.rootEvent.reference;
        }));
        form.put("occurrenceDate", incident.occurrenceDate.toString());
        form.put("discoveryDate", incident.discoveryDate.toString());
        form.putAll(changes);
        form.put("version", IncidentFixtures.version(officer, id));
        return officer.post("/incidents/" + id + "/edit", "/incidents/" + id, form);
    }

    private static LineEvent event(long incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> LossEntry
                .<LossEntry>find("incident.id = ?1 order by id", incidentId).firstResult().event);
    }

    private static void assertNoDrift() {
        assertEquals(0, IncidentFixtures.linesOffTheirEvent(null), "lines whose event differs from the incidents");
    }
}
