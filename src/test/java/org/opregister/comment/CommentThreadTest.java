package org.opregister.comment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.action.ActionFixtures;
import org.opregister.audit.AuditEntry;
import org.opregister.incident.IncidentFixtures;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The discussion thread of incidents and action plans: who said what and when, in order, kept and audited. */
@QuarkusTest
class CommentThreadTest {

    private Session officer;
    private Session manager;
    private Session auditor;

    @BeforeEach
    void signIn() {
        officer = TestSupport.session("officer");
        manager = TestSupport.session("manager");
        auditor = TestSupport.session("auditor");
    }

    @Test
    void officersAndManagersDiscussAnIncidentNewestLastAndAuditorsRead() {
        long id = IncidentFixtures.record(officer, "Discussed incident");
        String page = "/incidents/" + id;
        officer.post(page, page + "/comments", Map.of("comment", "Is the vendor's report in?")).then().statusCode(303)
                .header("Location", containsString("#discussion"));
        manager.post(page, page + "/comments", Map.of("comment", "Yes, attached to the ticket")).then().statusCode(303);
        officer.post(page, page + "/comments", Map.of("comment", "  ")).then().statusCode(400)
                .body(containsString("This field is required"));

        List<Comment> thread = thread("Incident", id);
        assertEquals(List.of("Is the vendor's report in?", "Yes, attached to the ticket"),
                thread.stream().map(c -> c.body).toList());
        assertEquals(List.of("officer", "manager"), thread.stream().map(c -> c.createdBy).toList());

        String shown = auditor.request().get(page).then().statusCode(200).extract().asString();
        int first = shown.indexOf("Is the vendor&#39;s report in?");
        int second = shown.indexOf("Yes, attached to the ticket");
        assertEquals(true, first > 0 && second > first, "newest last");
        assertEquals(false, shown.contains("id=\"comment-form\""), "auditors read the thread, they do not post");
        auditor.post("/account/password", page + "/comments", Map.of("comment", "Auditor remark")).then()
                .statusCode(403);
        officer.request().contentType("application/x-www-form-urlencoded").formParam("comment", "No token")
                .post(page + "/comments").then().statusCode(400);
        assertEquals(2, thread("Incident", id).size());

        long audited = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "recordType = ?1 and parentType = ?2 and parentId = ?3", "Comment", "Incident", Long.toString(id)));
        assertEquals(2, audited, "each comment is in the incident's history");
        officer.request().get(page + "/history").then().body(containsString("Yes, attached to the ticket"));
    }

    @Test
    void anActionPlansThreadCarriesItsReviewersReasons() {
        long incident = IncidentFixtures.record(officer, "Source of a discussed plan");
        String reference = QuarkusTransaction.requiringNew().call(
                () -> org.opregister.incident.Incident.<org.opregister.incident.Incident>findById(incident).reference);
        long id = ActionFixtures.start(officer, ActionFixtures.form("Discussed plan", "officer",
                LocalDate.now().plusDays(30).toString(), "INCIDENT", reference));
        String page = "/actions/" + id;
        officer.post(page, page + "/comments", Map.of("comment", "Waiting for the vendor")).then().statusCode(303);
        ActionFixtures
                .post(officer, id, "/request-closure", ActionFixtures.versioned(id, "closureNote", "Vendor patched"))
                .then().statusCode(303);
        ActionFixtures.post(manager, id, "/return", ActionFixtures.versioned(id, "reviewComment", "Show the retest"))
                .then().statusCode(303);

        List<Comment> thread = thread("ActionPlan", id);
        assertEquals(List.of(CommentKind.COMMENT, CommentKind.CLOSURE_RETURNED),
                thread.stream().map(c -> c.kind).toList());
        assertEquals("Show the retest", thread.get(1).body);
        auditor.request().get(page).then().statusCode(200)
                .body(containsString("Waiting for the vendor"))
                .body(containsString("Closure returned"))
                .body(containsString("Show the retest"));
        auditor.post("/account/password", page + "/comments", Map.of("comment", "Auditor remark")).then()
                .statusCode(403);
    }

    private static List<Comment> thread(String type, long id) {
        return QuarkusTransaction.requiringNew().call(
                () -> Comment.<Comment>list("recordType = ?1 and recordId = ?2 order by createdAt, id", type, id));
    }
}
