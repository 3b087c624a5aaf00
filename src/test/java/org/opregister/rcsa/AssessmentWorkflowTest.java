package org.opregister.rcsa;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.control.Control;
import org.opregister.control.Effectiveness;
import org.opregister.risk.Risk;
import org.opregister.risk.RiskFixtures;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opregister.rcsa.AssessmentFixtures.answers;
import static org.opregister.rcsa.AssessmentFixtures.review;
import static org.opregister.rcsa.AssessmentFixtures.save;
import static org.opregister.rcsa.AssessmentFixtures.submit;
import static org.opregister.rcsa.AssessmentFixtures.task;

/** RCSA campaigns: opening and scope, answering, four-eyes review, returns, applying approved ratings, closing. */
@QuarkusTest
class AssessmentWorkflowTest {

    private Session officer;
    private Session officer2;
    private Session manager;
    private Session manager2;

    @BeforeEach
    void signIn() {
        officer = TestSupport.session("officer");
        officer2 = TestSupport.session("officer2");
        manager = TestSupport.session("manager");
        manager2 = TestSupport.session("manager2");
    }

    private static String unit(String name) {
        return name + " " + System.nanoTime();
    }

    @Test
    void openingCreatesATaskPerActiveRiskOfTheUnitsStartingFromCurrentRatings() {
        String unit = unit("Treasury");
        long assigned = AssessmentFixtures.riskInUnit(officer, unit, "Treasury risk one", "officer");
        long unassigned = AssessmentFixtures.riskInUnit(officer, unit, "Treasury risk two", null);
        Map<String, Object> form = AssessmentFixtures.campaignForm("Treasury RCSA");
        form.put("units", List.of(unit));
        long campaignId = AssessmentFixtures.idOf(AssessmentFixtures.open(manager, form).then().statusCode(303)
                .extract().header("Location"));

        AssessmentTask first = task(AssessmentFixtures.taskOf(campaignId, assigned));
        assertEquals("officer", first.assignee);
        assertEquals(AssessmentStatus.NOT_STARTED, first.status);
        assertEquals(4, first.beforeInherentLikelihood);
        assertEquals(4, first.inherentLikelihood, "no approved assessment yet: starts from the current ratings");
        assertEquals(2, first.residualLikelihood);
        List<AssessmentControl> ratings = AssessmentFixtures.ratings(first.id);
        assertEquals(1, ratings.size());
        assertEquals(Effectiveness.EFFECTIVE, ratings.get(0).designEffectiveness);
        assertNull(task(AssessmentFixtures.taskOf(campaignId, unassigned)).assignee);

        manager.request().get("/assessments/" + campaignId).then().statusCode(200)
                .body(containsString("0 of 2 approved"))
                .body(containsString("Treasury risk one"))
                .body(containsString("Unassigned"));
        officer.request().get("/assessments").then().statusCode(200)
                .body(containsString("Your assessments to answer"))
                .body(containsString("/assessments/tasks/" + first.id));
        officer.request().get("/").then().statusCode(200)
                .body(containsString("id=\"my-work\"")).body(containsString("self-assessment"))
                .body(containsString("for you to answer"));
    }

    @Test
    void badCampaignFormsAreRefusedWithTheInputKept() {
        long before = campaigns();
        Map<String, Object> empty = AssessmentFixtures.campaignForm("Nothing in scope");
        AssessmentFixtures.open(manager, empty).then().statusCode(400)
                .body(containsString("Choose at least one organisational unit or risk"))
                .body(containsString("value=\"Nothing in scope\""));
        Map<String, Object> backwards = AssessmentFixtures.campaignForm("Backwards");
        backwards.put("periodEnd", "2026-01-01");
        backwards.put("units", List.of("No such unit anywhere"));
        AssessmentFixtures.open(manager, backwards).then().statusCode(400)
                .body(containsString("cannot be before its start"))
                .body(containsString("Choose organisational units from the list"));
        Map<String, Object> junkRisk = AssessmentFixtures.campaignForm("Junk");
        junkRisk.put("risks", List.of("not-a-number"));
        junkRisk.put("dueDate", "2001-01-01");
        AssessmentFixtures.open(manager, junkRisk).then().statusCode(400)
                .body(containsString("Choose active risks from the list"))
                .body(containsString("due date cannot be in the past"));
        assertEquals(before, campaigns());
    }

    @Test
    void aRiskIsInOneOpenCampaignAtATime() {
        long risk = AssessmentFixtures.riskInUnit(officer, unit("Cards"), "Card fraud spike", "officer");
        AssessmentFixtures.openForRisks(manager, "First", risk);
        long before = campaigns();
        Map<String, Object> again = AssessmentFixtures.campaignForm("Second");
        again.put("risks", List.of(risk));
        String reference = QuarkusTransaction.requiringNew().call(() -> Risk.<Risk>findById(risk).reference);
        AssessmentFixtures.open(manager, again).then().statusCode(400)
                .body(containsString("still being assessed in another open campaign"))
                .body(containsString(reference));
        assertEquals(before, campaigns());
    }

