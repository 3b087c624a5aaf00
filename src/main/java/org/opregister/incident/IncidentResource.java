package org.opregister.incident;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.opregister.comment.CommentService;
import org.opregister.comment.CommentThread;
import org.opregister.audit.AuditLine;
import org.opregister.audit.AuditLines;
import org.opregister.core.AppClock;
import org.opregister.core.EditConflictException;
import org.opregister.core.InvalidInputException;
import org.opregister.core.RuleViolationException;
import org.opregister.core.Role;
import org.opregister.core.FieldErrors;
import org.opregister.web.Flash;
import org.opregister.core.FormInput;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.Step;

/** The incident register in the browser: list, record, view, edit, workflow and the loss ledger. */
@Path("/incidents")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class IncidentResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageResult<Incident> page, Incident.Totals totals, IncidentFilter.Params params,
                IncidentSort sort, FieldErrors errors, Choices choices);

        static native TemplateInstance form(Incident incident, IncidentForm form, FieldErrors errors, Choices choices);

        static native TemplateInstance show(Incident incident, List<LossEntry> losses, LossForm lossForm,
                FieldErrors errors, String problem, Choices choices, IncidentLinks links, CommentThread thread,
                Map<String, String> typed);

        static native TemplateInstance history(Incident incident, List<AuditLine> entries);

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

    @GET
    public Response list(@BeanParam ListParams query) {
        FieldErrors errors = new FieldErrors();
        IncidentFilter filter = query.params().parse(errors);
        IncidentSort sort = IncidentSort.parse(query.sort);
        PageRequest pageRequest = PageRequest.of(query.page, query.size);
        Incident.Totals totals = Incident.totals(filter);
        PageResult<Incident> page = Incident.search(filter, sort, pageRequest, totals.count());
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
    @Path("new")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public TemplateInstance createForm() {
        return Templates.form(null, IncidentForm.blank(AppClock.today()), new FieldErrors(), choices());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response create(MultivaluedMap<String, String> posted) {
        IncidentForm form = IncidentForm.from(posted);
        try {
            Incident incident = service.create(form);
            return Flash.redirect(URI.create("/incidents/" + incident.id), "flash.incidentCreated", incident.reference);
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Templates.form(null, form, e.errors(), choices())).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        Incident incident = IncidentService.get(id);
        return showPage(incident, LossForm.blank(service.reportingCurrency(), AppClock.today()), new FieldErrors(), null);
    }

    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        Incident incident = IncidentService.get(id);
        return Templates.history(incident, AuditLines.history("Incident", incident.id));
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response editForm(@PathParam("id") long id) {
        Incident incident = IncidentService.get(id);
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
        IncidentForm form = IncidentForm.from(posted);
        try {
            Incident incident = service.update(id, form);
            return Flash.redirect(URI.create("/incidents/" + id), "flash.incidentUpdated", incident.reference);
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Templates.form(IncidentService.get(id), form, e.errors(), choices())).build();
        } catch (EditConflictException e) {
            FieldErrors errors = new FieldErrors().add(FieldErrors.FORM, "error.editConflict");
            return Response.status(409).entity(Templates.form(IncidentService.get(id), form, errors, choices())).build();
        } catch (RuleViolationException e) {
            return Flash.redirect(URI.create("/incidents/" + id), "flash." + e.messageKey(), IncidentService.get(id).reference);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("{id}/transitions/{transition}")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response transition(@PathParam("id") long id, @PathParam("transition") String code,
            @RestForm String version, @RestForm String closureDate, @RestForm String reviewComment) {
        Transition transition = transitionOf(code);
        Map<String, String> typed = Map.of(IncidentService.REVIEW_COMMENT, reviewComment == null ? "" : reviewComment);
        return Step.run(() -> {
            Incident incident = service.transition(id, transition, version, closureDate, reviewComment);
            return Flash.redirect(URI.create("/incidents/" + id), "flash.transition." + transition.name(), incident.reference);
        }, (errors, problem) -> showPage(IncidentService.get(id), blankLoss(), errors, problem, typed),
                "error.editConflictReload");
    }

    /** Adds to the incident's discussion thread; any status, the thread changes nothing on the incident. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("{id}/comments")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response comment(@PathParam("id") long id, @RestForm String comment) {
        Map<String, String> typed = Map.of(CommentService.FIELD, comment == null ? "" : comment);
        return Step.run(() -> {
            commentService.post(IncidentService.get(id), comment);
            return Flash.redirect(URI.create("/incidents/" + id + "#discussion"), "flash.commentPosted", null);
        }, (errors, problem) -> showPage(IncidentService.get(id), blankLoss(), errors, problem, typed));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("{id}/losses")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response addLoss(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        LossForm form = LossForm.from(posted);
        try {
            service.addLoss(id, form);
            return Flash.redirect(URI.create("/incidents/" + id + "#losses"), "flash.lossAdded", null);
        } catch (InvalidInputException e) {
            Incident incident = IncidentService.get(id);
            return Response.status(400).entity(showPage(incident, form, e.errors(), "error.lossInvalid")).build();
        } catch (EditConflictException e) {
            return problem(id, new FieldErrors(), "error.editConflictReload", 409);
        } catch (RuleViolationException e) {
            return problem(id, new FieldErrors(), e.messageKey(), 409);
        }
    }

    @GET
    @Path("{id}/losses/{lossId}/edit")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response editLossForm(@PathParam("id") long id, @PathParam("lossId") long lossId) {
        Incident incident = IncidentService.get(id);
        LossEntry entry = IncidentService.lossOf(incident, lossId);
        if (!incident.editable()) {
            return readOnly(incident);
        }
        return Response.ok(Templates.lossForm(incident, entry, LossForm.of(entry), new FieldErrors(), choices())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("{id}/losses/{lossId}")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response updateLoss(@PathParam("id") long id, @PathParam("lossId") long lossId,
            MultivaluedMap<String, String> posted) {
        LossForm form = LossForm.from(posted);
        try {
            service.updateLoss(id, lossId, form);
            return Flash.redirect(URI.create("/incidents/" + id + "#losses"), "flash.lossUpdated", null);
        } catch (InvalidInputException e) {
            return lossFormAgain(id, lossId, form, e.errors(), 400);
        } catch (EditConflictException e) {
            return lossFormAgain(id, lossId, form, new FieldErrors().add(FieldErrors.FORM, "error.editConflict"), 409);
        } catch (RuleViolationException e) {
            return Flash.redirect(URI.create("/incidents/" + id), "flash." + e.messageKey(), IncidentService.get(id).reference);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("{id}/losses/{lossId}/delete")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response removeLoss(@PathParam("id") long id, @PathParam("lossId") long lossId, @RestForm String version) {
        try {
            service.removeLoss(id, lossId, version);
            return Flash.redirect(URI.create("/incidents/" + id + "#losses"), "flash.lossRemoved", null);
        } catch (InvalidInputException | EditConflictException e) {
            return problem(id, new FieldErrors(), "error.editConflictReload", 409);
        } catch (RuleViolationException e) {
            return problem(id, new FieldErrors(), e.messageKey(), 409);
        }
    }

    private Response lossFormAgain(long id, long lossId, LossForm form, FieldErrors errors, int status) {
        Incident incident = IncidentService.get(id);
        LossEntry entry = IncidentService.lossOf(incident, lossId);
        return Response.status(status).entity(Templates.lossForm(incident, entry, form, errors, choices())).build();
    }

    /** The incident's page again with a problem above it (also for the links other modules post from it). */
    public Response problem(long id, String problemKey, int status) {
        return problem(id, new FieldErrors(), problemKey, status);
    }

    private Response problem(long id, FieldErrors errors, String problemKey, int status) {
        Incident incident = IncidentService.get(id);
        return Response.status(status).entity(showPage(incident, blankLoss(), errors, problemKey)).build();
    }

    /** Why the incident cannot be changed now (under review, or closed), on its page. */
    private static Response readOnly(Incident incident) {
        String key = incident.status == IncidentStatus.UNDER_REVIEW ? "flash.error.incidentUnderReview"
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
        return Templates.show(incident, LossEntry.forIncident(incident), lossForm, errors, problem, choices(),
                links.of(incident), CommentThread.of(incident, "/incidents/" + incident.id + "/comments",
                        typed.get(CommentService.FIELD)), typed);
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
        throw new NotFoundException();
    }

    /** The list's query parameters (URL contract: q, status, eventType, businessLine, from, to, page, size, sort). */
    public static class ListParams {
        @QueryParam("q") public String q;
        @QueryParam("status") public String status;
        @QueryParam("eventType") public String eventType;
        @QueryParam("businessLine") public String businessLine;
        @QueryParam("from") public String from;
        @QueryParam("to") public String to;
        @QueryParam("page") public String page;
        @QueryParam("size") public String size;
        @QueryParam("sort") public String sort;

        public IncidentFilter.Params params() {
            return new IncidentFilter.Params(q, status, eventType, businessLine, from, to);
        }
    }
}
