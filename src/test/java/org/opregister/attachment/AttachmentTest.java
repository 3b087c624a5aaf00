package org.opregister.attachment;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;
import org.opregister.TestSupport;
import org.opregister.TestSupport.Csrf;
import org.opregister.TestSupport.Session;
import org.opregister.action.ActionFixtures;
import org.opregister.action.ActionPlan;
import org.opregister.action.ActionStatus;
import org.opregister.audit.AuditEntry;
import org.opregister.controltest.ControlTestFixtures;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;
import org.opregister.incident.IncidentStatus;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files on incidents and action plans: the checks, limits, storage and download rules of control-test evidence, the
 * roles of the record (who may change it attaches, whoever reads it downloads), and the record's history.
 */
@QuarkusTest
class AttachmentTest {

    private static final byte[] PDF = ControlTestFixtures.PDF;

    static Response upload(Session session, String recordPath, String fileName, byte[] data) {
        Csrf csrf = session.csrf("/account/password");
        return session.request().cookie("csrf-token", csrf.cookie()).multiPart("csrf-token", csrf.field())
                .multiPart("file", fileName, data, "application/octet-stream").post(recordPath + "/attachments");
    }

    static Response remove(Session session, String recordPath, long attachmentId, long version) {
        return session.post("/account/password", recordPath + "/attachments/" + attachmentId + "/delete",
                Map.of("version", version));
    }

