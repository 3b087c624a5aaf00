package org.opregister.controltest;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.risk.RiskFixtures;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.opregister.controltest.ControlTestFixtures.FORM_PAGE;
import static org.opregister.controltest.ControlTestFixtures.execute;
import static org.opregister.controltest.ControlTestFixtures.review;
import static org.opregister.controltest.ControlTestFixtures.test;
import static org.opregister.controltest.ControlTestFixtures.upload;

/**
 * What a reviewer signs off is what the tester submitted: the evidence is the tester's and frozen once submitted,
 * there is evidence to sign off, and no one who edited the execution or evidence signs it off.
 */
@QuarkusTest
class ControlTestEvidenceReviewTest {

    private static final String TODAY = LocalDate.now().toString();

    private static Session s(String user) {
        return TestSupport.session(user);
    }

    private static List<String> files(long id) {
        return QuarkusTransaction.requiringNew().call(() -> EvidenceFile.<EvidenceFile>list("test.id", id).stream()
                .map(f -> f.fileName).toList());
    }

    private static EvidenceFile file(long id, String fileName) {
        return QuarkusTransaction.requiringNew().call(
                () -> EvidenceFile.<EvidenceFile>find("test.id = ?1 and fileName = ?2", id, fileName).firstResult());
    }

    private static Response remove(Session session, long id, String fileName) {
        EvidenceFile file = file(id, fileName);
        Map<String, Object> form = new HashMap<>();
        form.put("version", file.version);
        return session.post(FORM_PAGE, "/control-tests/" + id + "/evidence/" + file.id + "/delete", form);
    }

    @Test
    void onlyTheTesterChangesEvidenceAndOnlyUntilSubmitted() {
        long control = RiskFixtures.control(s("officer"), "Control whose evidence is frozen");
        long id = ControlTestFixtures.plan(s("officer"), control, "officer2");
        upload(s("officer"), id, "not-mine.pdf", ControlTestFixtures.PDF).then().statusCode(409)
                .body(containsString("Only the tester of this control test can add or remove its evidence"));
        upload(s("officer2"), id, "sample.pdf", ControlTestFixtures.PDF).then().statusCode(303);
        upload(s("officer2"), id, "draft.pdf", ControlTestFixtures.PDF).then().statusCode(303);
        remove(s("officer"), id, "draft.pdf").then().statusCode(409).body(containsString("Only the tester"));
        remove(s("officer2"), id, "draft.pdf").then().statusCode(303);
        execute(s("officer2"), id, "INEFFECTIVE", "2 of 25 payments without second approval", TODAY, true)
                .then().statusCode(303);

        for (String someone : List.of("officer2", "officer", "manager")) {
            upload(s(someone), id, "late.pdf", ControlTestFixtures.PDF).then().statusCode(409)
                    .body(containsString("its evidence is frozen"));
            remove(s(someone), id, "sample.pdf").then().statusCode(409).body(containsString("its evidence is frozen"));
        }
        assertEquals(List.of("sample.pdf"), files(id));
        s("manager").request().get("/control-tests/" + id).then().statusCode(200)
                .body(containsString("id=\"review\""))
                .body(not(containsString("id=\"evidence-form\"")))
                .body(not(containsString("/evidence/" + file(id, "sample.pdf").id + "/delete")))
                .body(containsString("The evidence is frozen while the test awaits sign-off"));

        review(s("manager"), id, "return", "Add the approval log").then().statusCode(303);
        upload(s("officer2"), id, "approval-log.pdf", ControlTestFixtures.PDF).then().statusCode(303);
        assertEquals(List.of("sample.pdf", "approval-log.pdf"), files(id), "a returned test takes evidence again");
    }

    @Test
    void aTestIsSubmittedAndSignedOffOnlyWithEvidence() {
        long control = RiskFixtures.control(s("officer"), "Control tested without evidence");
        long id = ControlTestFixtures.plan(s("officer"), control, "officer2");
        s("officer2").request().get("/control-tests/" + id).then().statusCode(200)
                .body(containsString("Attach at least one evidence file before submitting"));
        execute(s("officer2"), id, "EFFECTIVE", null, TODAY, true).then().statusCode(409)
                .body(containsString("Attach at least one evidence file before submitting"));
        assertEquals(TestStatus.PLANNED, test(id).status);

        // Submitted before evidence was required (or while it was configured off): the sign-off still refuses it.
        QuarkusTransaction.requiringNew().run(() -> {
            ControlTest test = ControlTest.findById(id);
            test.status = TestStatus.SUBMITTED;
            test.review.submittedBy = "officer2";
            test.review.submittedAt = java.time.Instant.now();
        });
        s("manager").request().get("/control-tests/" + id).then().statusCode(200)
                .body(containsString("This test has no evidence file, so it cannot be signed off"));
        review(s("manager"), id, "approve", "Looks fine").then().statusCode(409)
                .body(containsString("This test has no evidence file, so it cannot be signed off"));
        assertEquals(TestStatus.SUBMITTED, test(id).status);
        review(s("manager"), id, "return", "Attach the sample you tested").then().statusCode(303);

        upload(s("officer2"), id, "sample.pdf", ControlTestFixtures.PDF).then().statusCode(303);
        execute(s("officer2"), id, "EFFECTIVE", null, TODAY, true).then().statusCode(303);
        review(s("manager"), id, "approve", "Sample checked").then().statusCode(303);
        assertEquals(TestStatus.SIGNED_OFF, test(id).status);
    }

    @Test
    void whoeverEditedTheExecutionOrEvidenceCannotSignOff() {
        long control = RiskFixtures.control(s("officer"), "Control tested by two hands");
        long id = ControlTestFixtures.plan(s("officer"), control, "manager");
        upload(s("manager"), id, "manager-sample.pdf", ControlTestFixtures.PDF).then().statusCode(303);
        execute(s("manager"), id, "EFFECTIVE", null, TODAY, false).then().statusCode(303);

        Map<String, Object> plan = new HashMap<>();
        plan.put("version", test(id).version);
        plan.put("procedure", "Re-perform the duplicate check on a sample of manual payments.");
        plan.put("sampleSize", "25");
        plan.put("periodStart", "2025-01-01");
        plan.put("periodEnd", "2025-03-31");
        plan.put("tester", "officer");
        s("officer").post(FORM_PAGE, "/control-tests/" + id, plan).then().statusCode(303);
        execute(s("officer"), id, "EFFECTIVE", null, TODAY, true).then().statusCode(303);
        assertEquals("officer", test(id).review.submittedBy);

        s("manager").request().get("/control-tests/" + id).then().statusCode(200)
                .body(not(containsString("id=\"review\"")));
        review(s("manager"), id, "approve", "Fine").then().statusCode(409).body(containsString("Four eyes"));
        assertEquals(TestStatus.SUBMITTED, test(id).status);
        review(s("manager2"), id, "approve", "Fine").then().statusCode(303);
        assertEquals(TestStatus.SIGNED_OFF, test(id).status);
    }
}
