package org.opregister.kri;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.opregister.audit.AuditLine;
import org.opregister.audit.AuditLines;
import org.opregister.core.AppClock;
import org.opregister.core.EditConflictException;
import org.opregister.core.InvalidInputException;
import org.opregister.core.RuleViolationException;
import org.opregister.risk.Risk;
import org.opregister.core.Role;
import org.opregister.web.CsvExport;
import org.opregister.core.FieldErrors;
import org.opregister.web.Flash;
import org.opregister.core.FormInput;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.QueryString;

/** Key risk indicators in the browser: definitions, values (typed or uploaded), trend, breaches. */
@Path("/kris")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class KriResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageResult<KriTrend> page, String q, String status, FieldErrors errors,
                KriChoices choices, long openBreaches, String pagerBase);

        static native TemplateInstance form(Kri kri, KriForm form, FieldErrors errors, KriChoices choices);

        static native TemplateInstance show(Kri kri, List<KriValue> values, KriChart chart, KriTrend trend,
                List<KriThreshold> thresholds, List<KriBreach> breaches, List<Risk> risks, List<Risk> linkable,
                ValueForm valueForm, FieldErrors errors, FieldErrors uploadErrors, String problem);

        static native TemplateInstance valueForm(Kri kri, KriValue value, ValueForm form, FieldErrors errors);

        static native TemplateInstance history(Kri kri, List<AuditLine> entries);

        static native TemplateInstance breaches(List<KriBreach> open, List<KriBreach> recent);
    }

    @Inject
    KriService service;

    @Inject
    CsvExport csvExport;

    @Inject
    EntityManager em;

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        FieldErrors errors = new FieldErrors();
        FormInput input = new FormInput(errors);
        String text = input.text("q", q, false, 200);
        KriActivity activity = input.choice("status", status, KriActivity.class, false);
        PageResult<Kri> kris = Kri.search(text, activity, PageRequest.of(page, size));
        PageResult<KriTrend> rows = new PageResult<>(kris.items().stream().map(KriTrend::of).toList(), kris.request(),
                kris.total());
        String query = new QueryString().add("q", q).add("status", status).toString();
        return Response.status(errors.any() ? 400 : 200).entity(Templates.list(rows, q, status, errors, KriChoices.INSTANCE,
                KriBreach.open().size(), "/kris?" + (query.isEmpty() ? "" : query + "&"))).build();
    }

    @GET
    @Path("breaches")
    public TemplateInstance breaches() {
        return Templates.breaches(KriBreach.open(), KriBreach.recent(50));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export() {
        return csvExport.stream("kri-definitions", "kris", "", KriCsv.DEFINITIONS, () -> Kri.streamAll().map(KriTrend::of));
    }

    @GET
    @Path("values.csv")
    @Produces("text/csv")
    public Response exportValues(@QueryParam("kri") String kri) {
        String reference = FormInput.key(kri);
        if (!FormInput.blank(kri) && (reference == null || Kri.count("reference", reference) == 0)) {
            return CsvExport.badFilter(new FieldErrors().add("kri", "error.noSuchKri"));
        }
        return csvExport.stream("kri-values", "kri-values", reference == null ? "" : "kri=" + reference,
                KriCsv.VALUES, () -> KriValue.streamForExport(reference));
    }

    @GET
    @Path("new")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public TemplateInstance createForm() {
        return Templates.form(null, KriForm.blank(AppClock.today()), new FieldErrors(), KriChoices.INSTANCE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response create(MultivaluedMap<String, String> posted) {
        KriForm form = KriForm.from(posted);
        try {
            Kri kri = service.create(form);
            return Flash.redirect(URI.create("/kris/" + kri.id), "flash.kriCreated", kri.reference);
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Templates.form(null, form, e.errors(), KriChoices.INSTANCE)).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        Kri kri = KriService.kri(id);
        return showPage(kri, ValueForm.blank(kri, AppClock.today()), new FieldErrors(), new FieldErrors(), null);
    }

    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        Kri kri = KriService.kri(id);
        return Templates.history(kri, AuditLines.history("Kri", kri.id));
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public TemplateInstance editForm(@PathParam("id") long id) {
        Kri kri = KriService.kri(id);
        return Templates.form(kri, KriForm.of(kri, AppClock.today()), new FieldErrors(), KriChoices.INSTANCE);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        KriForm form = KriForm.from(posted);
        try {
            Kri kri = service.update(id, form);
            return Flash.redirect(URI.create("/kris/" + id), "flash.kriUpdated", kri.reference);
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Templates.form(KriService.kri(id), form, e.errors(), KriChoices.INSTANCE)).build();
        } catch (EditConflictException e) {
            FieldErrors errors = new FieldErrors().add(FieldErrors.FORM, "error.editConflict");
            return Response.status(409).entity(Templates.form(KriService.kri(id), form, errors, KriChoices.INSTANCE)).build();
        }
    }

    @POST
    @Path("{id}/values")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response record(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        ValueForm form = ValueForm.from(posted);
        try {
            KriValue value = service.record(id, form);
            return Flash.redirect(URI.create("/kris/" + id + "#values"), value.status == KriStatus.RED
                    ? "flash.kriValueBreach" : "flash.kriValueRecorded", value.period());
        } catch (InvalidInputException e) {
            return Response.status(400).entity(showPage(KriService.kri(id), form, e.errors(), new FieldErrors(), null)).build();
        } catch (RuleViolationException e) {
            return Response.status(409).entity(showPage(KriService.kri(id), form, new FieldErrors(), new FieldErrors(),
                    e.messageKey())).build();
        }
    }

    @POST
    @Path("{id}/values/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response upload(@PathParam("id") long id, @RestForm("file") FileUpload file) {
        Kri kri = KriService.kri(id);
        ValueForm blank = ValueForm.blank(kri, AppClock.today());
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return Response.status(400).entity(showPage(kri, blank, new FieldErrors(),
                    new FieldErrors().add("1", "error.uploadEmpty"), null)).build();
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            int stored = service.upload(id, in);
            return Flash.redirect(URI.create("/kris/" + id + "#values"), "flash.kriValuesUploaded", stored);
        } catch (InvalidInputException e) {
            return Response.status(400).entity(showPage(KriService.kri(id), blank, new FieldErrors(), e.errors(), null)).build();
        } catch (RuleViolationException e) {
            return Response.status(409).entity(showPage(KriService.kri(id), blank, new FieldErrors(), new FieldErrors(),
                    e.messageKey())).build();
        } catch (IOException e) {
            return Response.status(400).entity(showPage(KriService.kri(id), blank, new FieldErrors(),
                    new FieldErrors().add("1", "error.uploadUnreadable"), null)).build();
        }
    }

    @GET
    @Path("{id}/values/{valueId}/edit")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response editValue(@PathParam("id") long id, @PathParam("valueId") long valueId) {
        Kri kri = KriService.kri(id);
        KriValue value = KriService.value(kri, valueId);
        if (kri.computed()) {
            return Flash.redirect(URI.create("/kris/" + id), "flash.error.kriComputed", null);
        }
        return Response.ok(Templates.valueForm(kri, value, ValueForm.of(value), new FieldErrors())).build();
    }

    @POST
    @Path("{id}/values/{valueId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response correctValue(@PathParam("id") long id, @PathParam("valueId") long valueId,
            MultivaluedMap<String, String> posted) {
        ValueForm form = ValueForm.from(posted);
        try {
            KriValue value = service.correct(id, valueId, form);
            return Flash.redirect(URI.create("/kris/" + id + "#values"), "flash.kriValueCorrected", value.period());
        } catch (InvalidInputException e) {
            Kri kri = KriService.kri(id);
            return Response.status(400).entity(Templates.valueForm(kri, KriService.value(kri, valueId), form, e.errors())).build();
        } catch (EditConflictException e) {
            Kri kri = KriService.kri(id);
            return Response.status(409).entity(Templates.valueForm(kri, KriService.value(kri, valueId), form,
                    new FieldErrors().add(FieldErrors.FORM, "error.editConflict"))).build();
        } catch (RuleViolationException e) {
            return Flash.redirect(URI.create("/kris/" + id), "flash." + e.messageKey(), null);
        }
    }

    @POST
    @Path("{id}/risks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response linkRisk(@PathParam("id") long id, @RestForm String risk) {
        Long riskId = FormInput.id(risk);
        if (riskId == null || Risk.findById(riskId) == null) {
            Kri kri = KriService.kri(id);
            return Response.status(400).entity(showPage(kri, ValueForm.blank(kri, AppClock.today()), new FieldErrors(),
                    new FieldErrors(), "error.chooseRisk")).build();
        }
        service.linkRisk(id, riskId, true);
        return Flash.redirect(URI.create("/kris/" + id + "#risks"), "flash.riskLinked", null);
    }

    @POST
    @Path("{id}/risks/{riskId}/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response unlinkRisk(@PathParam("id") long id, @PathParam("riskId") long riskId) {
        service.linkRisk(id, riskId, false);
        return Flash.redirect(URI.create("/kris/" + id + "#risks"), "flash.linkRemoved", null);
    }

    private TemplateInstance showPage(Kri kri, ValueForm valueForm, FieldErrors errors, FieldErrors uploadErrors,
            String problem) {
        List<KriValue> values = KriValue.of(kri);
        List<Risk> risks = KriRisk.risksOf(kri);
        List<Risk> linkable = Risk.active().stream().filter(r -> risks.stream().noneMatch(l -> l.id.equals(r.id))).toList();
        return Templates.show(kri, values, KriChart.of(kri, values), KriTrend.of(kri), KriThreshold.of(kri),
                KriBreach.of(kri), risks, linkable, valueForm, errors, uploadErrors, problem);
    }
}
