package org.opregister.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.action.ActionFixtures;
import org.opregister.control.Control;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;
import org.opregister.risk.RiskFixtures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who changed what, when: recorded for every change and event, chained, verifiable, shown in words. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    DataSource dataSource;

    @Inject
    ChainVerifier verifier;

    @Test
    void changesAreRecordedFieldByFieldAndShownInWords() {
        Session officer = TestSupport.session("officer");
        long id = IncidentFixtures.record(officer, "Audited incident");
        IncidentFixtures.transition(officer, id, "open");
        IncidentFixtures.addLoss(officer, id,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "1500", "EUR", "1", "2025-03-31"));

        List<AuditEntry> history = history(id);
        AuditEntry created = history.get(history.size() - 1);
        assertEquals(AuditAction.CREATE, created.action);
        assertEquals("officer", created.username);
        assertTrue(created.changeList().stream()
                .anyMatch(c -> c.field().equals("title") && c.newValue().equals("Audited incident")));
        assertTrue(history.stream().anyMatch(e -> e.action == AuditAction.UPDATE && e.changeList().stream()
                .anyMatch(c -> c.field().equals("status") && "DRAFT".equals(c.oldValue())
                        && "OPEN".equals(c.newValue()))));
        assertTrue(history.stream().anyMatch(e -> "LossEntry".equals(e.recordType) && e.action == AuditAction.CREATE
                && e.changeList().stream()
                        .anyMatch(c -> c.field().equals("amount") && c.newValue().equals("1500.00"))));
        assertTrue(history.stream().noneMatch(e -> e.changeList().stream().anyMatch(c -> c.field().equals("version")
                || c.field().equals("updatedAt") || c.field().equals("searchText"))),
                "bookkeeping fields are left out");

        officer.request().get("/incidents/" + id + "/history").then().statusCode(200)
                .body(containsString("Status:</strong> Draft → Open"))
                .body(containsString("Net loss:</strong> 0.00 → 1500.00"))
                .body(containsString("by officer"));
    }

    @Test
    void aReviewIsRecordedFieldByFieldAndReadingAnUnreviewedRecordChangesNothing() {
        Session officer = TestSupport.session("officer");
        Session manager = TestSupport.session("manager");
        long id = IncidentFixtures.record(officer, "Reviewed and audited");
        IncidentFixtures.transition(officer, id, "open");
        long version = IncidentFixtures.version(officer, id);
        QuarkusTransaction.requiringNew().run(() -> {
            Incident incident = Incident.findById(id);
            assertFalse(incident.review.wasSubmittedBy("officer"), "never submitted: an empty review, not null");
        });
        assertEquals(version, IncidentFixtures.version(officer, id), "loading an empty review does not dirty it");

        IncidentFixtures.transition(officer, id, "submit-for-review");
        manager.post("/incidents/" + id, "/incidents/" + id + "/transitions/return",
                Map.of("version", IncidentFixtures.version(officer, id), "reviewComment", "Add the root cause"))
                .then().statusCode(303);
        Incident stored = QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>findById(id));
        assertEquals("officer", stored.review.submittedBy);
        assertTrue(stored.review.submittedAt != null && stored.review.reviewedAt != null
                && !stored.review.reviewedAt.isBefore(stored.review.submittedAt));
        List<AuditEntry> history = history(id);
        assertTrue(history.stream().anyMatch(e -> e.action == AuditAction.UPDATE && e.changeList().stream()
                .anyMatch(c -> c.field().equals("submittedBy") && "officer".equals(c.newValue()))));
        assertTrue(history.stream().anyMatch(e -> e.action == AuditAction.UPDATE && e.changeList().stream()
                .anyMatch(c -> c.field().equals("reviewComment") && "Add the root cause".equals(c.newValue()))));
        manager.request().get("/incidents/" + id + "/history").then().statusCode(200)
                .body(containsString("Reviewer&#39;s comment:</strong>"))
                .body(containsString("Add the root cause"));
    }

    @Test
    void oneLossLineChangeIsOneEntryOnTheIncident() {
        Session officer = TestSupport.session("officer");
        long id = IncidentFixtures.record(officer, "Counted once");
        IncidentFixtures.transition(officer, id, "open");
        IncidentFixtures.addLoss(officer, id,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "1500", "EUR", "1", "2025-03-31"));
        Map<String, Object> expected = IncidentFixtures.lossForm("INSURANCE_RECOVERY", "200", "EUR", "1", "2025-03-31");
        expected.put("recoveryStatus", "EXPECTED");
        IncidentFixtures.addLoss(officer, id, expected);

        List<AuditEntry> history = history(id);
        List<String> incidentUpdates = history.stream()
                .filter(e -> "Incident".equals(e.recordType) && e.action == AuditAction.UPDATE)
                .map(e -> e.changes).toList();
        assertEquals(incidentUpdates.stream().distinct().toList(), incidentUpdates, "no change is recorded twice");
        assertEquals(1, incidentUpdates.stream().filter(c -> c.contains("\"grossLoss\"")).count(),
                "one gross-loss change");
        assertEquals(1, incidentUpdates.stream().filter(c -> c.contains("\"expectedRecoveries\"")).count(),
                "one expected-recovery change");
        assertEquals(2, history.stream().filter(e -> "LossEntry".equals(e.recordType)).count(),
                "one entry per line added");
        assertTrue(history.stream().noneMatch(e -> e.changes != null && e.changes.contains("$$_hibernate")),
                "the tracker Hibernate adds to the embedded review is not a field of the incident");
    }

    @Test
    void historyNamesLinkedRecordsByReferenceAndTitleWithALink() {
        Session officer = TestSupport.session("officer");
        long id = IncidentFixtures.record(officer, "Incident with a failed control");
        long control = RiskFixtures.control(officer, "Control named in history");
        officer.post("/incidents/" + id, "/incidents/" + id + "/controls", Map.of("control", control)).then()
                .statusCode(303);
        IncidentFixtures.addLoss(officer, id,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "10", "EUR", "1", "2025-03-31"));
        String reference = QuarkusTransaction.requiringNew().call(() -> Control.<Control>findById(control).reference);
        String incident = QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>findById(id).reference);

        String page = officer.request().get("/incidents/" + id + "/history").then().statusCode(200).extract()
                .asString();
        assertTrue(page.contains("Linked control <a href=\"/controls/" + control + "\">" + reference
                + "</a> <span class=\"audit-title\">Control named in history</span>"), "the link in words");
        assertTrue(page.contains("<strong>Incident:</strong> <a href=\"/incidents/" + id + "\">" + incident + "</a>"),
                "a loss line names its incident");
        assertFalse(page.contains("(id)"), "no bare ids");
        assertFalse(page.contains("Control (id): " + control));
    }

    @Test
    void anActionPlansSourceIsNamedInItsHistory() {
        Session officer = TestSupport.session("officer");
        long incident = IncidentFixtures.record(officer, "Remediated incident");
        String reference = QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>findById(incident).reference);
        long plan = ActionFixtures.start(officer, ActionFixtures.form("Remediate it", "officer",
                org.opregister.core.AppClock.today().plusDays(30).toString(), "INCIDENT", reference));
        officer.request().get("/actions/" + plan + "/history").then().statusCode(200)
                .body(containsString("Linked incident <a href=\"/incidents/" + incident + "\">" + reference
                        + "</a> <span class=\"audit-title\">Remediated incident</span>"));
    }

    @Test
    void theTrailNamesRecordTypesAndLinksRecordsToTheSecond() {
        Session officer = TestSupport.session("officer");
        long id = IncidentFixtures.record(officer, "Linked from the trail");
        IncidentFixtures.addLoss(officer, id,
                IncidentFixtures.lossForm("DIRECT_CHARGE", "10", "EUR", "1", "2025-03-31"));
        String page = TestSupport.session("auditor").request().get("/audit?user=officer&record=" + id).then()
                .statusCode(200)
                .extract().asString();
        assertTrue(page.contains("<option value=\"LossEntry\">Loss line</option>"), "readable record types");
        assertTrue(page.contains("<option value=\"Incident\">Incident</option>"));
        assertFalse(page.contains(">LossEntry<"), "no class names");
        assertTrue(page.contains("Incident <a href=\"/incidents/" + id + "\">"), "entries link to their record");
        String lines = TestSupport.session("auditor").request().get("/audit?user=officer&type=LossEntry").then()
                .statusCode(200)
                .extract().asString();
        assertTrue(lines.contains("Loss line <a href=\"/incidents/" + id + "\">"), "a part links to its record's page");
        Matcher time = Pattern.compile("<time[^>]*>([^<]*)</time>").matcher(page);
        assertTrue(time.find());
        assertTrue(time.group(1).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC"), time.group(1));
        assertFalse(Pattern.compile("\\d{2}:\\d{2}:\\d{2}\\.\\d").matcher(page).find(), "no fractions of a second");
    }

    @Test
    void signInsSignOutsExportsAndAccountChangesAreRecorded() {
        long before = count();
        TestSupport.login("manager");
        given().redirects().follow(false).formParam("j_username", "nosuchuser").formParam("j_password", "guess")
                .post("/j_security_check");
        Session auditor = TestSupport.session("auditor");
        auditor.request().get("/incidents/export.csv?status=CLOSED").then().statusCode(200);
        assertTrue(count() >= before + 3);

        assertTrue(exists("action = ?1 and username = ?2", AuditAction.LOGIN_SUCCESS, "manager"));
        assertTrue(exists("action = ?1 and username = ?2", AuditAction.LOGIN_FAILURE, "nosuchuser"));
        assertTrue(exists("action = ?1 and username = ?2 and details like ?3", AuditAction.EXPORT, "auditor",
                "export=incidents; filters=status=CLOSED; rows=%"));

        Session manager = TestSupport.login("manager2");
        manager.post("/incidents", "/logout", Map.of()).then().statusCode(303);
        assertTrue(exists("action = ?1 and username = ?2", AuditAction.LOGOUT, "manager2"));
    }

    @Test
    void tamperingIsFoundByVerify() throws Exception {
        IncidentFixtures.record(TestSupport.session("officer"), "Before tampering");
        assertTrue(verifier.verify().intact());
        long victim = QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.<AuditEntry>find("action = ?1 order by id desc",
                        AuditAction.CREATE).firstResult().id);
        String original = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>findById(victim).changes);
        try {
            update(victim, original.replace("Before tampering", "Something else"));
            ChainVerifier.Result result = verifier.verify();
            assertFalse(result.intact());
            assertEquals(victim, result.firstBrokenId());
            assertEquals("audit.verify.content", result.reasonKey());
            TestSupport.session("auditor").request().get("/audit/verify").then().statusCode(200)
                    .body(containsString("Broken at entry #" + victim));
        } finally {
            update(victim, original);
        }
        assertTrue(verifier.verify().intact());
        TestSupport.session("admin").request().get("/audit/verify").then().statusCode(200)
                .body(containsString("Intact: all"));
    }

    @Test
    void theAuditPageFiltersAndExportsTheSameSelection() throws Exception {
        Session officer = TestSupport.session("officer");
        long id = IncidentFixtures.record(officer, "Filter target");
        Session auditor = TestSupport.session("auditor");
        String query = "user=officer&type=Incident&record=" + id + "&action=CREATE";
        auditor.request().get("/audit?" + query).then().statusCode(200)
                .body(containsString("Filter target"))
                .body(containsString("Rows 1-1 of 1"));
        String csv = auditor.request().get("/audit/export.csv?" + query).then().statusCode(200)
                .header("Content-Disposition", containsString("audit-trail-")).extract().asString();
        List<org.apache.commons.csv.CSVRecord> rows = org.opregister.incident.CsvExportTestAccess
                .parse(csv.substring(1));
        assertEquals(1, rows.size());
        assertEquals("CREATE", rows.get(0).get("action"));
        assertEquals(String.valueOf(id), rows.get(0).get("record_id"));
        auditor.request().get("/audit?from=someday").then().statusCode(400).body(containsString("YYYY-MM-DD"));
        auditor.request().get("/audit?action=HACK").then().statusCode(400);
    }

    @Test
    void onlyAuditorsAndAdminsReadTheTrail() {
        TestSupport.session("officer").request().get("/audit").then().statusCode(403);
        TestSupport.session("manager").request().get("/audit/export.csv").then().statusCode(403);
        TestSupport.session("auditor").request().get("/audit").then().statusCode(200);
        TestSupport.session("admin").request().get("/audit").then().statusCode(200);
    }

    private void update(long id, String changes) throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection
                            .prepareStatement("update audit_entry set changes = ? where id = ?")) {
                statement.setString(1, changes);
                statement.setLong(2, id);
                assertEquals(1, statement.executeUpdate());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static List<AuditEntry> history(long incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.history("Incident", incidentId));
    }

    private static long count() {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count());
    }

    private static boolean exists(String query, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(query, parameters) > 0);
    }
}
