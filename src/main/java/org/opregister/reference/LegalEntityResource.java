package org.opregister.reference;

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
import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.web.Flash;
import org.opregister.web.Step;

/** The legal entities of the group: read by officers, managers and auditors, kept by managers. */
@Path("/legal-entities")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR})
public class LegalEntityResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(List<LegalEntity> entities, String problem);

        static native TemplateInstance form(LegalEntity entity, LegalEntityForm form, FieldErrors errors);
    }

    @Inject
    LegalEntityService service;

    @GET
    public TemplateInstance list() {
        return Templates.list(LegalEntity.all(), null);
    }

    @GET
    @Path("new")
    @RolesAllowed(Role.MANAGER)
    public TemplateInstance createForm() {
        return Templates.form(null, new LegalEntityForm(), new FieldErrors());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response create(@BeanParam LegalEntityForm form) {
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            LegalEntity entity = service.create(form.parse(true, typed), typed);
            return Flash.redirect("/legal-entities", "flash.legalEntityCreated", entity.code);
        }, errors -> Templates.form(null, form, errors));
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed(Role.MANAGER)
    public TemplateInstance editForm(@PathParam("id") long id) {
        LegalEntity entity = Records.require(LegalEntity.class, id);
        return Templates.form(entity, LegalEntityForm.of(entity), new FieldErrors());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response update(@PathParam("id") long id, @BeanParam LegalEntityForm form) {
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            LegalEntity entity = service.update(id, form.parse(false, typed), typed);
            return Flash.redirect("/legal-entities", "flash.legalEntityUpdated", entity.code);
        }, errors -> Templates.form(Records.require(LegalEntity.class, id), form, errors));
    }

    @POST
    @Path("{id}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response deactivate(@PathParam("id") long id, @RestForm String version) {
        return listStep(() -> service.setActive(id, Edits.version(version), false), "flash.legalEntityDeactivated");
    }

    @POST
    @Path("{id}/activate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response activate(@PathParam("id") long id, @RestForm String version) {
        return listStep(() -> service.setActive(id, Edits.version(version), true), "flash.legalEntityActivated");
    }

    @POST
    @Path("{id}/default")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response makeDefault(@PathParam("id") long id, @RestForm String version) {
        return listStep(() -> service.makeDefault(id, Edits.version(version)), "flash.legalEntityDefault");
    }

    private static Response listStep(java.util.function.Supplier<LegalEntity> change, String flash) {
        return Step.run(() -> Flash.redirect("/legal-entities", flash, change.get().code),
                (errors, problem) -> Templates.list(LegalEntity.all(), problem != null ? problem : "error.staleForm"));
    }
}
