package org.opregister.rcsa;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;

import org.opregister.audit.AuditLine;
import org.opregister.audit.AuditLines;
import org.opregister.core.AppClock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.Records;
import org.opregister.core.Review;
import org.opregister.core.Role;
import org.opregister.risk.HeatMap;
import org.opregister.risk.Risk;
import org.opregister.risk.RiskChoices;
import org.opregister.security.CurrentUser;
import org.opregister.security.Reassignment;
import org.opregister.security.Staff;
import org.opregister.security.User;
import org.opregister.web.CsvExport;
import org.opregister.web.Flash;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.Step;
import org.opregister.web.TableDownload;
import org.opregister.web.XlsxExport;

/** RCSA campaigns in the browser: open one, answer its tasks, review them, follow progress, export results. */
@Path("/assessments")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class AssessmentResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(PageResult<AssessmentCampaign> page, List<AssessmentTask> toAnswer,
                List<AssessmentTask> toReview);

        static native TemplateInstance form(CampaignForm form, FieldErrors errors, List<String> units,
                List<Risk> risks);

        static native TemplateInstance show(AssessmentCampaign campaign, List<AssessmentTask> tasks,
                AssessmentProgress progress, String problem);

        static native TemplateInstance history(AssessmentCampaign campaign, List<AuditLine> entries);

        static native TemplateInstance task(AssessmentTask task, List<AssessmentControl> ratings, TaskForm form,
                FieldErrors errors, String problem, String reviewComment, TaskAccess access, RiskChoices choices,
                List<User> assessors);
    }

    /** What the signed-in user may do with a task: a manager who edited its answers may return it, not approve it. */
    public record TaskAccess(boolean answer, boolean review, boolean approve, boolean assign) {

        static TaskAccess of(AssessmentTask task, CurrentUser user) {
            String me = user.username();
            boolean answer = task.editable() && me.equals(task.assignee) && user.canEdit();
            boolean review = user.isManager() && task.decidableBy(me);
            return new TaskAccess(answer, review, review && task.approvableBy(me), task.editable() && user.isManager());
        }
    }

    @Inject
    AssessmentService service;

    @Inject
    CurrentUser currentUser;

    @Inject
    CsvExport csvExport;

    @Inject
    XlsxExport xlsxExport;

    @GET
    public TemplateInstance list(@QueryParam("page") String page, @QueryParam("size") String size) {
        String me = currentUser.username();
        return Templates.list(AssessmentCampaign.page(PageRequest.of(page, size)),
                currentUser.canEdit() ? AssessmentTask.toAnswer(me) : List.of(),
                currentUser.isManager() ? AssessmentTask.awaitingDecisionBy(me) : List.of());
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("campaign") String campaign) {
        return exportOf(campaign, "assessment-results", "assessments", AssessmentCsv.TASKS,
                AssessmentTask::streamForExport, csvExport::stream);
    }

    @GET
    @Path("export.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response exportXlsx(@QueryParam("campaign") String campaign) {
        return exportOf(campaign, "assessment-results", "assessments", AssessmentCsv.TASKS,
                AssessmentTask::streamForExport, xlsxExport::table);
    }

    @GET
    @Path("control-ratings.csv")
    @Produces("text/csv")
    public Response exportControlRatings(@QueryParam("campaign") String campaign) {
        return exportOf(campaign, "assessment-control-ratings", "assessment-control-ratings", AssessmentCsv.CONTROLS,
                AssessmentControl::streamForExport, csvExport::stream);
    }

    @GET
    @Path("control-ratings.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response exportControlRatingsXlsx(@QueryParam("campaign") String campaign) {
        return exportOf(campaign, "assessment-control-ratings", "assessment-control-ratings", AssessmentCsv.CONTROLS,
                AssessmentControl::streamForExport, xlsxExport::table);
    }

    private <T> Response exportOf(String campaign, String fileStem, String exportName,
            List<org.opregister.web.CsvColumn<T>> columns,
            java.util.function.Function<String, java.util.stream.Stream<T>> rows, TableDownload download) {
        String reference = FormInput.key(campaign);
        if (!FormInput.blank(campaign)
                && (reference == null || AssessmentCampaign.findByReference(reference) == null)) {
            return CsvExport.badFilter(new FieldErrors().add("campaign", "error.noSuchCampaign"));
        }
        return download.send(fileStem, exportName, reference == null ? "" : "campaign=" + reference,
                columns, () -> rows.apply(reference));
    }

    @GET
    @Path("new")
    @RolesAllowed(Role.MANAGER)
    public TemplateInstance createForm() {
        return formPage(CampaignForm.blank(AppClock.today()), new FieldErrors());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response create(MultivaluedMap<String, String> posted) {
        CampaignForm form = CampaignForm.from(posted);
        return Step.form(() -> {
            AssessmentCampaign campaign = service.open(form.parse(new FieldErrors()));
            return Flash.redirect(URI.create("/assessments/" + campaign.id), "flash.campaignOpened",
                    campaign.reference);
        }, errors -> formPage(form, errors));
    }

    private static TemplateInstance formPage(CampaignForm form, FieldErrors errors) {
        return Templates.form(form, errors, HeatMap.orgUnits(), Risk.active());
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return showPage(Records.require(AssessmentCampaign.class, id), null);
    }

    private TemplateInstance showPage(AssessmentCampaign campaign, String problem) {
        return Templates.show(campaign, campaign.tasks(), campaign.progress(), problem);
    }

    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        AssessmentCampaign campaign = Records.require(AssessmentCampaign.class, id);
        return Templates.history(campaign, AuditLines.history("AssessmentCampaign", campaign.id));
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response close(@PathParam("id") long id, @RestForm String version) {
        return Step.run(() -> Flash.redirect(URI.create("/assessments/" + id), "flash.campaignClosed",
                service.close(id, Edits.version(version)).reference),
                (errors, problem) -> showPage(Records.require(AssessmentCampaign.class, id), problem));
    }

    @GET
    @Path("tasks/{taskId}")
    public TemplateInstance task(@PathParam("taskId") long taskId) {
        AssessmentTask task = Records.require(AssessmentTask.class, taskId);
        List<AssessmentControl> ratings = task.controls();
        return taskPage(task, ratings, TaskForm.of(task, ratings), new FieldErrors(), null, null);
    }

    @POST
    @Path("tasks/{taskId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response save(@PathParam("taskId") long taskId, MultivaluedMap<String, String> posted) {
        return answer(taskId, posted, false);
    }

    @POST
    @Path("tasks/{taskId}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response submit(@PathParam("taskId") long taskId, MultivaluedMap<String, String> posted) {
        return answer(taskId, posted, true);
    }

    private Response answer(long taskId, MultivaluedMap<String, String> posted, boolean submit) {
        AssessmentTask task = Records.require(AssessmentTask.class, taskId);
        TaskForm form = TaskForm.from(posted, task.controls());
        return Step.run(() -> {
            service.save(taskId, form.parse(new FieldErrors()), submit);
            return submit
                    ? Flash.redirect(URI.create("/assessments/" + task.campaign.id), "flash.taskSubmitted",
                            task.risk.reference)
                    : Flash.redirect(URI.create("/assessments/tasks/" + taskId), "flash.taskSaved", null);
        }, (errors, problem) -> taskPage(taskId, form, errors, problem, null), "error.editConflict");
    }

    @POST
    @Path("tasks/{taskId}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response approve(@PathParam("taskId") long taskId, @RestForm String version,
            @RestForm String reviewComment) {
        return review(taskId, reviewComment, "flash.taskApproved",
                () -> service.approve(taskId,
                        Review.read(version, "reviewComment", reviewComment, false, Risk.COMMENT_MAX)));
    }

    @POST
    @Path("tasks/{taskId}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response returnTask(@PathParam("taskId") long taskId, @RestForm String version,
            @RestForm String reviewComment) {
        return review(taskId, reviewComment, "flash.taskReturned",
                () -> service.returnToAssessor(taskId,
                        Review.read(version, "reviewComment", reviewComment, true, Risk.COMMENT_MAX)));
    }

    private Response review(long taskId, String reviewComment, String flashKey,
            java.util.function.Supplier<AssessmentTask> decision) {
        return Step.run(() -> {
            AssessmentTask task = decision.get();
            return Flash.redirect(URI.create("/assessments/" + task.campaign.id), flashKey, task.risk.reference);
        }, (errors, problem) -> taskPage(taskId, null, errors, problem, reviewComment));
    }

    @POST
    @Path("tasks/{taskId}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response assign(@PathParam("taskId") long taskId, @RestForm String version, @RestForm String assignee) {
        return Step.run(() -> Flash.redirect(URI.create("/assessments/tasks/" + taskId), "flash.taskAssigned",
                service.assign(taskId, Reassignment.read(version, assignee)).assignee),
                (errors, problem) -> taskPage(taskId, null, new FieldErrors(),
                        problem == null && errors.has("assignee") ? "error.noSuchAssessor" : problem, null));
    }

    /** The task page again after a failed request: the form as typed (or as stored) and what went wrong. */
    private TemplateInstance taskPage(long taskId, TaskForm typed, FieldErrors errors, String problem,
            String reviewComment) {
        AssessmentTask task = Records.require(AssessmentTask.class, taskId);
        List<AssessmentControl> ratings = task.controls();
        return taskPage(task, ratings, typed != null ? typed : TaskForm.of(task, ratings), errors, problem,
                reviewComment);
    }

    private TemplateInstance taskPage(AssessmentTask task, List<AssessmentControl> ratings, TaskForm form,
            FieldErrors errors, String problem, String reviewComment) {
        TaskAccess access = TaskAccess.of(task, currentUser);
        return Templates.task(task, ratings, form, errors, problem, reviewComment, access, RiskChoices.INSTANCE,
                access.assign() ? Staff.all() : List.of());
    }
}
