package org.opregister.incident;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opregister.incident.IncidentFixtures.addLoss;
import static org.opregister.incident.IncidentFixtures.incidentForm;
import static org.opregister.incident.IncidentFixtures.lossForm;
import static org.opregister.incident.IncidentFixtures.transition;

/** What a review of an incident means: a frozen record, reasons given and kept, a complete account, a queue. */
@QuarkusTest
class IncidentReviewTest {

    private Session officer;
    private Session manager;
    private Session manager2;

    @BeforeEach
    void signIn() {
        officer = TestSupport.session("officer");
        manager = TestSupport.session("manager");
        manager2 = TestSupport.session("manager2");
    }

    @Test
    void anIncidentUnderReviewAndItsLedgerAreReadOnly() {
        long id = IncidentFixtures.record(officer, "Frozen for review");
        addLoss(officer, id, lossForm("DIRECT_CHARGE", "1000", "EUR", "1", "2025-03-10"));
        LossEntry line = QuarkusTransaction.requiringNew()
                .call(() -> LossEntry.<LossEntry>find("incident.id", id).firstResult());
        transition(officer, id, "open");
        transition(officer, id, "submit-for-review");

        String page = officer.request().get("/incidents/" + id).then().statusCode(200)
                .body(containsString("read-only until a manager returns or closes it"))
                .extract().asString();
        assertFalse(page.contains("id=\"add-loss\""), "no loss form");
        assertFalse(page.contains("/losses/" + line.id + "/edit"), "no edit of a loss line");
        assertFalse(page.contains("/losses/" + line.id + "/delete"), "no removal of a loss line");
        assertFalse(page.contains("/incidents/" + id + "/edit\""), "no edit of the incident");

        officer.post("/incidents/" + id, "/incidents/" + id + "/losses",
                lossForm("DIRECT_CHARGE", "5000", "EUR", "1", "2025-03-11")).then().statusCode(409)
                .body(containsString("under review"));
        officer.request().get("/incidents/" + id + "/losses/" + line.id + "/edit").then().statusCode(303);
        Map<String, Object> corrected = lossForm("DIRECT_CHARGE", "9000", "EUR", "1", "2025-03-10");
        corrected.put("version", line.version);
        officer.post("/incidents/" + id, "/incidents/" + id + "/losses/" + line.id, corrected).then().statusCode(303);
        officer.post("/incidents/" + id, "/incidents/" + id + "/losses/" + line.id + "/delete",
                Map.of("version", line.version)).then().statusCode(409).body(containsString("under review"));

        officer.request().get("/incidents/" + id + "/edit").then().statusCode(303);
        Map<String, Object> form = incidentForm("Renamed under review");
        form.put("version", IncidentFixtures.version(officer, id));
        officer.post("/incidents/" + id, "/incidents/" + id, form).then().statusCode(303);
        officer.request().contentType("application/json").body(Map.of("title", "Via the API", "version",
                IncidentFixtures.version(officer, id))).put("/api/incidents/" + id).then().statusCode(409)
                .body(containsString("under review"));

        Incident stored = IncidentTestData.find(id);
        assertEquals("Frozen for review", stored.title);
        assertEquals(0, new BigDecimal("1000.00").compareTo(stored.grossLoss));
        assertEquals(1, IncidentTestData.lossCount(id));
        assertEquals(IncidentStatus.UNDER_REVIEW, stored.status);
    }

    @Test
    void returningNeedsAReasonThatTheOwnerSeesOnTheIncidentTheDashboardAndTheHistory() {
        long id = underReview("Returned with a reason");

        step(manager2, id, "return", Map.of("reviewComment", " ")).then().statusCode(400)
                .body(containsString("This field is required"));
        assertEquals(IncidentStatus.UNDER_REVIEW, IncidentTestData.find(id).status);

        step(manager2, id, "return", Map.of("reviewComment", "Quantify the recovery expected from the insurer"))
                .then().statusCode(303);
        Incident returned = IncidentTestData.find(id);
        assertEquals(IncidentStatus.OPEN, returned.status);
        assertEquals("manager2", returned.review.reviewedBy);
        assertEquals("Quantify the recovery expected from the insurer", returned.review.reviewComment);

        officer.request().get("/incidents/" + id).then().statusCode(200)
                .body(containsString("id=\"returned\""))
                .body(containsString("Returned for rework by"))
                .body(containsString("Quantify the recovery expected from the insurer"));
        officer.request().get("/").then().statusCode(200)
                .body(containsString("Incident " + returned.reference + " returned for rework"))
                .body(containsString("Quantify the recovery expected from the insurer"));
        officer.request().get("/incidents/" + id + "/history").then().statusCode(200)
                .body(containsString("Quantify the recovery expected from the insurer"));

        // Reworked and submitted again: the notice goes, the reason stays in the discussion.
        transition(officer, id, "submit-for-review");
        Incident resubmitted = IncidentTestData.find(id);
        assertNull(resubmitted.review.reviewComment);
        officer.request().get("/incidents/" + id).then()
                .body(not(containsString("id=\"returned\"")))
                .body(containsString("Quantify the recovery expected from the insurer"));
        officer.request().get("/").then().body(not(containsString("Incident " + returned.reference + " returned")));
    }

