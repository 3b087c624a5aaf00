package org.opregister.dora;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.opregister.core.AppClock;
import org.opregister.core.FieldErrors;
import org.opregister.core.OpriskConfig;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.ict.BusinessService;
import org.opregister.incident.Incident;
import org.opregister.web.Flash;
import org.opregister.web.Step;

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
                String currency);

        static native TemplateInstance show(DoraView view, ReportForm reportForm, FieldErrors errors, String problem,
                ReportStage[] stages, String currency);

        static native TemplateInstance form(Incident incident, DoraRecord record, DoraForm form, FieldErrors errors,
                List<BusinessService> services, String zone, String currency);
    }

    @Inject
    DoraService service;

    @Inject
    OpriskConfig config;

    @GET
    public TemplateInstance list() {
        ReportingClock clock = DoraDeadlines.clock(config);
        var now = AppClock.now();
        List<DoraView.Row> rows = DoraRecord.ictRelated().stream()
                .map(r -> new DoraView.Row(r, DoraDeadlines.schedule(clock, r, DoraReport.of(r)), service.zone(), now))
                .toList();
        return Templates.list(rows, DoraAnnual.years(), service.zone().getId(), config.reportingCurrency());
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
