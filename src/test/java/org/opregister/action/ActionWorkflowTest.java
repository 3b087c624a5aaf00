package org.opregister.action;

import java.time.LocalDate;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.incident.IncidentFixtures;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opregister.action.ActionFixtures.action;
import static org.opregister.action.ActionFixtures.post;
import static org.opregister.action.ActionFixtures.versioned;

/** Action plans: sources, updates, closure with four-eyes, returns, extensions, cancelling, lists. */
@QuarkusTest
class ActionWorkflowTest {

    private static Session s(String user) {
        return TestSupport.session(user);
    }

    private static String future(int days) {
        return LocalDate.now().plusDays(days).toString();
    }

    private static String reference(long incidentId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> org.opregister.incident.Incident.<org.opregister.incident.Incident>findById(
                        incidentId).reference);
    }

    @Test
    void aPlanNeedsAValidSourceOwnerAndDueDate() {
        long before = QuarkusTransaction.requiringNew().call(() -> ActionPlan.count());
        s("officer")
                .post("/actions/new", "/actions", ActionFixtures.form("No source", "officer", future(30), "INCIDENT",
                        "INC-1900-0001"))
                .then().statusCode(400).body(containsString("No such record of this type"))
                .body(containsString("value=\"No source\""));
        s("officer")
                .post("/actions/new", "/actions",
                        ActionFixtures.form("Late", "auditor", "2001-01-01", "RISK", "RSK-0001"))
                .then().statusCode(400).body(containsString("Choose an active officer or manager"))
                .body(containsString("due date cannot be in the past"));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> ActionPlan.count()));
    }

    @Test
    void theOwnerWorksThePlanAndAnotherManagerClosesIt() {
        long incident = IncidentFixtures.record(s("officer"), "Failed batch");
        long id = ActionFixtures.start(s("officer"),
                ActionFixtures.form("Fix the batch", "officer", future(60), "INCIDENT",
                        reference(incident)));
        s("officer").request().get("/incidents/" + incident).then().statusCode(200)
                .body(containsString("/actions/" + id));

        post(s("officer2"), id, "/updates", Map.of("updateDate", LocalDate.now().toString(), "progress", "10",
                "note", "Not mine")).then().statusCode(409).body(containsString("Only the owner"));
        post(s("officer"), id, "/updates", Map.of("updateDate", LocalDate.now().toString(), "progress", "140",
                "note", "Too much")).then().statusCode(400).body(containsString("value=\"140\""));
        post(s("officer"), id, "/updates", Map.of("updateDate", LocalDate.now().toString(), "progress", "40",
                "note", "Root cause found")).then().statusCode(303);
        assertEquals(ActionStatus.IN_PROGRESS, action(id).status);
        assertEquals(40, action(id).progress);

        post(s("officer"), id, "/request-closure", versioned(id, "closureNote", "")).then().statusCode(400);
        post(s("officer"), id, "/request-closure", versioned(id, "closureNote", "Change CHG-1 deployed")).then()
                .statusCode(303);
        assertEquals(ActionStatus.PENDING_REVIEW, action(id).status);
        post(s("officer"), id, "/approve", versioned(id, null, null)).then().statusCode(403);

        post(s("manager"), id, "/return", versioned(id, "reviewComment", "")).then().statusCode(400);
        post(s("manager"), id, "/return", versioned(id, "reviewComment", "Attach the test evidence")).then()
                .statusCode(303);
        ActionPlan returned = action(id);
        assertEquals(ActionStatus.IN_PROGRESS, returned.status);
        assertTrue(returned.returned());
        s("officer").request().get("/actions/" + id).then().body(containsString("Attach the test evidence"));

        post(s("officer"), id, "/request-closure", versioned(id, "closureNote", "Test evidence TST-7 attached"))
                .then().statusCode(303);
        post(s("manager"), id, "/approve", versioned(id, "reviewComment", "Good")).then().statusCode(303);
        ActionPlan done = action(id);
        assertEquals(ActionStatus.DONE, done.status);
        assertEquals(100, done.progress);
        assertEquals("manager", done.review.reviewedBy);
        post(s("officer"), id, "/updates", Map.of("updateDate", LocalDate.now().toString(), "progress", "100",
                "note", "After the end")).then().statusCode(409).body(containsString("closed"));
    }

    @Test
    void nobodyClosesTheirOwnWork() {
        long id = ActionFixtures.start(s("manager"),
                ActionFixtures.form("Manager's own plan", "manager", future(20), "RISK",
                        "RSK-0001"));
        post(s("manager"), id, "/request-closure", versioned(id, "closureNote", "Done it")).then().statusCode(303);
        post(s("manager"), id, "/approve", versioned(id, null, null)).then().statusCode(409)
                .body(containsString("Four eyes"));
        s("manager").request().get("/actions/review").then()
                .body(org.hamcrest.Matchers.not(containsString("/actions/" + id + "\"")));
        s("manager2").request().get("/actions/review").then().body(containsString("/actions/" + id));
        post(s("manager"), id, "/cancel", versioned(id, "cancelReason", "Not needed")).then().statusCode(409);
        post(s("manager2"), id, "/approve", versioned(id, null, null)).then().statusCode(303);
        assertEquals(ActionStatus.DONE, action(id).status);
    }

    @Test
    void extensionsMoveTheDueDateOnlyWhenApprovedAndKeepTheOriginal() {
        String due = future(10);
        long id = ActionFixtures.start(s("officer"),
                ActionFixtures.form("Extendable", "officer", due, "CONTROL", "CTL-0001"));
        post(s("officer"), id, "/extensions", Map.of("newDueDate", future(5), "reason", "Earlier?")).then()
                .statusCode(400)
                .body(containsString("must be after the current one"));
        post(s("officer"), id, "/extensions", Map.of("newDueDate", future(40), "reason", "Vendor delay")).then()
                .statusCode(303);
        post(s("officer"), id, "/extensions", Map.of("newDueDate", future(50), "reason", "Again")).then()
                .statusCode(409)
                .body(containsString("already waiting"));
        long extension = QuarkusTransaction.requiringNew()
                .call(() -> ActionExtension.<ActionExtension>find("action.id", id).firstResult().id);
        long version = QuarkusTransaction.requiringNew()
                .call(() -> ActionExtension.<ActionExtension>findById(extension).version);
        post(s("manager"), id, "/extensions/" + extension + "/refuse",
                Map.of("version", version, "decisionComment", ""))
                .then().statusCode(400);
        post(s("manager"), id, "/extensions/" + extension + "/approve", Map.of("version", version)).then()
                .statusCode(303);
        ActionPlan extended = action(id);
        assertEquals(LocalDate.parse(future(40)), extended.dueDate);
        assertEquals(LocalDate.parse(due), extended.originalDueDate);
        s("auditor").request().get("/actions/" + id).then().body(containsString("originally due"));

        post(s("officer"), id, "/extensions", Map.of("newDueDate", future(80), "reason", "More delay")).then()
                .statusCode(303);
        long second = QuarkusTransaction.requiringNew().call(() -> ActionExtension.<ActionExtension>find(
                "action.id = ?1 and status = ?2", id, ExtensionStatus.PENDING).firstResult().id);
        long secondVersion = QuarkusTransaction.requiringNew()
                .call(() -> ActionExtension.<ActionExtension>findById(second).version);
        post(s("manager2"), id, "/extensions/" + second + "/refuse", Map.of("version", secondVersion,
                "decisionComment", "No, escalate instead")).then().statusCode(303);
        assertEquals(LocalDate.parse(future(40)), action(id).dueDate);
    }

    @Test
    void aPlanKeepsAtLeastOneSource() {
        long id = ActionFixtures.start(s("officer"),
                ActionFixtures.form("Sources", "officer", future(10), "RISK", "RSK-0002"));
        post(s("officer"), id, "/sources", Map.of("sourceType", "CONTROL", "source", "CTL-0002")).then()
                .statusCode(303);
        post(s("officer"), id, "/sources", Map.of("sourceType", "KRI_BREACH", "source", "KRI-0004")).then()
                .statusCode(303);
        post(s("officer"), id, "/sources", Map.of("sourceType", "RISK", "source", "RSK-9999")).then().statusCode(400)
                .body(containsString("value=\"RSK-9999\""));
        java.util.List<Long> sources = QuarkusTransaction.requiringNew()
                .call(() -> ActionSource.<ActionSource>list("action.id", id).stream().map(x -> x.id).toList());
        assertEquals(3, sources.size());
        post(s("officer"), id, "/sources/" + sources.get(0) + "/unlink", Map.of()).then().statusCode(303);
        post(s("officer"), id, "/sources/" + sources.get(1) + "/unlink", Map.of()).then().statusCode(303);
        post(s("officer"), id, "/sources/" + sources.get(2) + "/unlink", Map.of()).then().statusCode(409)
                .body(containsString("at least one source"));
        s("officer").request().get("/kris").then().statusCode(200);
    }
}
