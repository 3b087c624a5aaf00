package org.opregister.incident;

import java.net.URI;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.Role;
import org.opregister.web.Flash;
import org.opregister.web.Step;
import org.opregister.web.XlsxExport;

/**
 * The loss ledger across the register: its CSV (one row per loss line with its incident's reference) and its period
 * lock, which makes a return built from locked periods reproducible.
 */
@Path("/losses")
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class LossLedgerResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance lock(LedgerLock lock, String closedThrough, FieldErrors errors);
    }

    @Inject
    IncidentExports exports;

    @Inject
    IncidentService service;

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@BeanParam IncidentResource.ListParams query) {
        return exports.losses(query);
    }

    @GET
    @Path("export.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response exportXlsx(@BeanParam IncidentResource.ListParams query) {
        return exports.lossesXlsx(query);
    }

    @GET
    @Path("lock")
    public TemplateInstance lock() {
        return Templates.lock(LedgerLock.current(), null, new FieldErrors());
    }

    @POST
    @Path("lock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response closeThrough(@RestForm String closedThrough, @RestForm String version) {
        return Step.form(() -> {
            FieldErrors errors = new FieldErrors();
            LocalDate date = new FormInput(errors).date("closedThrough", closedThrough, true);
            LedgerLock lock = service.lockLedgerThrough(date, Edits.version(version), errors);
            return Flash.redirect(URI.create("/losses/lock"), "flash.ledgerLocked", lock.closedThrough.toString());
        }, errors -> Templates.lock(LedgerLock.current(), closedThrough, errors));
    }
}
