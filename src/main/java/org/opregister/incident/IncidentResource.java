package org.opregister.incident;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.opregister.comment.CommentForm;
import org.opregister.comment.CommentService;
import org.opregister.comment.CommentThread;
import org.opregister.core.AppClock;
import org.opregister.core.CurrentLocale;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.core.RuleViolationException;
import org.opregister.core.UnknownRecordException;
import org.opregister.security.CurrentUser;
import org.opregister.web.CsvExport;
import org.opregister.web.Flash;
import org.opregister.web.FollowUps;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.PdfDocument;
import org.opregister.web.PostedForm;
import org.opregister.web.Step;
import org.opregister.web.XlsxExport;

/** The incident register in the browser: list, record, view, edit, workflow and the loss ledger. */
@Path("/incidents")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class IncidentResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(PageResult<Incident> page, Incident.Totals totals,
                IncidentFilter.Params params,
                IncidentSort sort, FieldErrors errors, Choices choices);

        static native TemplateInstance form(Incident incident, IncidentForm form, FieldErrors errors, Choices choices);

        static native TemplateInstance show(Incident incident, List<LossEntry> losses,
                List<LedgerTotals.Period> periods, LedgerLock lock, LossDataSet dataSet, LossForm lossForm,
                FieldErrors errors,
                String problem, Choices choices, IncidentLinks links, CommentThread thread, Map<String, String> typed,
                AttachmentPanel attachments);

        static native TemplateInstance history(Incident incident, List<AuditLine> entries);

        static native TemplateInstance report(Incident incident, List<LossEntry> losses,
                List<LedgerTotals.Period> periods, IncidentLinks links, List<FollowUps.FollowUp> actions,
                ReviewTrail trail, String currency, Instant generatedAt, String generatedBy, String lang);

        static native TemplateInstance lossForm(Incident incident, LossEntry entry, LossForm form, FieldErrors errors,
                Choices choices);
    }

    @Inject
    IncidentService service;

    @Inject
    IncidentExports exports;

    @Inject
    IncidentLinks.Source links;

    @Inject
    CommentService commentService;

    @Inject
    CurrentUser currentUser;

    @Inject
    StoredFiles files;

    @Inject
    FollowUps followUps;

    @Inject
    Event<CsvExport.Exported> exported;

    @GET
    public Response list(@BeanParam ListParams query) {
        FieldErrors errors = new FieldErrors();
        IncidentFilter filter = query.params().parse(errors, service.dataSetRule());
        IncidentSort sort = IncidentSort.parse(query.sort);
        PageRequest pageRequest = PageRequest.of(query.page, query.size);
        IncidentQuery matching = IncidentQuery.of(filter);
        Incident.Totals totals = Incident.totals(matching);
        PageResult<Incident> page = Incident.search(matching, sort, pageRequest, totals.count());
        return Response.status(errors.any() ? 400 : 200)
                .entity(Templates.list(page, totals, query.params(), sort, errors, choices())).build();
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@BeanParam ListParams query) {
        return exports.incidents(query);
    }

    @GET
    @Path("export.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response exportXlsx(@BeanParam ListParams query) {
        return exports.incidentsXlsx(query);
    }

    @GET
    @Path("new")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public TemplateInstance createForm() {
        return Templates.form(null, IncidentForm.blank(AppClock.today()), new FieldErrors(), choices());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response create(MultivaluedMap<String, String> posted) {
        IncidentForm form = PostedForm.bind(posted, IncidentForm.class);
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            Incident incident = service.create(form.parse(typed), typed);
            return Flash.redirect(URI.create("/incidents/" + incident.id), "flash.incidentCreated", incident.reference);
        }, errors -> Templates.form(null, form, errors, choices()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        Incident incident = incident(id);
        return showPage(incident, LossForm.blank(service.reportingCurrency(), AppClock.today()), new FieldErrors(),
                null);
    }

    /**
     * The incident report for committees as PDF, in the user's language: details, classification, ledger and
     * totals, linked risks, controls and action plans, and the review trail. One line in the audit trail per
     * download, as for the CSV exports.
     */
    @GET
    @Path("{id}/report.pdf")
    @Produces(PdfDocument.PDF)
    public Response report(@PathParam("id") long id) {
        Incident incident = incident(id);
        List<LossEntry> losses = LossEntry.forIncident(incident);
        String html = Templates
                .report(incident, losses, LedgerTotals.byAccountingPeriod(losses), links.of(incident, false),
                        followUps.of(FollowUps.Subject.INCIDENT, incident.id), ReviewTrail.of(incident),
                        service.reportingCurrency(), AppClock.now(), currentUser.username(),
                        CurrentLocale.current().getLanguage())
                .render();
        byte[] pdf = PdfDocument.render(html);
        exported.fire(new CsvExport.Exported(currentUser.username(), "incident-report.pdf",
                "incident=" + incident.reference, 1));
        return Response.ok(pdf, PdfDocument.PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + incident.reference + "-report-"
                        + AppClock.today() + ".pdf\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        Incident incident = incident(id);
        return Templates.history(incident, AuditLines.history("Incident", incident.id));
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response editForm(@PathParam("id") long id) {
        Incident incident = incident(id);
        if (!incident.editable()) {
            return readOnly(incident);
        }
        return Response.ok(Templates.form(incident, IncidentForm.of(incident), new FieldErrors(), choices())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("{id}")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        IncidentForm form = PostedForm.bind(posted, IncidentForm.class);
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            Incident incident = service.update(id, form.parse(typed), typed);
            return Flash.redirect(URI.create("/incidents/" + id), "flash.incidentUpdated", incident.reference);
        }, errors -> Templates.form(incident(id), form, errors, choices()), refusedOnPage(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("{id}/transitions/{transition}")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response transition(@PathParam("id") long id, @PathParam("transition") String code,
            @BeanParam TransitionForm form) {
        Transition transition = transitionOf(code);
        Map<String, String> typed = Map.of(IncidentService.REVIEW_COMMENT, form.typedComment());
        return Step.run(() -> {
            Incident incident = service.transition(id, form.parse(transition));
            return Flash.redirect(URI.create("/incidents/" + id), "flash.transition." + transition.name(),
                    incident.reference);
        }, (errors, problem) -> showPage(incident(id), blankLoss(), errors, problem, typed),
                "error.editConflictReload");
    }

    /** Adds to the incident's discussion thread; any status, the thread changes nothing on the incident. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("{id}/comments")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response comment(@PathParam("id") long id, @BeanParam CommentForm form) {
        Map<String, String> typed = Map.of(CommentService.FIELD, form.typed());
        return Step.run(() -> {
            commentService.post(incident(id), form.comment);
            return Flash.redirect(URI.create("/incidents/" + id + "#discussion"), "flash.commentPosted", null);
        }, (errors, problem) -> showPage(incident(id), blankLoss(), errors, problem, typed));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("{id}/losses")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response addLoss(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        LossForm form = PostedForm.bind(posted, LossForm.class);
        return Step.run(() -> {
            FieldErrors typed = new FieldErrors();
            service.addLoss(id, form.parse(typed), typed);
            return Flash.redirect(URI.create("/incidents/" + id + "#losses"), "flash.lossAdded", null);
        }, (errors, problem) -> problem == null
                ? showPage(incident(id), form, errors, "error.lossInvalid")
                : showPage(incident(id), blankLoss(), new FieldErrors(), problem), "error.editConflictReload");
    }

    @GET
    @Path("{id}/losses/{lossId}/edit")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response editLossForm(@PathParam("id") long id, @PathParam("lossId") long lossId) {
        Incident incident = incident(id);
        LossEntry entry = LossEntry.of(incident, lossId);
        if (!incident.ledgerOpenTo(currentUser.isManager())) {
            return readOnly(incident);
        }
        if (!LedgerLock.current().open(entry.accountingDate)) {
            return Flash.redirect(URI.create("/incidents/" + id), "flash.error.lineInLockedPeriod", incident.reference);
        }
        return Response.ok(Templates.lossForm(incident, entry, LossForm.of(entry), new FieldErrors(), choices()))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("{id}/losses/{lossId}")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response updateLoss(@PathParam("id") long id, @PathParam("lossId") long lossId,
            MultivaluedMap<String, String> posted) {
        LossForm form = PostedForm.bind(posted, LossForm.class);
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            service.updateLoss(id, lossId, form.parse(typed), typed);
            return Flash.redirect(URI.create("/incidents/" + id + "#losses"), "flash.lossUpdated", null);
        }, errors -> {
            Incident incident = incident(id);
            return Templates.lossForm(incident, LossEntry.of(incident, lossId), form, errors, choices());
        }, refusedOnPage(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("{id}/losses/{lossId}/delete")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response removeLoss(@PathParam("id") long id, @PathParam("lossId") long lossId, @RestForm String version) {
        return Step.run(() -> {
            service.removeLoss(id, lossId, Edits.version(version));
            return Flash.redirect(URI.create("/incidents/" + id + "#losses"), "flash.lossRemoved", null);
        }, (errors, problem) -> showPage(incident(id), blankLoss(), new FieldErrors(), problem),
                "error.editConflictReload");
    }

    /** Attaches a file (officers, managers; while the incident can be edited). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Path("{id}/attachments")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response attach(@PathParam("id") long id, @RestForm("file") FileUpload file) {
        return Step.run(() -> {
            service.attach(id, file == null ? null : file.fileName(), files.read(file));
            return Flash.redirect(URI.create("/incidents/" + id + "#attachments"), "attachments.flash.added",
                    incident(id).reference);
        }, (errors, problem) -> showPage(incident(id), blankLoss(), errors, problem));
    }

    /** Everyone who reads the incident downloads its files; always as a download, never opened in the browser. */
    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        return StoredFiles.download(Attachment.of(incident(id), attachmentId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("{id}/attachments/{attachmentId}/delete")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response detach(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId,
            @RestForm String version) {
        return Step.run(() -> {
            service.detach(id, attachmentId, Edits.version(version));
            return Flash.redirect(URI.create("/incidents/" + id + "#attachments"), "attachments.flash.removed",
                    incident(id).reference);
        }, (errors, problem) -> showPage(incident(id), blankLoss(), new FieldErrors(), problem));
    }

    /** A change the incident's state refuses: back to its page, with the reason as a flash message. */
    private static Function<RuleViolationException, Response> refusedOnPage(long id) {
        return e -> Flash.redirect(URI.create("/incidents/" + id), "flash." + e.messageKey(), incident(id).reference);
    }

    private static Incident incident(long id) {
        return Records.require(Incident.class, id);
    }

    /** The incident's page again with a problem above it (also for the links other modules post from it). */
    public Response problem(long id, String problemKey, int status) {
        return Response.status(status).entity(showPage(incident(id), blankLoss(), new FieldErrors(), problemKey))
                .build();
    }

    /** Why the incident cannot be changed now (under review, or closed), on its page. */
    private static Response readOnly(Incident incident) {
        String key = incident.status == IncidentStatus.UNDER_REVIEW
                ? "flash.error.incidentUnderReview"
                : "flash.error.incidentClosed";
        return Flash.redirect(URI.create("/incidents/" + incident.id), key, incident.reference);
    }

    private LossForm blankLoss() {
        return LossForm.blank(service.reportingCurrency(), AppClock.today());
    }

    private TemplateInstance showPage(Incident incident, LossForm lossForm, FieldErrors errors, String problem) {
        return showPage(incident, lossForm, errors, problem, Map.of());
    }

    private TemplateInstance showPage(Incident incident, LossForm lossForm, FieldErrors errors, String problem,
            Map<String, String> typed) {
        List<LossEntry> losses = LossEntry.forIncident(incident);
        return Templates.show(incident, losses, LedgerTotals.byAccountingPeriod(losses), LedgerLock.current(),
                service.lossDataSet(incident, losses), lossForm, errors, problem, choices(),
                links.of(incident, currentUser.canEdit() && incident.editable()),
                CommentThread.of(incident, "/incidents/" + incident.id + "/comments",
                        typed.get(CommentService.FIELD)),
                typed, AttachmentPanel.of(incident, "/incidents/" + incident.id + "/attachments",
                        currentUser.canEdit() && incident.editable(), files));
    }

    private Choices choices() {
        return Choices.of(service.reportingCurrency());
    }

    private static Transition transitionOf(String code) {
        for (Transition transition : Transition.values()) {
            if (transition.code().equals(code)) {
                return transition;
            }
        }
        throw new UnknownRecordException(Transition.class, code);
    }

    /** The list's query parameters (URL contract: q, status, eventType, businessLine, from, to, page, size, sort). */
    public static class ListParams {

        @QueryParam("q")
        public String q;
        @QueryParam("status")
        public String status;
        @QueryParam("eventType")
        public String eventType;
        @QueryParam("businessLine")
        public String businessLine;
        @QueryParam("dates")
        public String dates;
        @QueryParam("dataSet")
        public String dataSet;
        @QueryParam("classifyBy")
        public String classifyBy;
        @QueryParam("from")
        public String from;
        @QueryParam("to")
        public String to;
        @QueryParam("page")
        public String page;
        @QueryParam("size")
        public String size;
        @QueryParam("sort")
        public String sort;

        public IncidentFilter.Params params() {
            return new IncidentFilter.Params(q, status, eventType, businessLine, dates, from, to, dataSet,
                    classifyBy);
        }
    }
}