    @Test
    void submitReturnResubmitApproveMakesTheRatingsCurrent() {
        long riskId = AssessmentFixtures.riskInUnit(officer, unit("Payments"), "Payment outage", "officer");
        long campaignId = AssessmentFixtures.openForRisks(manager, "Payments RCSA", riskId);
        long taskId = AssessmentFixtures.taskOf(campaignId, riskId);
        long controlId = AssessmentFixtures.ratings(taskId).get(0).control.id;

        Map<String, Object> answers = answers(taskId);
        answers.put("inherentLikelihood", "5");
        answers.put("assessorComment", "Two outages this half-year");
        save(officer, taskId, answers).then().statusCode(303);
        assertEquals(AssessmentStatus.IN_PROGRESS, task(taskId).status);
        assertEquals(5, task(taskId).inherentLikelihood);

        Map<String, Object> tooHigh = answers(taskId);
        tooHigh.put("residualLikelihood", "5");
        tooHigh.put("residualImpact", "5");
        tooHigh.put("operating-" + controlId, "INEFFECTIVE");
        submit(officer, taskId, tooHigh).then().statusCode(400).body(containsString("explain why"));
        assertEquals(AssessmentStatus.IN_PROGRESS, task(taskId).status, "nothing stored from a refused form");
        assertEquals(Effectiveness.NOT_TESTED, AssessmentFixtures.ratings(taskId).get(0).operatingEffectiveness);

        save(officer2, taskId, answers(taskId)).then().statusCode(409).body(containsString("Only the assessor"));

        Map<String, Object> good = answers(taskId);
        good.put("residualLikelihood", "3");
        good.put("operating-" + controlId, "INEFFECTIVE");
        good.put("comment-" + controlId, "Failed twice");
        submit(officer, taskId, good).then().statusCode(303);
        AssessmentTask submitted = task(taskId);
        assertEquals(AssessmentStatus.SUBMITTED, submitted.status);
        assertEquals("officer", submitted.review.submittedBy);
        save(officer, taskId, answers(taskId)).then().statusCode(409).body(containsString("can no longer be changed"));

        review(officer2, taskId, "approve", null).then().statusCode(403);
        review(manager, taskId, "return", "").then().statusCode(400).body(containsString("This field is required"));
        assertEquals(AssessmentStatus.SUBMITTED, task(taskId).status);
        review(manager, taskId, "return", "Impact looks low after the May outage").then().statusCode(303);
        AssessmentTask returned = task(taskId);
        assertEquals(AssessmentStatus.IN_PROGRESS, returned.status);
        assertTrue(returned.returned());
        officer.request().get("/assessments/tasks/" + taskId).then().statusCode(200)
                .body(containsString("Impact looks low after the May outage"));

        Map<String, Object> revised = answers(taskId);
        revised.put("residualImpact", "5");
        submit(officer, taskId, revised).then().statusCode(303);
        review(manager, taskId, "approve", "Agreed").then().statusCode(303);

        AssessmentTask approved = task(taskId);
        assertEquals(AssessmentStatus.APPROVED, approved.status);
        assertEquals("manager", approved.review.reviewedBy);
        QuarkusTransaction.requiringNew().run(() -> {
            Risk risk = Risk.findById(riskId);
            assertEquals(5, risk.inherentLikelihood);
            assertEquals(4, risk.inherentImpact);
            assertEquals(3, risk.residualLikelihood);
            assertEquals(5, risk.residualImpact);
            assertEquals(15, risk.residualScore);
            Control control = Control.findById(controlId);
            assertEquals(Effectiveness.INEFFECTIVE, control.operatingEffectiveness);
            assertEquals(CampaignStatus.COMPLETED, AssessmentCampaign.<AssessmentCampaign>findById(campaignId).status);
        });
        manager.request().get("/risks/" + riskId).then().statusCode(200)
                .body(containsString("Assessments of this risk"))
                .body(containsString("/assessments/tasks/" + taskId));
        manager.request().get("/risks/" + riskId + "/history").then().statusCode(200)
                .body(containsString("Residual impact"));
    }

