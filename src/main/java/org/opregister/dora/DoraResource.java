package org.opregister.dora;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import org.opregister.core.AppClock;
import org.opregister.core.CurrentLocale;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.Messages;
import org.opregister.core.OpriskConfig;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.core.UnknownRecordException;
import org.opregister.ict.BusinessService;
import org.opregister.incident.Incident;
import org.opregister.web.CsvExport;
import org.opregister.web.Flash;
import org.opregister.web.Step;
import org.opregister.web.XlsxExport;

/**
 * DORA: the ICT-related incidents with their classification and next reporting time limit, each incident's DORA
 * record (criteria, classification history, reports), the form that classifies, and the reports recorded as
 * submitted. Everyone signed in reads; officers and managers classify and record reports.
 */
@Path("/dora")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class DoraResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(List<DoraView.Row> rows, List<DoraAnnual.Year> years, String zone,
                String currency, FieldErrors errors, List<DoraRecurring> recurring, String problem, String reference);

        static native TemplateInstance show(DoraView view, ReportForm reportForm, FieldErrors errors, String problem,
                ReportStage[] stages, String currency);

        static native TemplateInstance form(Incident incident, DoraRecord record, DoraForm form, FieldErrors errors,
                List<BusinessService> services, String zone, String currency);
    }

    @Inject
    DoraService service;

    @Inject
    OpriskConfig config;

    @Inject
    XlsxExport xlsx;

    @Inject
    RecurringIncidents recurring;

    @Inject
    Event<CsvExport.Exported> exported;

    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance list() {
        return listPage(null, new FieldErrors(), "");
    }

    private TemplateInstance listPage(String problem) {
        return listPage(problem, new FieldErrors(), "");
    }

    private TemplateInstance listPage(String problem, FieldErrors errors, String reference) {
        ReportingClock clock = DoraDeadlines.clock(config);
        var now = AppClock.now();
        List<DoraView.Row> rows = DoraRecord.ictRelated().stream()
                .map(r -> new DoraView.Row(r, DoraDeadlines.schedule(clock, r, DoraReport.of(r)), service.zone(), now))
                .toList();
        return Templates.list(rows, DoraAnnual.years(), service.zone().getId(), config.reportingCurrency(),
                errors, DoraRecurring.all(), problem, reference);
    }

    /** A manager confirms a proposal of recurring incidents: they count as one major incident (2024/1772 Art. 8(2)). */
    @POST
    @Path("recurring/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response confirmRecurring(@PathParam("id") long id, @RestForm String version) {
        return decide(id, version, true);
    }

    /** A manager dismisses a proposal of recurring incidents. */
    @POST
    @Path("recurring/{id}/refuse")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response dismissRecurring(@PathParam("id") long id, @RestForm String version) {
        return decide(id, version, false);
    }

    private Response decide(long id, String version, boolean confirm) {
        return Step.run(() -> {
            recurring.decide(id, Edits.version(version), confirm);
            return Flash.redirect("/dora#recurring", confirm
                    ? "flash.doraRecurringConfirmed"
                    : "flash.doraRecurringDismissed", id);
        }, (errors, problem) -> listPage(problem != null ? problem : "error.staleForm"), "error.recordChangedReload",
                rule -> Response.status(409).entity(listPage(rule.messageKey())).build());
    }

    /** Opens the DORA page of an incident named by its reference; unknown: 404, blank: the list. */
    @GET
    @Path("find")
    public Response find(@RestQuery String reference) {
        String key = FormInput.key(reference);
        if (key == null) {
            return Response.seeOther(java.net.URI.create("/dora")).build();
        }
        Incident incident = Incident.findByReference(key);
        if (incident == null) {
            // The search stays on the list with what was typed, as any form with a wrong value does.
            FieldErrors errors = new FieldErrors();
            errors.add("reference", "dora.error.unknownReference", reference.trim());
            return Response.status(Response.Status.NOT_FOUND).entity(listPage(null, errors, reference)).build();
        }
        return Response.seeOther(java.net.URI.create("/dora/incidents/" + incident.id)).build();
    }

    @GET
    @Path("incidents/{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return showPage(id, new ReportForm(), new FieldErrors(), null);
    }

    @GET
    @Path("incidents/{id}/edit")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public TemplateInstance editForm(@PathParam("id") long id) {
        Incident incident = Records.require(Incident.class, id);
        DoraRecord record = DoraRecord.forIncident(id);
        return Templates.form(incident, record, DoraForm.of(record, service.zone()), new FieldErrors(),
                choices(record), service.zone().getId(), config.reportingCurrency());
    }

    @POST
    @Path("incidents/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response save(@PathParam("id") long id, @BeanParam DoraForm form) {
        return Step.form(() -> {
            Records.require(Incident.class, id);
            FieldErrors typed = new FieldErrors();
            boolean creating = DoraRecord.forIncident(id) == null;
            DoraRecord record = service.save(id, form.parse(creating, service.zone(), typed), typed);
            return Flash.redirect("/dora/incidents/" + id,
                    Boolean.TRUE.equals(record.major) ? "flash.doraMajor" : "flash.doraSaved",
                    record.incident.reference);
        }, errors -> {
            DoraRecord record = DoraRecord.forIncident(id);
            return Templates.form(Records.require(Incident.class, id), record, form, errors, choices(record),
                    service.zone().getId(), config.reportingCurrency());
        });
    }

    @POST
    @Path("incidents/{id}/reports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response submit(@PathParam("id") long id, @BeanParam ReportForm form) {
        return Step.run(() -> {
            FieldErrors typed = new FieldErrors();
            DoraReport report = service.submit(id, form.parse(service.zone(), typed), typed);
            return Flash.redirect("/dora/incidents/" + id, "flash.doraReport", report.record.incident.reference);
        }, (errors, problem) -> showPage(id, form, errors, problem), "error.recordChangedReload",
                rule -> Response.status(409).entity(showPage(id, form, new FieldErrors(), rule.messageKey())).build());
    }

    /** The report data of a stage in the fields of ITS 2025/302 Annex I, as JSON; one audit entry per download. */
    @GET
    @Path("incidents/{id}/report.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reportJson(@PathParam("id") long id, @RestQuery String stage) {
        Download download = download(id, stage);
        if (download == null) {
            return Response.status(400).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", Messages.get(CurrentLocale.current(), "dora.error.stage"))).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template", "Implementing Regulation (EU) 2025/302, Annex I");
        body.put("stage", download.stage().slug());
        body.put("incident", download.record().incident.reference);
        Map<String, Object> values = new LinkedHashMap<>();
        download.fields().forEach(f -> values.put(f.code(), f.value() == null ? null : f.text()));
        body.put("fields", values);
        body.put("missingMandatory", ReportData.missing(download.fields()).stream().map(ReportData.Field::code)
                .toList());
        exported.fire(new CsvExport.Exported(username(), download.stem() + ".json", download.filters(),
                download.fields().size()));
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + download.stem() + ".json\"")
                .header("Cache-Control", "no-store").build();
    }

    /** The same as a sheet: code, label, value, one row per field (XLSX); audited by {@link XlsxExport}. */
    @GET
    @Path("incidents/{id}/report.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response reportXlsx(@PathParam("id") long id, @RestQuery String stage) {
        Download download = download(id, stage);
        if (download == null) {
            return Response.status(400).type(MediaType.TEXT_PLAIN)
                    .entity(Messages.get(CurrentLocale.current(), "dora.error.stage")).build();
        }
        var locale = CurrentLocale.current();
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of(Messages.get(locale, "dora.its.code"), Messages.get(locale, "dora.its.field"),
                Messages.get(locale, "dora.its.value"), Messages.get(locale, "dora.its.mandatory")));
        for (ReportData.Field field : download.fields()) {
            List<Object> row = new java.util.ArrayList<>();
            row.add(field.code());
            row.add(Messages.get(locale, field.labelKey()));
            row.add(field.value() instanceof java.math.BigDecimal amount ? amount : field.text());
            row.add(Messages.get(locale, field.missing()
                    ? "dora.its.missing"
                    : field.mandatory()
                            ? "dora.its.yes"
                            : "dora.its.no"));
            rows.add(row);
        }
        return xlsx.grid(download.stem(), download.stem(), download.filters(), "ITS 2025-302",
                List.of(Messages.get(locale, "dora.its.title", Messages.get(locale, "enum.ReportStage."
                        + download.stage()), download.record().incident.reference)),
                rows, download.fields().size());
    }

    /** What a report download needs: the record (major only, else 404), the stage, the fields; null: no stage. */
    private record Download(DoraRecord record, ReportStage stage, List<ReportData.Field> fields) {

        String stem() {
            return "dora-" + stage.slug() + "-" + record.incident.reference.replaceAll("[^A-Za-z0-9_-]", "_");
        }

        String filters() {
            return "incident=" + record.incident.reference + " stage=" + stage.slug();
        }
    }

    private Download download(long id, String stage) {
        Records.require(Incident.class, id);
        DoraRecord record = DoraRecord.forIncident(id);
        if (record == null || !record.ictRelated || !Boolean.TRUE.equals(record.major)) {
            throw new UnknownRecordException(DoraRecord.class, id);
        }
        ReportStage typed = ReportStage.ofSlug(stage);
        if (typed == null) {
            return null;
        }
        return new Download(record, typed, ReportData.fields(typed, record, DoraReport.of(record),
                config.reportingCurrency(), CurrentLocale.current()));
    }

    private String username() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    private TemplateInstance showPage(long id, ReportForm form, FieldErrors errors, String problem) {
        Incident incident = Records.require(Incident.class, id);
        DoraView view = DoraView.of(incident, DoraRecord.forIncident(id), DoraDeadlines.clock(config),
                service.zone(), AppClock.now());
        return Templates.show(view, form, errors, problem, ReportStage.values(), config.reportingCurrency());
    }

    /** The active services, and any inactive one the record already names. */
    private static List<BusinessService> choices(DoraRecord record) {
        List<BusinessService> services = new java.util.ArrayList<>(BusinessService.active());
        if (record != null) {
            record.services.stream().filter(s -> !services.contains(s)).forEach(services::add);
        }
        return services;
    }
}