    static long count(String type, long id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Attachment.count("recordType = ?1 and recordId = ?2", type, id));
    }

    static Attachment file(String type, long id, String name) {
        return QuarkusTransaction.requiringNew().call(() -> Attachment
                .<Attachment>find("recordType = ?1 and recordId = ?2 and fileName = ?3", type, id, name)
                .firstResult());
    }

    @Test
    void anIncidentsFileIsUploadedDownloadedRemovedAndInItsHistory() {
        Session officer = TestSupport.session("officer");
        long id = IncidentFixtures.record(officer, "Incident with a report");
        String path = "/incidents/" + id;
        upload(officer, path, "forensic report.pdf", PDF).then().statusCode(303)
                .header("Location", containsString(path + "#attachments"));
        Attachment stored = file("Incident", id, "forensic report.pdf");
        assertEquals("application/pdf", stored.contentType);
        assertEquals(PDF.length, stored.size);
        assertEquals(StoredFiles.sha256(PDF), stored.sha256);

        TestSupport.session("auditor").request().get(path).then().statusCode(200)
                .body(containsString("id=\"attachments\""))
                .body(containsString("href=\"" + path + "/attachments/" + stored.id + "\""))
                .body(not(containsString("id=\"attachment-form\"")));
        officer.request().get(path).then().body(containsString("id=\"attachment-form\""));
        byte[] downloaded = TestSupport.session("auditor").request().get(path + "/attachments/" + stored.id).then()
                .statusCode(200)
                .contentType(startsWith("application/pdf"))
                .header("Content-Disposition", startsWith("attachment; filename=\"forensic_report.pdf\""))
                .header("Content-Security-Policy", containsString("sandbox"))
                .header("Cache-Control", "no-store")
                .extract().asByteArray();
        assertArrayEquals(PDF, downloaded);

        remove(officer, path, stored.id, stored.version + 1).then().statusCode(409);
        assertEquals(1, count("Incident", id));
        remove(TestSupport.session("manager"), path, stored.id, stored.version).then().statusCode(303);
        assertEquals(0, count("Incident", id));
        TestSupport.session("auditor").request().get(path + "/attachments/" + stored.id).then().statusCode(404);

        String history = TestSupport.session("auditor").request().get(path + "/history").then().statusCode(200)
                .extract().asString();
        assertEquals(2, history.split("forensic report.pdf", -1).length - 1, "upload and removal in the history");
        org.hamcrest.MatcherAssert.assertThat(history, containsString("Attachment"));
    }

    @Test
    void theContentIsCheckedAsEvidenceIs() {
        Session officer = TestSupport.session("officer");
        long id = IncidentFixtures.record(officer, "Incident with bad files");
        String path = "/incidents/" + id;
        upload(officer, path, "report.pdf", "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1)).then()
                .statusCode(400).body(containsString("This file is not accepted"))
                .body(containsString("id=\"e-file\""));
        upload(officer, path, "notes.txt", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).body(containsString("This file is not accepted"));
        upload(officer, path, "tool.exe", PDF).then().statusCode(400).body(containsString("This file is not accepted"));
        upload(officer, path, "empty.pdf", new byte[0]).then().statusCode(400)
                .body(containsString("Choose a file to upload"));
        byte[] large = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        upload(officer, path, "large.pdf", large).then().statusCode(400).body(containsString("larger than 10 MB"));
        assertEquals(0, count("Incident", id));
        // Without the form's CSRF token nothing is taken.
        officer.request().multiPart("file", "report.pdf", PDF, "application/pdf").post(path + "/attachments").then()
                .statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        assertEquals(0, count("Incident", id));
    }

    @Test
    void whoMayChangeTheIncidentAttachesAndEveryReaderDownloads() {
        Session officer = TestSupport.session("officer");
        long id = IncidentFixtures.record(officer, "Incident roles for files");
        String path = "/incidents/" + id;
        upload(TestSupport.session("auditor"), path, "report.pdf", PDF).then().statusCode(403);
        upload(TestSupport.session("admin"), path, "report.pdf", PDF).then().statusCode(403);
        upload(TestSupport.session("manager"), path, "report.pdf", PDF).then().statusCode(303);
        Attachment stored = file("Incident", id, "report.pdf");
        for (String reader : new String[]{"officer", "manager", "auditor", "admin"}) {
            TestSupport.session(reader).request().get(path + "/attachments/" + stored.id).then().statusCode(200);
        }
        remove(TestSupport.session("auditor"), path, stored.id, stored.version).then().statusCode(403);
        // Another incident's address does not reach the file.
        long other = IncidentFixtures.record(officer, "Another incident");
        officer.request().get("/incidents/" + other + "/attachments/" + stored.id).then().statusCode(404);
        remove(officer, "/incidents/" + other, stored.id, stored.version).then().statusCode(404);
        // A closed incident takes no file until reopened; under review neither.
        QuarkusTransaction.requiringNew().run(() -> Incident.<Incident>findById(id).status = IncidentStatus.CLOSED);
        upload(officer, path, "late.pdf", PDF).then().statusCode(409);
        remove(officer, path, stored.id, stored.version).then().statusCode(409);
        officer.request().get(path).then().body(not(containsString("id=\"attachment-form\"")));
        QuarkusTransaction.requiringNew()
                .run(() -> Incident.<Incident>findById(id).status = IncidentStatus.UNDER_REVIEW);
        upload(TestSupport.session("manager"), path, "late.pdf", PDF).then().statusCode(409);
        assertEquals(1, count("Incident", id));
        TestSupport.session("auditor").request().get(path + "/attachments/" + stored.id).then().statusCode(200);
    }

    @Test
    void anActionPlansOwnerAndManagersAttachClosureEvidence() {
        Session officer = TestSupport.session("officer");
        long riskId = org.opregister.risk.RiskFixtures.risk(officer, "Risk for plan files");
        long id = ActionFixtures.start(officer, ActionFixtures.form("Plan with evidence", "officer",
                LocalDate.now().plusDays(30).toString(), "RISK", Long.toString(riskId)));
        String path = "/actions/" + id;
        byte[] csv = "date,check\n2025-03-01,passed\n".getBytes(StandardCharsets.UTF_8);
        upload(officer, path, "closure-evidence.csv", csv).then().statusCode(303)
                .header("Location", containsString(path + "#attachments"));
        upload(TestSupport.session("manager"), path, "review.pdf", PDF).then().statusCode(303);
        // Another officer reads the plan and its files but does not change it; nor does an auditor.
        upload(TestSupport.session("officer2"), path, "mine.pdf", PDF).then().statusCode(403);
        upload(TestSupport.session("auditor"), path, "mine.pdf", PDF).then().statusCode(403);
        upload(officer, path, "page.txt", "<!DOCTYPE html><body>x</body>".getBytes(StandardCharsets.UTF_8)).then()
                .statusCode(400).body(containsString("This file is not accepted"));
        assertEquals(2, count("ActionPlan", id));
        Attachment evidence = file("ActionPlan", id, "closure-evidence.csv");
        assertEquals("text/csv", evidence.contentType);
        TestSupport.session("officer2").request().get(path).then().statusCode(200)
                .body(containsString("closure-evidence.csv")).body(not(containsString("id=\"attachment-form\"")));
        byte[] downloaded = TestSupport.session("officer2").request().get(path + "/attachments/" + evidence.id).then()
                .statusCode(200).header("Content-Disposition", startsWith("attachment;")).extract().asByteArray();
        assertArrayEquals(csv, downloaded);
        remove(TestSupport.session("officer2"), path, evidence.id, evidence.version).then().statusCode(403);
        TestSupport.session("auditor").request().get(path + "/history").then().statusCode(200)
                .body(containsString("closure-evidence.csv")).body(containsString("review.pdf"));

        QuarkusTransaction.requiringNew().run(() -> ActionPlan.<ActionPlan>findById(id).status = ActionStatus.DONE);
        upload(officer, path, "late.pdf", PDF).then().statusCode(409);
        remove(officer, path, evidence.id, evidence.version).then().statusCode(409);
        assertEquals(2, count("ActionPlan", id));
        TestSupport.session("auditor").request().get(path + "/attachments/" + evidence.id).then().statusCode(200)
                .body(equalTo(new String(csv, StandardCharsets.UTF_8)));
    }
    @Test
    void aFileAddedAsTheIncidentIsSubmittedIsInWhatWasSubmittedOrRefused() {
        Session officer = TestSupport.session("officer");
        for (int round = 0; round < 6; round++) {
            long id = IncidentFixtures.record(officer, "Submitted while a file comes in " + round);
            IncidentFixtures.transition(officer, id, "open");
            long version = IncidentFixtures.version(officer, id);
            String path = "/incidents/" + id;
            List<Integer> statuses = Parallel.run(2, i -> i == 0
                    ? upload(officer, path, "late evidence.pdf", PDF).statusCode()
                    : officer.post(path, path + "/transitions/submit-for-review", Map.of("version", version))
                            .statusCode());
            assertEquals(303, statuses.get(1), "the submit goes through");
            Attachment added = file("Incident", id, "late evidence.pdf");
            if (added == null) {
                assertEquals(409, statuses.get(0), "refused: the incident is under review");
                continue;
            }
            long attached = auditId("Attachment", added.id, "late evidence.pdf");
            long submitted = auditId("Incident", id, "UNDER_REVIEW");
            assertTrue(attached < submitted, "the file was added before the submit, not after (round " + round + ")");
        }
    }

    /** The id of the first entry recording a change of that record whose changes mention the text. */
    private static long auditId(String type, long id, String mentioned) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find(
                "recordType = ?1 and recordId = ?2 and changes like ?3 order by id", type, String.valueOf(id),
                "%" + mentioned + "%").firstResult().id);
    }
}
