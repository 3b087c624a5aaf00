package org.opregister.controltest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;

import org.opregister.audit.AuditLine;
import org.opregister.audit.AuditLines;
import org.opregister.control.Control;
import org.opregister.core.AppClock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.security.CurrentUser;
import org.opregister.security.Reassignment;
import org.opregister.security.Staff;
import org.opregister.security.User;
import org.opregister.web.CsvExport;
import org.opregister.web.Flash;
import org.opregister.web.Step;
import org.opregister.web.TableDownload;
import org.opregister.web.XlsxExport;

/** Self-certification rounds in the browser: launch, answer, follow who has answered, close, export. */
@Path("/attestations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class AttestationResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(List<AttestationCampaign> campaigns, List<Attestation> toAnswer);

        static native TemplateInstance form(LaunchForm form, FieldErrors errors, List<Control> controls);

        static native TemplateInstance show(AttestationCampaign campaign, List<Attestation> items, FieldErrors errors,
                Map<String, String> typed, Long formItem, String problem, List<User> attesters);

        static native TemplateInstance history(AttestationCampaign campaign, List<AuditLine> entries);
    }

    @Inject
    AttestationService service;

    @Inject
    CurrentUser currentUser;

    @Inject
    CsvExport csvExport;

    @Inject
    XlsxExport xlsxExport;

    @GET
    public TemplateInstance list() {
        return Templates.list(AttestationCampaign.list("order by periodEnd desc, id desc"),
                currentUser.canEdit() ? Attestation.toAnswer(currentUser.username()) : List.of());
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("campaign") String campaign) {
        return export(campaign, csvExport::stream);
    }

    @GET
    @Path("export.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response exportXlsx(@QueryParam("campaign") String campaign) {
        return export(campaign, xlsxExport::table);
    }

    private Response export(String campaign, TableDownload download) {
        String reference = FormInput.key(campaign);
        if (!FormInput.blank(campaign)
                && (reference == null || AttestationCampaign.findByReference(reference) == null)) {
            return CsvExport.badFilter(new FieldErrors().add("campaign", "error.noSuchCampaign"));
        }
        return download.send("certification-results", "attestations",
                reference == null ? "" : "campaign=" + reference,
                AttestationCsv.COLUMNS, () -> Attestation.streamForExport(reference));
    }

    @GET
    @Path("new")
    @RolesAllowed(Role.MANAGER)
    public TemplateInstance createForm() {
        return Templates.form(LaunchForm.blank(AppClock.today()), new FieldErrors(), Control.all());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response create(@BeanParam LaunchForm form) {
        return Step.form(() -> {
            AttestationCampaign campaign = service.launch(form.parse(new FieldErrors()));
            return Flash.redirect(URI.create("/attestations/" + campaign.id), "flash.attestationLaunched",
                    campaign.reference);
        }, errors -> Templates.form(form, errors, Control.all()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return showPage(Records.require(AttestationCampaign.class, id), new FieldErrors(), Map.of(), null, null);
    }

    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        AttestationCampaign campaign = Records.require(AttestationCampaign.class, id);
        return Templates.history(campaign, AuditLines.history("AttestationCampaign", campaign.id));
    }

    @POST
    @Path("{id}/items/{itemId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response answer(@PathParam("id") long id, @PathParam("itemId") long itemId, @RestForm String version,
            @RestForm String response, @RestForm String comment) {
        Map<String, String> typed = Map.of("response", response == null ? "" : response, "comment",
                comment == null ? "" : comment);
        return step(id, itemId, typed, "flash.attestationAnswered",
                () -> service.answer(id, itemId, AttestationService.Answer.read(version, response, comment)));
    }

    @POST
    @Path("{id}/items/{itemId}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response assign(@PathParam("id") long id, @PathParam("itemId") long itemId, @RestForm String version,
            @RestForm String assignee) {
        return step(id, itemId, Map.of(), "flash.attestationAssigned",
                () -> service.assign(id, itemId, Reassignment.read(version, assignee)));
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response close(@PathParam("id") long id, @RestForm String version) {
        return step(id, null, Map.of(), "flash.attestationClosed", () -> service.close(id, Edits.version(version)));
    }

    private Response step(long id, Long itemId, Map<String, String> typed, String flashKey, Runnable change) {
        return Step.run(() -> {
            change.run();
            return Flash.redirect(URI.create("/attestations/" + id + (itemId == null ? "" : "#item-" + itemId)),
                    flashKey,
                    Records.require(AttestationCampaign.class, id).reference);
        }, (errors, problem) -> showPage(Records.require(AttestationCampaign.class, id), errors, typed, itemId,
                problem == null && errors.has("assignee") ? "error.noSuchAssessor" : problem));
    }

    private TemplateInstance showPage(AttestationCampaign campaign, FieldErrors errors, Map<String, String> typed,
            Long formItem, String problem) {
        return Templates.show(campaign, campaign.items(), errors, typed, formItem, problem,
                currentUser.isManager() ? Staff.all() : List.of());
    }
}
