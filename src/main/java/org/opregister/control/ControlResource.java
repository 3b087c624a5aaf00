package org.opregister.control;

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
import org.opregister.control.EffectivenessOverrideForm.EffectivenessOverride;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentLinkStep;
import org.opregister.security.Staff;
import org.opregister.web.CsvExport;
import org.opregister.web.Flash;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.PostedForm;
import org.opregister.web.Step;
import org.opregister.web.TableDownload;
import org.opregister.web.XlsxExport;

/**
 * The control library in the browser, with the risks each control mitigates (linked and unlinked from here by
 * risk.ControlRiskLinkResource, as the risk register keeps those links).
 */
@Path("/controls")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class ControlResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(PageResult<Control> page, String q, FieldErrors errors);

        static native TemplateInstance form(Control control, ControlForm form, FieldErrors errors,
                ControlChoices choices, List<org.opregister.security.User> attesters);

        static native TemplateInstance show(Control control, List<ControlRisks.Line> risks,
                List<ControlRisks.Line> linkable, String problem, List<Incident> incidents,
                List<ControlTestHistory.Line> tests);

        static native TemplateInstance history(Control control, List<AuditLine> entries);

        static native TemplateInstance override(Control control, EffectivenessOverrideForm form, FieldErrors errors,
                String problem, ControlChoices choices);
    }

    @Inject
    ControlTestHistory testHistory;

    @Inject
    ControlRisks.Source risks;

    @Inject
    ControlService service;

    @Inject
    CsvExport csvExport;

    @Inject
    XlsxExport xlsxExport;

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size) {
        FieldErrors errors = new FieldErrors();
        String text = new FormInput(errors).text("q", q, false, 200);
        return Response.status(errors.any() ? 400 : 200)
                .entity(Templates.list(Control.search(text, PageRequest.of(page, size)), q, errors)).build();
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export() {
        return export(csvExport::stream);
    }

    @GET
    @Path("export.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response exportXlsx() {
        return export(xlsxExport::table);
    }

    private Response export(TableDownload download) {
        return download.send("control-library", "controls", "",
                ControlCsv.controls(risks),
                () -> Control.<Control>streamAll(io.quarkus.panache.common.Sort.by("reference")));
    }

    @GET
    @Path("new")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public TemplateInstance createForm() {
        return Templates.form(null, ControlForm.blank(), new FieldErrors(), ControlChoices.INSTANCE, Staff.all());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response create(MultivaluedMap<String, String> posted) {
        ControlForm form = PostedForm.bind(posted, ControlForm.class);
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            Control control = service.createControl(form.parse(typed, null), typed);
            return Flash.redirect(URI.create("/controls/" + control.id), "flash.controlCreated", control.reference);
        }, errors -> Templates.form(null, form, errors, ControlChoices.INSTANCE, Staff.all()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return showPage(Records.require(Control.class, id), null);
    }

    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        Control control = Records.require(Control.class, id);
        return Templates.history(control, AuditLines.history("Control", control.id));
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public TemplateInstance editForm(@PathParam("id") long id) {
        Control control = Records.require(Control.class, id);
        return Templates.form(control, ControlForm.of(control), new FieldErrors(), ControlChoices.INSTANCE,
                Staff.all());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        ControlForm form = PostedForm.bind(posted, ControlForm.class);
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            Control control = service.updateControl(id, form.parse(typed, Records.require(Control.class, id)), typed);
            return Flash.redirect(URI.create("/controls/" + id), "flash.controlUpdated", control.reference);
        }, errors -> Templates.form(Records.require(Control.class, id), form, errors, ControlChoices.INSTANCE,
                Staff.all()));
    }

    @GET
    @Path("{id}/effectiveness")
    @RolesAllowed(Role.MANAGER)
    public TemplateInstance overrideForm(@PathParam("id") long id) {
        Control control = Records.require(Control.class, id);
        return Templates.override(control, EffectivenessOverrideForm.of(control), new FieldErrors(), null,
                ControlChoices.INSTANCE);
    }

    @POST
    @Path("{id}/effectiveness")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response overrideEffectiveness(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        EffectivenessOverrideForm form = PostedForm.bind(posted, EffectivenessOverrideForm.class);
        FieldErrors typed = new FieldErrors();
        EffectivenessOverride override = form.parse(typed);
        return Step.run(() -> Flash.redirect(URI.create("/controls/" + id), "flash.effectivenessOverridden",
                service.overrideEffectiveness(id, override, typed).reference),
                (errors, problem) -> Templates.override(Records.require(Control.class, id), form, errors, problem,
                        ControlChoices.INSTANCE));
    }

    @POST
    @Path("{id}/incidents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response linkIncident(@PathParam("id") long id, @RestForm String incident) {
        return IncidentLinkStep.run(() -> service.linkIncidentControl(Incident.byIdOrReference(incident).id, id, true),
                "/controls/" + id, "flash.failedControlLinked",
                problem -> showPage(Records.require(Control.class, id), problem));
    }

    @POST
    @Path("{id}/incidents/{incidentId}/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response unlinkIncident(@PathParam("id") long id, @PathParam("incidentId") long incidentId) {
        return IncidentLinkStep.run(() -> service.linkIncidentControl(incidentId, id, false),
                "/controls/" + id, "flash.linkRemoved",
                problem -> showPage(Records.require(Control.class, id), problem));
    }

    /** The control's page again with a problem above it (also for the links other modules post from it). */
    public Response problem(long id, String problemKey, int status) {
        return Response.status(status).entity(showPage(Records.require(Control.class, id), problemKey)).build();
    }

    private TemplateInstance showPage(Control control, String problem) {
        ControlRisks linked = risks.of(control);
        return Templates.show(control, linked.linked(), linked.linkable(), problem,
                IncidentControl.incidentsOf(control), testHistory.of(control));
    }
}
