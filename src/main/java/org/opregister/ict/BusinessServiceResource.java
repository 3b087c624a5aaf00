package org.opregister.ict;

import java.util.List;
import java.util.function.Supplier;

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
import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.web.Flash;
import org.opregister.web.Step;

/**
 * The bank's services and the functions they support (DORA Art. 3(22), ITS 2024/2956 template B_06.01): read by
 * officers, managers and auditors, kept by managers.
 */
@Path("/services")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR})
public class BusinessServiceResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(List<BusinessService> services, String problem);

        static native TemplateInstance form(BusinessService service, BusinessServiceForm form, FieldErrors errors);
    }

    @Inject
    IctRegisterService service;

    @GET
    public TemplateInstance list() {
        return Templates.list(BusinessService.all(), null);
    }

    @GET
    @Path("new")
    @RolesAllowed(Role.MANAGER)
    public TemplateInstance createForm() {
        return Templates.form(null, new BusinessServiceForm(), new FieldErrors());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response create(@BeanParam BusinessServiceForm form) {
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            BusinessService created = service.createService(form.parse(true, typed), typed);
            return Flash.redirect("/services", "flash.ictServiceCreated", created.code);
        }, errors -> Templates.form(null, form, errors));
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed(Role.MANAGER)
    public TemplateInstance editForm(@PathParam("id") long id) {
        BusinessService found = Records.require(BusinessService.class, id);
        return Templates.form(found, BusinessServiceForm.of(found), new FieldErrors());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response update(@PathParam("id") long id, @BeanParam BusinessServiceForm form) {
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            BusinessService updated = service.updateService(id, form.parse(false, typed), typed);
            return Flash.redirect("/services", "flash.ictServiceUpdated", updated.code);
        }, errors -> Templates.form(Records.require(BusinessService.class, id), form, errors));
    }

    @POST
    @Path("{id}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response deactivate(@PathParam("id") long id, @RestForm String version) {
        return listStep(() -> service.setServiceActive(id, Edits.version(version), false),
                "flash.ictServiceDeactivated");
    }

    @POST
    @Path("{id}/activate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response activate(@PathParam("id") long id, @RestForm String version) {
        return listStep(() -> service.setServiceActive(id, Edits.version(version), true), "flash.ictServiceActivated");
    }

    private static Response listStep(Supplier<BusinessService> change, String flash) {
        return Step.run(() -> Flash.redirect("/services", flash, change.get().code),
                (errors, problem) -> Templates.list(BusinessService.all(),
                        problem != null ? problem : "error.staleForm"));
    }
}
