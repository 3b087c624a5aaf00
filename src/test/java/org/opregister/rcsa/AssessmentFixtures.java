package org.opregister.rcsa;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

import org.opregister.TestSupport.Session;
import org.opregister.control.Control;
import org.opregister.risk.RiskFixtures;

/** Campaigns opened and tasks answered through the HTTP forms, as managers and assessors do. */
public final class AssessmentFixtures {

    /** Any page with a form: its CSRF token serves every post. */
    static final String FORM_PAGE = "/account/password";

    private AssessmentFixtures() {
    }

    /** A risk in its own unit, self-assessed by the given user (or nobody), linked to a new control. */
    public static long riskInUnit(Session officer, String unit, String title, String assessor) {
        Map<String, Object> form = RiskFixtures.riskForm(title);
        form.put("orgUnit", unit);
        form.put("assessor", assessor);
        long riskId = idOf(
                officer.post("/risks/new", "/risks", form).then().statusCode(303).extract().header("Location"));
        long controlId = RiskFixtures.control(officer, "Control of " + title);
        RiskFixtures.link(officer, riskId, controlId);
        return riskId;
    }

    public static Map<String, Object> campaignForm(String title) {
        Map<String, Object> form = new HashMap<>();
        form.put("title", title);
        form.put("periodStart", "2026-07-01");
        form.put("periodEnd", "2026-12-31");
        form.put("dueDate", LocalDate.now().plusDays(30).toString());
        return form;
    }

    public static Response open(Session manager, Map<String, Object> form) {
        return manager.post("/assessments/new", "/assessments", form);
    }

    /** Opens a campaign over the given risks; answers its id. */
    public static long openForRisks(Session manager, String title, Long... riskIds) {
        Map<String, Object> form = campaignForm(title);
        form.put("risks", List.of(riskIds));
        return idOf(open(manager, form).then().statusCode(303).extract().header("Location"));
    }

    public static long taskOf(long campaignId, long riskId) {
        return QuarkusTransaction.requiringNew().call(() -> AssessmentTask.<AssessmentTask>find(
                "campaign.id = ?1 and risk.id = ?2", campaignId, riskId).firstResult().id);
    }

    public static AssessmentTask task(long taskId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AssessmentTask task = AssessmentTask.findById(taskId);
            task.campaign.status.name();
            return task;
        });
    }

    public static List<AssessmentControl> ratings(long taskId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<AssessmentControl> ratings = AssessmentControl.list("task.id = ?1 order by control.reference", taskId);
            ratings.forEach(r -> r.control.reference.length());
            return ratings;
        });
    }

    /** The task's answers as stored, as its form would post them. */
    public static Map<String, Object> answers(long taskId) {
        AssessmentTask task = task(taskId);
        Map<String, Object> form = new HashMap<>();
        form.put("version", task.version);
        form.put("inherentLikelihood", task.inherentLikelihood);
        form.put("inherentImpact", task.inherentImpact);
        form.put("residualLikelihood", task.residualLikelihood);
        form.put("residualImpact", task.residualImpact);
        form.put("residualComment", task.residualComment);
        form.put("assessorComment", task.assessorComment);
        for (AssessmentControl rating : ratings(taskId)) {
            form.put("design-" + rating.control.id, rating.designEffectiveness.name());
            form.put("operating-" + rating.control.id, rating.operatingEffectiveness.name());
            form.put("comment-" + rating.control.id, rating.comment);
        }
        return form;
    }

    public static Response save(Session assessor, long taskId, Map<String, Object> answers) {
        return assessor.post(FORM_PAGE, "/assessments/tasks/" + taskId, answers);
    }

    public static Response submit(Session assessor, long taskId, Map<String, Object> answers) {
        return assessor.post(FORM_PAGE, "/assessments/tasks/" + taskId + "/submit", answers);
    }

    public static Response review(Session manager, long taskId, String decision, String comment) {
        Map<String, Object> form = new HashMap<>();
        form.put("version", task(taskId).version);
        form.put("reviewComment", comment);
        return manager.post(FORM_PAGE, "/assessments/tasks/" + taskId + "/" + decision, form);
    }

    static long idOf(String location) {
        String path = location.replaceAll("#.*$", "");
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }
}