    @Test
    void closingTakesAnOptionalCommentKeptOnTheIncidentAndInItsDiscussion() {
        long id = underReview("Closed with a comment");
        step(manager2, id, "close", Map.of("closureDate", "2025-03-20",
                "reviewComment", "Recovery booked, root cause fixed by CHG-42")).then().statusCode(303);
        Incident closed = IncidentTestData.find(id);
        assertEquals(IncidentStatus.CLOSED, closed.status);
        assertEquals("manager2", closed.review.reviewedBy);
        assertEquals("Recovery booked, root cause fixed by CHG-42", closed.review.reviewComment);
        officer.request().get("/incidents/" + id).then()
                .body(containsString("id=\"closed\""))
                .body(containsString("Recovery booked, root cause fixed by CHG-42"));
        officer.request().get("/incidents/" + id + "/history").then()
                .body(containsString("Recovery booked, root cause fixed by CHG-42"));
    }

    @Test
    void aManagersQueueListsIncidentsAwaitingTheirReviewButNotTheirOwnSubmissions() {
        long own = IncidentFixtures.record(officer, "Submitted by the manager");
        transition(officer, own, "open");
        transition(manager, own, "submit-for-review");
        long other = underReview("Submitted by the officer");

        List<Long> forManager = awaitingReviewBy("manager");
        List<Long> forManager2 = awaitingReviewBy("manager2");
        assertFalse(forManager.contains(own), "the four-eyes rule keeps a manager's own submission out");
        assertTrue(forManager.contains(other));
        assertTrue(forManager2.contains(own) && forManager2.contains(other));

        manager2.request().get("/").then().statusCode(200)
                .body(containsString("/incidents?status=UNDER_REVIEW"))
                .body(containsString(forManager2.size() + " incidents awaiting your review"));
        manager.request().get("/").then()
                .body(containsString(forManager.size() + (forManager.size() == 1 ? " incident" : " incidents")
                        + " awaiting your review"));
        officer.request().get("/").then().body(not(containsString("incidents awaiting your review")))
                .body(not(containsString("incident awaiting your review")));
    }

    @Test
    void submittingForReviewNeedsTheDescriptionCausesAndRootCauseEvenForANearMiss() {
        Map<String, Object> form = incidentForm("Incomplete near miss");
        form.put("description", "");
        form.remove("causes");
        form.put("rootCause", "");
        form.put("nearMiss", "true");
        long id = IncidentFixtures.record(officer, form);
        transition(officer, id, "open");

        step(officer, id, "submit-for-review", Map.of()).then().statusCode(400)
                .body(containsString("cannot be submitted for review yet"))
                .body(allOf(containsString("Describe what happened"), containsString("Choose at least one cause"),
                        containsString("Record the root cause")));
        assertEquals(IncidentStatus.OPEN, IncidentTestData.find(id).status);

        Map<String, Object> completed = incidentForm("Incomplete near miss");
        completed.put("nearMiss", "true");
        completed.put("version", IncidentFixtures.version(officer, id));
        officer.post("/incidents/" + id, "/incidents/" + id, completed).then().statusCode(303);
        step(officer, id, "submit-for-review", Map.of()).then().statusCode(303);
        assertEquals(IncidentStatus.UNDER_REVIEW, IncidentTestData.find(id).status);
    }

    private long underReview(String title) {
        long id = IncidentFixtures.record(officer, title);
        transition(officer, id, "open");
        transition(officer, id, "submit-for-review");
        return id;
    }

    private static List<Long> awaitingReviewBy(String manager) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Incident.awaitingDecisionBy(manager).stream().map(i -> i.id).toList());
    }

    private static Response step(Session session, long id, String step, Map<String, Object> extra) {
        Map<String, Object> fields = new HashMap<>(extra);
        fields.put("version", IncidentFixtures.version(session, id));
        return session.post("/incidents/" + id, "/incidents/" + id + "/transitions/" + step, fields);
    }
}
