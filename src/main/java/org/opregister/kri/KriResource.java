package org.opregister.kri;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.BeanParam;
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
import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.opregister.audit.AuditLine;
import org.opregister.audit.AuditLines;
import org.opregister.core.AppClock;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.InvalidInputException;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.risk.Risk;
import org.opregister.web.CsvExport;
import org.opregister.web.Flash;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.PostedForm;
import org.opregister.web.Step;
import org.opregister.web.TableDownload;
import org.opregister.web.XlsxExport;

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
    XlsxExport xlsxExport;

    @Inject
    EntityManager em;

    @GET
    public Response list(@BeanParam KriFilter.Params params) {
        FieldErrors errors = new FieldErrors();
        PageResult<Kri> kris = Kri.search(params.parse(errors), PageRequest.of(params.page, params.size));
        PageResult<KriTrend> rows = new PageResult<>(KriTrend.of(kris.items()), kris.request(),
                kris.total());
        return Response.status(errors.any() ? 400 : 200).entity(Templates.list(rows, params.q, params.status, errors,
                KriChoices.INSTANCE, KriBreach.open().size(), params.pagerBase())).build();
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
        return export(csvExport::stream);
    }

    @GET
    @Path("export.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response exportXlsx() {
        return export(xlsxExport::table);
    }

    private Response export(TableDownload download) {
        return download.send("kri-definitions", "kris", "", KriCsv.DEFINITIONS,
                () -> Kri.streamAll().map(KriTrend::of));
    }

    @GET
    @Path("values.csv")
    @Produces("text/csv")
    public Response exportValues(@QueryParam("kri") String kri) {
        return exportValues(kri, csvExport::stream);
    }

    @GET
    @Path("values.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response exportValuesXlsx(@QueryParam("kri") String kri) {
        return exportValues(kri, xlsxExport::table);
    }

    private Response exportValues(String kri, TableDownload download) {
        String reference = FormInput.key(kri);
        if (!FormInput.blank(kri) && (reference == null || Kri.count("reference", reference) == 0)) {
            return CsvExport.badFilter(new FieldErrors().add("kri", "error.noSuchKri"));
        }
        return download.send("kri-values", "kri-values", reference == null ? "" : "kri=" + reference,
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
        KriForm form = PostedForm.bind(posted, KriForm.class);
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            Kri kri = service.create(form.parse(typed), typed);
            return Flash.redirect(URI.create("/kris/" + kri.id), "flash.kriCreated", kri.reference);
        }, errors -> Templates.form(null, form, errors, KriChoices.INSTANCE));
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        Kri kri = kri(id);
        return showPage(kri, ValueForm.blank(kri, AppClock.today()), new FieldErrors(), new FieldErrors(), null);
    }

    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        Kri kri = kri(id);
        return Templates.history(kri, AuditLines.history("Kri", kri.id));
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public TemplateInstance editForm(@PathParam("id") long id) {
        Kri kri = kri(id);
        return Templates.form(kri, KriForm.of(kri, AppClock.today()), new FieldErrors(), KriChoices.INSTANCE);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        KriForm form = PostedForm.bind(posted, KriForm.class);
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            Kri kri = service.update(id, form.parse(typed), typed);
            return Flash.redirect(URI.create("/kris/" + id), "flash.kriUpdated", kri.reference);
        }, errors -> Templates.form(kri(id), form, errors, KriChoices.INSTANCE));
    }

    @POST
    @Path("{id}/values")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response record(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        ValueForm form = PostedForm.bind(posted, ValueForm.class);
        return Step.run(() -> {
            FieldErrors typed = new FieldErrors();
            KriValue value = service.record(id, form.parse(kri(id), typed, AppClock.today()), typed);
            return Flash.redirect(URI.create("/kris/" + id + "#values"), value.status == KriStatus.RED
                    ? "flash.kriValueBreach"
                    : "flash.kriValueRecorded", value.period());
        }, (errors, problem) -> showPage(kri(id), form, errors, new FieldErrors(), problem));
    }

    @POST
    @Path("{id}/values/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response upload(@PathParam("id") long id, @RestForm("file") FileUpload file) {
        Kri kri = kri(id);
        ValueForm blank = ValueForm.blank(kri, AppClock.today());
        return Step.run(() -> {
            if (file == null || file.uploadedFile() == null || file.size() == 0) {
                throw new InvalidInputException(new FieldErrors().add("1", "error.uploadEmpty"));
            }
            try (InputStream in = Files.newInputStream(file.uploadedFile())) {
                int stored = service.upload(id, in);
                return Flash.redirect(URI.create("/kris/" + id + "#values"), "flash.kriValuesUploaded", stored);
            } catch (IOException e) {
                throw new InvalidInputException(new FieldErrors().add("1", "error.uploadUnreadable"));
            }
        }, (errors, problem) -> showPage(kri(id), blank, new FieldErrors(), errors, problem));
    }

    @GET
    @Path("{id}/values/{valueId}/edit")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response editValue(@PathParam("id") long id, @PathParam("valueId") long valueId) {
        Kri kri = kri(id);
        KriValue value = KriValue.of(kri, valueId);
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
        ValueForm form = PostedForm.bind(posted, ValueForm.class);
        return Step.form(() -> {
            Kri kri = kri(id);
            // A correction keeps its period (a computed KRI's values are refused before the typing counts).
            form.period = kri.computed() ? null : KriValue.of(kri, valueId).period();
            FieldErrors typed = new FieldErrors();
            KriValue value = service.correct(id, valueId, form.parse(kri, typed, AppClock.today()), typed);
            return Flash.redirect(URI.create("/kris/" + id + "#values"), "flash.kriValueCorrected", value.period());
        }, errors -> {
            Kri kri = kri(id);
            return Templates.valueForm(kri, KriValue.of(kri, valueId), form, errors);
        }, e -> Flash.redirect(URI.create("/kris/" + id), "flash." + e.messageKey(), null));
    }

    @POST
    @Path("{id}/risks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response linkRisk(@PathParam("id") long id, @RestForm String risk) {
        Long riskId = FormInput.id(risk);
        if (riskId == null || Risk.findById(riskId) == null) {
            Kri kri = kri(id);
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
        List<Risk> linkable = Risk.active().stream().filter(r -> risks.stream().noneMatch(l -> l.id.equals(r.id)))
                .toList();
        return Templates.show(kri, values, KriChart.of(kri, values), KriTrend.of(kri), KriThreshold.of(kri),
                KriBreach.of(kri), risks, linkable, valueForm, errors, uploadErrors, problem);
    }

    private static Kri kri(long id) {
        return Records.require(Kri.class, id);
    }
}