    @Test
    void theAssessorCannotApproveTheirOwnAssessment() {
        long riskId = AssessmentFixtures.riskInUnit(officer, unit("Custody"), "Custody break", null);
        long campaignId = AssessmentFixtures.openForRisks(manager, "Custody RCSA", riskId);
        long taskId = AssessmentFixtures.taskOf(campaignId, riskId);
        save(manager, taskId, answers(taskId)).then().statusCode(409).body(containsString("Only the assessor"));
        manager2.post(AssessmentFixtures.FORM_PAGE, "/assessments/tasks/" + taskId + "/assign",
                Map.of("version", task(taskId).version, "assignee", "manager")).then().statusCode(303);
        assertEquals("manager", task(taskId).assignee);
        submit(manager, taskId, answers(taskId)).then().statusCode(303);

        review(manager, taskId, "approve", null).then().statusCode(409).body(containsString("Four eyes"));
        assertEquals(AssessmentStatus.SUBMITTED, task(taskId).status);
        manager.request().get("/assessments/tasks/" + taskId).then().statusCode(200)
                .body(not(containsString("/assessments/tasks/" + taskId + "/approve")));
        manager2.request().get("/assessments").then().statusCode(200)
                .body(containsString("awaiting your review")).body(containsString("/assessments/tasks/" + taskId));
        review(manager2, taskId, "approve", null).then().statusCode(303);
        assertEquals(AssessmentStatus.APPROVED, task(taskId).status);
    }

