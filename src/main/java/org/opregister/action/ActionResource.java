package org.opregister.action;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
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
import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.opregister.attachment.Attachment;
import org.opregister.attachment.AttachmentPanel;
import org.opregister.attachment.StoredFiles;
import org.opregister.audit.AuditLine;
import org.opregister.audit.AuditLines;
import org.opregister.comment.CommentService;
import org.opregister.comment.CommentThread;
import org.opregister.core.AppClock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.Records;
import org.opregister.core.Review;
import org.opregister.core.Role;
import org.opregister.security.CurrentUser;
import org.opregister.security.People;
import org.opregister.web.CsvExport;
import org.opregister.web.Flash;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.PostedForm;
import org.opregister.web.Step;
import org.opregister.web.TableDownload;
import org.opregister.web.XlsxExport;

/** Action plans in the browser: all plans with filters and aging, my actions, the review queue, one plan's work. */
@Path("/actions")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class ActionResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(PageResult<ActionPlan> page, ActionFilter.Params params, FieldErrors errors,
                Map<Aging, Long> aging, ActionChoices choices);

        static native TemplateInstance mine(List<ActionPlan> actions);

        static native TemplateInstance review(List<ActionPlan> closures, List<ActionExtension> extensions);

        static native TemplateInstance form(ActionPlan action, ActionForm form, FieldErrors errors,
                ActionChoices choices,
                String sourceLabel);

        static native TemplateInstance show(ActionPlan action, List<ActionSource> sources, List<ActionUpdate> updates,
                List<ActionExtension> extensions, ActionAccess access, FieldErrors errors, Map<String, String> typed,
                String problem, ActionChoices choices, CommentThread thread, AttachmentPanel attachments);

        static native TemplateInstance history(ActionPlan action, List<AuditLine> entries);
    }

    /** What the signed-in user may do with a plan. */
    public record ActionAccess(boolean work, boolean review, boolean decideExtension, boolean cancel, boolean edit) {

        static ActionAccess of(ActionPlan action, CurrentUser user) {
            String me = user.username();
            boolean owner = me.equals(action.owner);
            boolean open = action.status.open();
            ActionExtension pending = action.pendingExtension();
            return new ActionAccess(owner && open && user.canEdit(),
                    user.isManager() && action.decidableBy(me),
                    user.isManager() && pending != null && pending.decidableBy(me),
                    user.isManager() && open && !owner,
                    user.canEdit() && open && action.editableBy(me, user.isManager()));
        }
    }

    @Inject
    ActionService service;

    @Inject
    CurrentUser currentUser;

    @Inject
    CsvExport csvExport;

    @Inject
    XlsxExport xlsxExport;

    @Inject
    CommentService commentService;

    @Inject
    StoredFiles files;

    @Inject
    People people;

    @GET
    public Response list(@BeanParam Query query) {
        FieldErrors errors = new FieldErrors();
        ActionFilter filter = query.params().parse(errors);
        LocalDate today = AppClock.today();
        PageResult<ActionPlan> page = ActionPlan.search(filter, PageRequest.of(query.page, query.size), today);
        people.know(page.items().stream().map(plan -> plan.owner).toList());
        return Response.status(errors.any() ? 400 : 200).entity(Templates.list(page, query.params(), errors,
                filter.agingCounts(today), ActionChoices.current())).build();
    }

    @GET
    @Path("mine")
    public TemplateInstance mine() {
        return Templates.mine(ActionFilter.mine(currentUser.username()));
    }

    @GET
    @Path("review")
    public TemplateInstance review() {
        String me = currentUser.username();
        return Templates.review(ActionPlan.awaitingDecisionBy(me), ActionExtension.awaitingDecisionBy(me));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@BeanParam Query query) {
        return export(query, csvExport::stream);
    }

    @GET
    @Path("export.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response exportXlsx(@BeanParam Query query) {
        return export(query, xlsxExport::table);
    }

    private Response export(Query query, TableDownload download) {
        FieldErrors errors = new FieldErrors();
        ActionFilter filter = query.params().parse(errors);
        if (errors.any()) {
            return CsvExport.badFilter(errors);
        }
        LocalDate today = AppClock.today();
        return download.send("action-plans", "actions", query.params().queryString(),
                ActionCsv.columns(today), () -> ActionPlan.streamAll(filter, today));
    }

    @GET
    @Path("new")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public TemplateInstance createForm(@QueryParam("incident") String incident, @QueryParam("risk") String risk,
            @QueryParam("control") String control, @QueryParam("breach") String breach,
            @QueryParam("test") String test) {
        ActionForm form = ActionForm.blank(currentUser.username(), AppClock.today());
        String[][] given = {{"INCIDENT", incident}, {"RISK", risk}, {"CONTROL", control}, {"KRI_BREACH", breach},
                {"CONTROL_TEST", test}};
        for (String[] source : given) {
            if (source[1] != null && !source[1].isBlank()) {
                form.sourceType = source[0];
                form.source = source[1];
            }
        }
        return formPage(null, form, new FieldErrors());
    }

    private TemplateInstance formPage(ActionPlan action, ActionForm form, FieldErrors errors) {
        String label = null;
        if (action == null && form.sourceType != null) {
            try {
                SourceType type = SourceType.valueOf(form.sourceType);
                Long id = Sources.resolve(type, form.source);
                label = id == null ? null : Sources.label(type, id);
            } catch (IllegalArgumentException e) {
                label = null;
            }
        }
        return Templates.form(action, form, errors, ActionChoices.current(), label);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response create(MultivaluedMap<String, String> posted) {
        ActionForm form = PostedForm.bind(posted, ActionForm.class);
        return Step.form(() -> {
            ActionPlan action = service.create(form.parse(new FieldErrors(), true));
            return Flash.redirect(URI.create("/actions/" + action.id), "flash.actionCreated", action.reference);
        }, errors -> formPage(null, form, errors));
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return showPage(Records.require(ActionPlan.class, id), new FieldErrors(), Map.of(), null);
    }

    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        ActionPlan action = Records.require(ActionPlan.class, id);
        return Templates.history(action, AuditLines.history("ActionPlan", action.id));
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response editForm(@PathParam("id") long id) {
        ActionPlan action = Records.require(ActionPlan.class, id);
        if (!action.editableBy(currentUser.username(), currentUser.isManager())) {
            throw new ForbiddenException();
        }
        if (!action.status.open()) {
            return Flash.redirect(URI.create("/actions/" + id), "flash.error.actionClosed", action.reference);
        }
        return Response.ok(formPage(action, ActionForm.of(action), new FieldErrors())).build();
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        ActionForm form = PostedForm.bind(posted, ActionForm.class);
        return Step.run(() -> {
            ActionPlan action = service.update(id, form.parse(new FieldErrors(), false));
            return Flash.redirect(URI.create("/actions/" + id), "flash.actionUpdated", action.reference);
        }, (errors, problem) -> formPage(Records.require(ActionPlan.class, id), form,
                problem == null ? errors : new FieldErrors().add(FieldErrors.FORM, problem)), "error.editConflict",
                e -> Flash.redirect(URI.create("/actions/" + id), "flash." + e.messageKey(), null));
    }

    @POST
    @Path("{id}/sources")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response link(@PathParam("id") long id, @RestForm String sourceType, @RestForm String source) {
        return step(id, Map.of("sourceType", text(sourceType), "source", text(source)), "#sources",
                "flash.sourceLinked",
                () -> service.link(id, ActionService.SourceChoice.parse(sourceType, source)));
    }

    @POST
    @Path("{id}/sources/{sourceId}/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response unlink(@PathParam("id") long id, @PathParam("sourceId") long sourceId) {
        return step(id, Map.of(), "#sources", "flash.linkRemoved", () -> service.unlink(id, sourceId));
    }

    @POST
    @Path("{id}/updates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response postUpdate(@PathParam("id") long id, @RestForm String updateDate, @RestForm String progress,
            @RestForm String note) {
        return step(id, Map.of("updateDate", text(updateDate), "progress", text(progress), "note", text(note)),
                "#updates",
                "flash.actionUpdatePosted", () -> service.postUpdate(id,
                        ActionService.ProgressUpdate.parse(updateDate, progress, note)));
    }

    @POST
    @Path("{id}/request-closure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response requestClosure(@PathParam("id") long id, @RestForm String version, @RestForm String closureNote) {
        return step(id, Map.of("closureNote", text(closureNote)), "", "flash.closureRequested",
                () -> service.requestClosure(id,
                        Review.read(version, "closureNote", closureNote, true, ActionPlan.TEXT_MAX)));
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response approve(@PathParam("id") long id, @RestForm String version, @RestForm String reviewComment) {
        return step(id, Map.of("reviewComment", text(reviewComment)), "", "flash.closureApproved",
                () -> service.approveClosure(id,
                        Review.read(version, "reviewComment", reviewComment, false, ActionPlan.COMMENT_MAX)));
    }

    @POST
    @Path("{id}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response returnClosure(@PathParam("id") long id, @RestForm String version, @RestForm String reviewComment) {
        return step(id, Map.of("reviewComment", text(reviewComment)), "", "flash.closureReturned",
                () -> service.returnClosure(id,
                        Review.read(version, "reviewComment", reviewComment, true, ActionPlan.COMMENT_MAX)));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response cancel(@PathParam("id") long id, @RestForm String version, @RestForm String cancelReason) {
        return step(id, Map.of("cancelReason", text(cancelReason)), "", "flash.actionCancelled",
                () -> service.cancel(id,
                        Review.read(version, "cancelReason", cancelReason, true, ActionPlan.COMMENT_MAX)));
    }

    @POST
    @Path("{id}/extensions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response requestExtension(@PathParam("id") long id, @RestForm String newDueDate, @RestForm String reason) {
        return step(id, Map.of("newDueDate", text(newDueDate), "reason", text(reason)), "#extensions",
                "flash.extensionRequested", () -> service.requestExtension(id,
                        ActionService.ExtensionRequest.parse(newDueDate, reason)));
    }

    @POST
    @Path("{id}/extensions/{extensionId}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response approveExtension(@PathParam("id") long id, @PathParam("extensionId") long extensionId,
            @RestForm String version, @RestForm String decisionComment) {
        return step(id, Map.of("decisionComment", text(decisionComment)), "#extensions", "flash.extensionApproved",
                () -> service.decideExtension(id, extensionId,
                        ActionService.ExtensionDecision.parse(true, version, decisionComment)));
    }

    @POST
    @Path("{id}/extensions/{extensionId}/refuse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response refuseExtension(@PathParam("id") long id, @PathParam("extensionId") long extensionId,
            @RestForm String version, @RestForm String decisionComment) {
        return step(id, Map.of("decisionComment", text(decisionComment)), "#extensions", "flash.extensionRefused",
                () -> service.decideExtension(id, extensionId,
                        ActionService.ExtensionDecision.parse(false, version, decisionComment)));
    }

    /** Adds to the plan's discussion thread, in any status. */
    @POST
    @Path("{id}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response comment(@PathParam("id") long id, @RestForm String comment) {
        return step(id, Map.of(CommentService.FIELD, text(comment)), "#discussion", "flash.commentPosted",
                () -> commentService.post(Records.require(ActionPlan.class, id), comment));
    }

    /** Attaches a file: the owner or a manager, while the plan is open (others 403). */
    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response attach(@PathParam("id") long id, @RestForm("file") FileUpload file) {
        return step(id, Map.of(), "#attachments", "attachments.flash.added",
                () -> service.attach(id, file == null ? null : file.fileName(), files.read(file)));
    }

    /** Everyone who reads the plan downloads its files; always as a download, never opened in the browser. */
    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        return StoredFiles.download(Attachment.of(Records.require(ActionPlan.class, id), attachmentId));
    }

    @POST
    @Path("{id}/attachments/{attachmentId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response detach(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId,
            @RestForm String version) {
        return step(id, Map.of(), "#attachments", "attachments.flash.removed",
                () -> service.detach(id, attachmentId, Edits.version(version)));
    }

    /** One step of a plan's work from its page, with what was typed kept when it is refused. */
    private Response step(long id, Map<String, String> typed, String anchor, String flashKey, Runnable change) {
        return Step.run(() -> {
            change.run();
            return Flash.redirect(URI.create("/actions/" + id + anchor), flashKey,
                    Records.require(ActionPlan.class, id).reference);
        }, (errors, problem) -> showPage(Records.require(ActionPlan.class, id), errors, typed, problem));
    }

    private TemplateInstance showPage(ActionPlan action, FieldErrors errors, Map<String, String> typed,
            String problem) {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("updateDate", AppClock.today().toString());
        values.put("progress", Integer.toString(action.progress));
        values.putAll(typed);
        ActionAccess access = ActionAccess.of(action, currentUser);
        return Templates.show(action, action.sources(), ActionUpdate.of(action), ActionExtension.of(action), access,
                errors, values, problem, ActionChoices.current(),
                CommentThread.of(action, "/actions/" + action.id + "/comments", typed.get(CommentService.FIELD)),
                AttachmentPanel.of(action, "/actions/" + action.id + "/attachments", access.edit(), files));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** The list's query parameters. */
    public static class Query {

        @QueryParam("q")
        public String q;
        @QueryParam("status")
        public String status;
        @QueryParam("owner")
        public String owner;
        @QueryParam("sourceType")
        public String sourceType;
        @QueryParam("dueFrom")
        public String dueFrom;
        @QueryParam("dueTo")
        public String dueTo;
        @QueryParam("overdue")
        public String overdue;
        @QueryParam("aging")
        public String aging;
        @QueryParam("page")
        public String page;
        @QueryParam("size")
        public String size;

        ActionFilter.Params params() {
            return new ActionFilter.Params(q, status, owner, sourceType, dueFrom, dueTo, overdue, aging);
        }
    }
}
