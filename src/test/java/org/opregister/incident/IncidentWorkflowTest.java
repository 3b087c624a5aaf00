package org.opregister.incident;

import java.time.LocalDate;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.opregister.incident.IncidentFixtures.incidentForm;
import static org.opregister.incident.IncidentFixtures.transition;

/** Draft → Open → Under review → Closed, enforced on the server, with four-eyes on closing. */
@QuarkusTest
class IncidentWorkflowTest {

    @Test
    void fullWorkflowWithFourEyesOnClosing() {
        Session officer = TestSupport.session("officer");
        Session manager = TestSupport.session("manager");
        Session manager2 = TestSupport.session("manager2");
        long id = IncidentFixtures.record(officer, "Workflow");

        transition(officer, id, "open");
        assertEquals(IncidentStatus.OPEN, IncidentTestData.find(id).status);

        transition(manager, id, "submit-for-review");
        Incident submitted = IncidentTestData.find(id);
        assertEquals(IncidentStatus.UNDER_REVIEW, submitted.status);
        assertEquals("manager", submitted.review.submittedBy);

        // An officer may not close at all; the manager who submitted may not close their own submission.
        post(officer, id, "close", Map.of()).then().statusCode(403);
        post(manager, id, "close", Map.of()).then().statusCode(409).body(containsString("four-eyes"));
        manager.request().get("/incidents/" + id).then().body(containsString("another manager must close it"));
        assertEquals(IncidentStatus.UNDER_REVIEW, IncidentTestData.find(id).status);

        post(manager2, id, "close", Map.of("closureDate", "2025-03-20")).then().statusCode(303);
        Incident closed = IncidentTestData.find(id);
        assertEquals(IncidentStatus.CLOSED, closed.status);
        assertEquals(LocalDate.of(2025, 3, 20), closed.closureDate);
    }

    @Test
    void closedIncidentsAreReadOnlyUntilAManagerReopensThem() {
        Session officer = TestSupport.session("officer");
        Session manager = TestSupport.session("manager");
        long id = closedIncident(officer, manager);

        officer.request().get("/incidents/" + id).then().statusCode(200)
                .body(not(containsString("/incidents/" + id + "/edit\"")))
                .body(not(containsString("id=\"add-loss\"")));
        officer.request().get("/incidents/" + id + "/edit").then().statusCode(303);

        Map<String, Object> form = incidentForm("Changed after closing");
        form.put("version", IncidentFixtures.version(officer, id));
        officer.post("/incidents/" + id, "/incidents/" + id, form).then().statusCode(303);
        assertEquals("Closed one", IncidentTestData.find(id).title);
        officer.post("/incidents/" + id, "/incidents/" + id + "/losses",
                IncidentFixtures.lossForm("DIRECT_CHARGE", "100", "EUR", "1", "2025-03-10")).then().statusCode(409);
        assertEquals(0, IncidentTestData.lossCount(id));

        post(officer, id, "reopen", Map.of()).then().statusCode(403);
        post(manager, id, "reopen", Map.of()).then().statusCode(303);
        Incident reopened = IncidentTestData.find(id);
        assertEquals(IncidentStatus.OPEN, reopened.status);
        assertNull(reopened.closureDate);
    }

    @Test
    void stepsThatDoNotStartFromTheCurrentStatusAreRefused() {
        Session officer = TestSupport.session("officer");
        long id = IncidentFixtures.record(officer, "Skipping steps");
        post(officer, id, "submit-for-review", Map.of()).then().statusCode(409)
                .body(containsString("not possible in the incident"));
        post(officer, id, "teleport", Map.of()).then().statusCode(404);
        assertEquals(IncidentStatus.DRAFT, IncidentTestData.find(id).status);
    }

    @Test
    void closureDateMustNotPrecedeDiscovery() {
        Session officer = TestSupport.session("officer");
        Session manager2 = TestSupport.session("manager2");
        long id = IncidentFixtures.record(officer, "Early closure");
        transition(officer, id, "open");
        transition(officer, id, "submit-for-review");
        post(manager2, id, "close", Map.of("closureDate", "2025-03-01")).then().statusCode(400)
                .body(containsString("Closure cannot be before discovery"));
        assertEquals(IncidentStatus.UNDER_REVIEW, IncidentTestData.find(id).status);
    }

    @Test
    void aStaleVersionIsAnEditConflict() {
        Session officer = TestSupport.session("officer");
        long id = IncidentFixtures.record(officer, "Stale step");
        long version = IncidentFixtures.version(officer, id);
        transition(officer, id, "open");
        officer.post("/incidents/" + id, "/incidents/" + id + "/transitions/submit-for-review",
                Map.of("version", version))
                .then().statusCode(409).body(containsString("Someone else changed this incident"));
        assertEquals(IncidentStatus.OPEN, IncidentTestData.find(id).status);
    }

    static long closedIncident(Session officer, Session manager) {
        long id = IncidentFixtures.record(officer, "Closed one");
        transition(officer, id, "open");
        transition(officer, id, "submit-for-review");
        transition(manager, id, "close");
        return id;
    }

    private static io.restassured.response.Response post(Session session, long id, String step,
            Map<String, Object> extra) {
        Map<String, Object> fields = new java.util.HashMap<>(extra);
        fields.put("version", IncidentFixtures.version(session, id));
        return session.post("/incidents/" + id, "/incidents/" + id + "/transitions/" + step, fields);
    }
}