    @Test
    void whoeverEditedTheAnswersCannotApproveThemEvenWhenSomeoneElseSubmitted() {
        long riskId = AssessmentFixtures.riskInUnit(officer, unit("Treasury ops"), "Drafted by a manager", null);
        long taskId = AssessmentFixtures.taskOf(AssessmentFixtures.openForRisks(manager, "Drafted RCSA", riskId),
                riskId);
        assign(manager, taskId, "manager");
        Map<String, Object> draft = answers(taskId);
        draft.put("residualLikelihood", "1");
        draft.put("assessorComment", "Drafted by the manager");
        save(manager, taskId, draft).then().statusCode(303);
        assign(manager, taskId, "officer");
        submit(officer, taskId, answers(taskId)).then().statusCode(303);
        assertEquals(java.util.Set.of("manager", "officer"), editors(taskId));

        review(manager, taskId, "approve", null).then().statusCode(409)
                .body(containsString("you edited this assessment&#39;s answers, so you cannot approve it"));
        assertEquals(AssessmentStatus.SUBMITTED, task(taskId).status);
        manager.request().get("/assessments/tasks/" + taskId).then().statusCode(200)
                .body(containsString("Answers edited by: Martin Manager (demo), Olivia Officer (demo)"))
                .body(containsString("id=\"cannot-approve\""))
                .body(not(containsString("action=\"/assessments/tasks/" + taskId + "/approve\"")));
        manager.request().get("/assessments").then().statusCode(200)
                .body(not(containsString("/assessments/tasks/" + taskId + "\"")));

        // Returning approves nothing: the manager who drafted may send it back; the rework still needs another
        // approver.
        review(manager, taskId, "return", "Please check my draft against your own evidence").then().statusCode(303);
        submit(officer, taskId, answers(taskId)).then().statusCode(303);
        review(manager, taskId, "approve", null).then().statusCode(409);
        manager2.request().get("/assessments/tasks/" + taskId).then().statusCode(200)
                .body(containsString("action=\"/assessments/tasks/" + taskId + "/approve\""));
        review(manager2, taskId, "approve", null).then().statusCode(303);
        assertEquals(AssessmentStatus.APPROVED, task(taskId).status);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Risk.<Risk>findById(riskId).residualLikelihood));
    }

    private void assign(Session by, long taskId, String assignee) {
        by.post(AssessmentFixtures.FORM_PAGE, "/assessments/tasks/" + taskId + "/assign",
                Map.of("version", task(taskId).version, "assignee", assignee)).then().statusCode(303);
    }

    private static java.util.Set<String> editors(long taskId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> java.util.Set.copyOf(AssessmentTask.<AssessmentTask>findById(taskId).editors));
    }

    @Test
    void assigningTakesOnlyActiveOfficersOrManagers() {
        long riskId = AssessmentFixtures.riskInUnit(officer, unit("Legal"), "Contract risk", null);
        long taskId = AssessmentFixtures.taskOf(AssessmentFixtures.openForRisks(manager, "Legal RCSA", riskId), riskId);
        manager.post(AssessmentFixtures.FORM_PAGE, "/assessments/tasks/" + taskId + "/assign",
                Map.of("version", task(taskId).version, "assignee", "auditor")).then().statusCode(400)
                .body(containsString("Choose an active officer or manager"));
        assertNull(task(taskId).assignee);
        Map<String, Object> badRisk = RiskFixtures.riskForm("Assessor must be a user");
        badRisk.put("assessor", "nobody-here");
        officer.post("/risks/new", "/risks", badRisk).then().statusCode(400)
                .body(containsString("Choose an active officer or manager"));
    }

    @Test
    void theNextCampaignStartsFromTheLastApprovedAssessment() {
        long riskId = AssessmentFixtures.riskInUnit(officer, unit("Lending"), "Collateral valuation", "officer2");
        long first = AssessmentFixtures.openForRisks(manager, "Lending H1", riskId);
        long firstTask = AssessmentFixtures.taskOf(first, riskId);
        long controlId = AssessmentFixtures.ratings(firstTask).get(0).control.id;
        Map<String, Object> answers = answers(firstTask);
        answers.put("inherentImpact", "5");
        answers.put("assessorComment", "Valuation backlog");
        answers.put("design-" + controlId, "PARTIALLY_EFFECTIVE");
        answers.put("comment-" + controlId, "Sample checks only");
        submit(officer2, firstTask, answers).then().statusCode(303);
        review(manager, firstTask, "approve", null).then().statusCode(303);

        Map<String, Object> override = new java.util.HashMap<>();
        override.put("inherentLikelihood", "1");
        override.put("inherentImpact", "1");
        override.put("residualLikelihood", "1");
        override.put("residualImpact", "1");
        override.put("reason", "Business line wound down");
        override.put("version", QuarkusTransaction.requiringNew().call(() -> Risk.<Risk>findById(riskId).version));
        manager.post("/risks/" + riskId + "/ratings", "/risks/" + riskId + "/ratings", override).then().statusCode(303);

        long secondTask = AssessmentFixtures.taskOf(AssessmentFixtures.openForRisks(manager, "Lending H2", riskId),
                riskId);
        AssessmentTask second = task(secondTask);
        assertEquals(1, second.beforeInherentImpact, "before: the risk as it stood at opening");
        assertEquals(5, second.inherentImpact, "answers: the last approved assessment");
        assertEquals("Valuation backlog", second.assessorComment);
        AssessmentControl rating = AssessmentFixtures.ratings(secondTask).get(0);
        assertEquals(Effectiveness.PARTIALLY_EFFECTIVE, rating.designEffectiveness);
        assertEquals("Sample checks only", rating.comment);
    }

    @Test
    void staleFormsAndEndedCampaignsChangeNothing() {
        long riskId = AssessmentFixtures.riskInUnit(officer, unit("Markets"), "Trade capture error", "officer");
        long campaignId = AssessmentFixtures.openForRisks(manager, "Markets RCSA", riskId);
        long taskId = AssessmentFixtures.taskOf(campaignId, riskId);
        Map<String, Object> stale = answers(taskId);
        save(officer, taskId, answers(taskId)).then().statusCode(303);
        stale.put("inherentImpact", "1");
        save(officer, taskId, stale).then().statusCode(409).body(containsString("Someone else saved"))
                .body(containsString("value=\"1\" selected"));
        assertEquals(4, task(taskId).inherentImpact);

        long version = QuarkusTransaction.requiringNew()
                .call(() -> AssessmentCampaign.<AssessmentCampaign>findById(campaignId).version);
        manager.post(AssessmentFixtures.FORM_PAGE, "/assessments/" + campaignId + "/close",
                Map.of("version", version + 7))
                .then().statusCode(409);
        manager.post(AssessmentFixtures.FORM_PAGE, "/assessments/" + campaignId + "/close", Map.of("version", version))
                .then().statusCode(303);
        assertEquals(CampaignStatus.CLOSED, task(taskId).campaign.status);
        save(officer, taskId, answers(taskId)).then().statusCode(409).body(containsString("can no longer be changed"));
        officer.request().get("/assessments/tasks/" + taskId).then().statusCode(200)
                .body(containsString("This campaign has ended"));
    }

    @Test
    void resultsExportPerCampaign() {
        long riskId = AssessmentFixtures.riskInUnit(officer, unit("Export"), "Export risk", "officer");
        long campaignId = AssessmentFixtures.openForRisks(manager, "=HYPERLINK(\"x\") campaign", riskId);
        String reference = QuarkusTransaction.requiringNew()
                .call(() -> AssessmentCampaign.<AssessmentCampaign>findById(campaignId).reference);
        String csv = TestSupport.session("auditor").request().get("/assessments/export.csv?campaign=" + reference)
                .then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[0].contains("before_residual_score"));
        assertTrue(lines[1].startsWith(reference + ",\"'=HYPERLINK"), lines[1]);
        assertTrue(lines[1].contains(",NOT_STARTED,"));
        String controls = TestSupport.session("auditor").request()
                .get("/assessments/control-ratings.csv?campaign=" + reference)
                .then().statusCode(200).extract().asString();
        assertEquals(2, controls.split("\r\n").length, controls);
        TestSupport.session("auditor").request().get("/assessments/export.csv?campaign=RCSA-1900-9999")
                .then().statusCode(400).body(containsString("no campaign"));
    }

    private static long campaigns() {
        return QuarkusTransaction.requiringNew().call(() -> AssessmentCampaign.count());
    }
}
