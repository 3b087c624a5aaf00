package org.opregister.risk;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;

import org.opregister.audit.AuditLine;
import org.opregister.audit.AuditLines;
import org.opregister.control.Control;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.OpriskConfig;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentLinkStep;
import org.opregister.risk.RatingsOverrideForm.RatingsOverride;
import org.opregister.security.Staff;
import org.opregister.web.CsvExport;
import org.opregister.web.Flash;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.PostedForm;
import org.opregister.web.Step;
import org.opregister.web.TableDownload;
import org.opregister.web.XlsxExport;

/** The risk register in the browser, with each risk's controls. */
@Path("/risks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class RiskResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(PageResult<Risk> page, RiskFilter.Params params, String sort,
                FieldErrors errors,
                RiskChoices choices);

        static native TemplateInstance form(Risk risk, RiskForm form, FieldErrors errors, RiskChoices choices,
                List<org.opregister.security.User> assessors);

        static native TemplateInstance show(Risk risk, List<Control> controls, List<Control> linkable, String problem,
                List<Incident> incidents, BigDecimal incidentsNetLoss, String currency, RiskAssessments assessments);

        static native TemplateInstance history(Risk risk, List<AuditLine> entries);

        static native TemplateInstance override(Risk risk, RatingsOverrideForm form, FieldErrors errors, String problem,
                RiskChoices choices);

        static native TemplateInstance heatmap(HeatMap inherent, HeatMap residual, List<String> orgUnits,
                String orgUnit,
                String businessLine, FieldErrors errors, RiskChoices choices);
    }

    @Inject
    RiskService service;

    @Inject
    CsvExport csvExport;

    @Inject
    XlsxExport xlsxExport;

    @Inject
    OpriskConfig config;

    @Inject
    RiskAssessments.Source assessments;

    @GET
    public Response list(@BeanParam Query query) {
        FieldErrors errors = new FieldErrors();
        RiskFilter filter = query.params().parse(errors);
        PageResult<Risk> page = Risk.search(filter, query.sort, PageRequest.of(query.page, query.size));
        String sort = query.sort == null || query.sort.isBlank() ? "-residual" : query.sort;
        return Response.status(errors.any() ? 400 : 200)
                .entity(Templates.list(page, query.params(), sort, errors, RiskChoices.INSTANCE)).build();
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
        RiskFilter filter = query.params().parse(errors);
        if (errors.any()) {
            return CsvExport.badFilter(errors);
        }
        return download.send("risk-register", "risks", query.params().queryString(),
                RiskCsv.RISKS, () -> Risk.streamAll(filter, query.sort));
    }

    @GET
    @Path("heatmap")
    public Response heatmap(@QueryParam("orgUnit") String orgUnit, @QueryParam("businessLine") String businessLine) {
        FieldErrors errors = new FieldErrors();
        FormInput input = new FormInput(errors);
        String unit = input.text("orgUnit", orgUnit, false, Risk.NAME_MAX);
        org.opregister.taxonomy.BusinessLine line = input.choice("businessLine", businessLine,
                org.opregister.taxonomy.BusinessLine.class, false);
        return Response.status(errors.any() ? 400 : 200).entity(Templates.heatmap(HeatMap.of("inherent", unit, line),
                HeatMap.of("residual", unit, line), HeatMap.orgUnits(), orgUnit, businessLine, errors,
                RiskChoices.INSTANCE))
                .build();
    }

    @GET
    @Path("new")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public TemplateInstance createForm() {
        return Templates.form(null, RiskForm.blank(), new FieldErrors(), RiskChoices.INSTANCE, Staff.all());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response create(MultivaluedMap<String, String> posted) {
        RiskForm form = PostedForm.bind(posted, RiskForm.class);
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            Risk risk = service.createRisk(form.parse(typed, null), typed);
            return Flash.redirect(URI.create("/risks/" + risk.id), "flash.riskCreated", risk.reference);
        }, errors -> Templates.form(null, form, errors, RiskChoices.INSTANCE, Staff.all()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        Risk risk = Records.require(Risk.class, id);
        return showPage(risk, null);
    }

    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        Risk risk = Records.require(Risk.class, id);
        return Templates.history(risk, AuditLines.history("Risk", risk.id));
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public TemplateInstance editForm(@PathParam("id") long id) {
        Risk risk = Records.require(Risk.class, id);
        return Templates.form(risk, RiskForm.of(risk), new FieldErrors(), RiskChoices.INSTANCE, Staff.all());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        RiskForm form = PostedForm.bind(posted, RiskForm.class);
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            Risk risk = service.updateRisk(id, form.parse(typed, Records.require(Risk.class, id)), typed);
            return Flash.redirect(URI.create("/risks/" + id), "flash.riskUpdated", risk.reference);
        }, errors -> Templates.form(Records.require(Risk.class, id), form, errors, RiskChoices.INSTANCE, Staff.all()));
    }

    @GET
    @Path("{id}/ratings")
    @RolesAllowed(Role.MANAGER)
    public TemplateInstance overrideForm(@PathParam("id") long id) {
        Risk risk = Records.require(Risk.class, id);
        return Templates.override(risk, RatingsOverrideForm.of(risk), new FieldErrors(), null, RiskChoices.INSTANCE);
    }

    @POST
    @Path("{id}/ratings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response overrideRatings(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        RatingsOverrideForm form = PostedForm.bind(posted, RatingsOverrideForm.class);
        FieldErrors typed = new FieldErrors();
        RatingsOverride override = form.parse(typed);
        return Step.run(() -> Flash.redirect(URI.create("/risks/" + id), "flash.ratingsOverridden",
                service.overrideRatings(id, override, typed).reference),
                (errors, problem) -> Templates.override(Records.require(Risk.class, id), form, errors, problem,
                        RiskChoices.INSTANCE));
    }

    @POST
    @Path("{id}/controls")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response link(@PathParam("id") long id, @RestForm String control) {
        Long controlId = FormInput.id(control);
        if (controlId == null) {
            return Response.status(400).entity(showPage(Records.require(Risk.class, id), "error.chooseControl"))
                    .build();
        }
        service.linkRiskControl(id, controlId, true);
        return Flash.redirect(URI.create("/risks/" + id + "#controls"), "flash.controlLinked", null);
    }

    @POST
    @Path("{id}/incidents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response linkIncident(@PathParam("id") long id, @RestForm String incident) {
        return IncidentLinkStep.run(() -> service.linkIncidentRisk(Incident.byIdOrReference(incident).id, id, true),
                "/risks/" + id, "flash.riskLinked", problem -> showPage(Records.require(Risk.class, id), problem));
    }

    @POST
    @Path("{id}/incidents/{incidentId}/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response unlinkIncident(@PathParam("id") long id, @PathParam("incidentId") long incidentId) {
        return IncidentLinkStep.run(() -> service.linkIncidentRisk(incidentId, id, false),
                "/risks/" + id, "flash.linkRemoved", problem -> showPage(Records.require(Risk.class, id), problem));
    }

    @POST
    @Path("{id}/controls/{controlId}/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response unlink(@PathParam("id") long id, @PathParam("controlId") long controlId) {
        service.linkRiskControl(id, controlId, false);
        return Flash.redirect(URI.create("/risks/" + id + "#controls"), "flash.controlUnlinked", null);
    }

    private TemplateInstance showPage(Risk risk, String problem) {
        List<Control> linked = risk.controls();
        List<Control> linkable = Control.all().stream().filter(c -> linked.stream().noneMatch(l -> l.id.equals(c.id)))
                .toList();
        return Templates.show(risk, linked, linkable, problem, IncidentRisk.incidentsOf(risk),
                IncidentRisk.netLossOf(risk),
                config.reportingCurrency(), assessments.of(risk));
    }

    /** The register's query parameters: q, status, eventType, businessLine, band, page, size, sort. */
    public static class Query {

        @QueryParam("q")
        public String q;
        @QueryParam("status")
        public String status;
        @QueryParam("eventType")
        public String eventType;
        @QueryParam("businessLine")
        public String businessLine;
        @QueryParam("band")
        public String band;
        @QueryParam("orgUnit")
        public String orgUnit;
        @QueryParam("inherent")
        public String inherent;
        @QueryParam("residual")
        public String residual;
        @QueryParam("page")
        public String page;
        @QueryParam("size")
        public String size;
        @QueryParam("sort")
        public String sort;

        RiskFilter.Params params() {
            return new RiskFilter.Params(q, status, eventType, businessLine, band, orgUnit, inherent, residual);
        }
    }
}
