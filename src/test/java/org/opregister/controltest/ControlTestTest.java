package org.opregister.controltest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.control.Control;
import org.opregister.control.Effectiveness;
import org.opregister.risk.RiskFixtures;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opregister.controltest.ControlTestFixtures.execute;
import static org.opregister.controltest.ControlTestFixtures.review;
import static org.opregister.controltest.ControlTestFixtures.test;
import static org.opregister.controltest.ControlTestFixtures.upload;

/** Control tests: execution by the tester, four-eyes sign-off, the control's effectiveness, evidence files. */
@QuarkusTest
class ControlTestTest {

    private static Session s(String user) {
        return TestSupport.session(user);
    }

    private static Effectiveness operating(long controlId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Control.<Control>findById(controlId).operatingEffectiveness);
    }

    @Test
    void theTesterExecutesAnotherManagerSignsOffAndTheControlFollows() {
        long control = RiskFixtures.control(s("officer"), "Tested control");
        long id = ControlTestFixtures.plan(s("officer"), control, "officer2");
        String today = LocalDate.now().toString();
        execute(s("officer"), id, "INEFFECTIVE", "x", today, true).then().statusCode(409)
                .body(containsString("Only the tester"));
        execute(s("officer2"), id, "INEFFECTIVE", "", today, true).then().statusCode(400)
                .body(containsString("Describe the findings"));
        upload(s("officer2"), id, "sample.pdf", ControlTestFixtures.PDF).then().statusCode(303);
        execute(s("officer2"), id, "INEFFECTIVE", "3 of 25 payments released without second approval", today, true)
                .then().statusCode(303);
        assertEquals(TestStatus.SUBMITTED, test(id).status);

        review(s("officer"), id, "approve", null).then().statusCode(403);
        review(s("manager"), id, "return", "").then().statusCode(400);
        review(s("manager"), id, "return", "Name the three payments").then().statusCode(303);
        assertEquals(TestStatus.PLANNED, test(id).status);
        execute(s("officer2"), id, "INEFFECTIVE", "Payments P-11, P-17, P-20 released without second approval", today,
                true)
                .then().statusCode(303);
        review(s("manager"), id, "approve", "Agreed").then().statusCode(303);
        assertEquals(TestStatus.SIGNED_OFF, test(id).status);
        assertEquals(Effectiveness.INEFFECTIVE, operating(control));
        s("officer").request().get("/control-tests/" + id).then().statusCode(200)
                .body(containsString("/actions/new?test=" + id));

        long retest = ControlTestFixtures.plan(s("officer"), control, "manager");
        upload(s("manager"), retest, "retest.pdf", ControlTestFixtures.PDF).then().statusCode(303);
        execute(s("manager"), retest, "EFFECTIVE", null, today, true).then().statusCode(303);
        review(s("manager"), retest, "approve", null).then().statusCode(409).body(containsString("Four eyes"));
        review(s("manager2"), retest, "approve", null).then().statusCode(303);
        assertEquals(Effectiveness.EFFECTIVE, operating(control), "the latest signed-off test sets it");

        long older = ControlTestFixtures.plan(s("officer"), control, "officer2");
        upload(s("officer2"), older, "older.pdf", ControlTestFixtures.PDF).then().statusCode(303);
        execute(s("officer2"), older, "PARTIALLY_EFFECTIVE", "Late approvals", LocalDate.now().minusDays(40).toString(),
                true)
                .then().statusCode(303);
        review(s("manager"), older, "approve", null).then().statusCode(303);
        assertEquals(Effectiveness.EFFECTIVE, operating(control),
                "an older execution signed off later does not override");
    }

    @Test
    void aControlCharacterInAnEvidenceFileNameIsNotStored() {
        long control = RiskFixtures.control(s("officer"), "Control with odd evidence names");
        long id = ControlTestFixtures.plan(s("officer"), control, "officer");
        upload(s("officer"), id, "repo\u0000rt.pdf", ControlTestFixtures.PDF).then().statusCode(303);
        assertEquals(List.of("report.pdf"), QuarkusTransaction.requiringNew().call(() -> EvidenceFile
                .<EvidenceFile>list("test.id", id).stream().map(f -> f.fileName).toList()));
    }

    @Test
    void evidenceIsCheckedByContentAndAlwaysDownloaded() {
        long control = RiskFixtures.control(s("officer"), "Evidence control");
        long id = ControlTestFixtures.plan(s("officer"), control, "officer");
        upload(s("officer"), id, "report.pdf", ControlTestFixtures.PDF).then().statusCode(303);
        long fileId = QuarkusTransaction.requiringNew()
                .call(() -> EvidenceFile.<EvidenceFile>find("test.id", id).firstResult().id);
        byte[] body = s("auditor").request().get("/control-tests/" + id + "/evidence/" + fileId).then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .header("Content-Security-Policy", containsString("sandbox"))
                .header("Content-Type", containsString("application/pdf"))
                .extract().asByteArray();
        assertArrayEquals(ControlTestFixtures.PDF, body);

        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        upload(s("officer"), id, "invoice.pdf", exe).then().statusCode(400)
                .body(containsString("This file is not accepted"));
        upload(s("officer"), id, "tool.exe", exe).then().statusCode(400)
                .body(containsString("This file is not accepted"));
        byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        upload(s("officer"), id, "notes.txt", html).then().statusCode(400);
        upload(s("officer"), id, "page.html", html).then().statusCode(400);
        upload(s("officer"), id, "image.png", ControlTestFixtures.PDF).then().statusCode(400);
        byte[] big = Arrays.copyOf(ControlTestFixtures.PDF, 10 * 1024 * 1024 + 1);
        upload(s("officer"), id, "big.pdf", big).then().statusCode(400).body(containsString("larger than 10 MB"));
        upload(s("officer"), id, "samples.csv", "payment,approved\nP-11,no\n".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(303);
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> EvidenceFile.count("test.id", id)));
        s("officer").request().multiPart("file", "x.pdf", ControlTestFixtures.PDF, "application/pdf")
                .post("/control-tests/" + id + "/evidence").then().statusCode(400);
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> EvidenceFile.count("test.id", id)),
                "no upload without the form's CSRF token");

        execute(s("officer"), id, "EFFECTIVE", null, LocalDate.now().toString(), true).then().statusCode(303);
        review(s("manager"), id, "approve", null).then().statusCode(303);
        upload(s("officer"), id, "late.pdf", ControlTestFixtures.PDF).then().statusCode(409)
                .body(containsString("signed off"));
        String csv = s("auditor").request().get("/control-tests/export.csv?q=" + test(id).reference).then()
                .statusCode(200)
                .extract().asString();
        assertEquals(2, csv.split("\r\n").length, csv);
        s("auditor").request().get("/api/control-tests/" + id).then().statusCode(200)
                .body("status", equalTo("SIGNED_OFF")).body("evidence.size()", equalTo(2));
    }
}
