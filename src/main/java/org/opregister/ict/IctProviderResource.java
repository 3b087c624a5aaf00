package org.opregister.ict;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.OpriskConfig;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.incident.Incident;
import org.opregister.web.Flash;
import org.opregister.web.Step;

/**
 * The register of ICT third-party providers (DORA Art. 28(3)): providers, their contractual arrangements and the
 * incidents they were involved in. Officers, managers and auditors read it; officers and managers keep it.
 */
@Path("/ict-providers")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR})
public class IctProviderResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(List<IctProvider> providers, IctKri.Figure kri);

        static native TemplateInstance form(IctProvider provider, IctProviderForm form, FieldErrors errors,
                List<PersonType> personTypes);

        static native TemplateInstance show(ProviderPage page, String problem, FieldErrors errors,
                String typedIncident, Long typedContract);

        static native TemplateInstance contractForm(IctProvider provider, IctContract contract, IctContractForm form,
                FieldErrors errors, ContractChoices choices);
    }

    /** The choices of the contract form. */
    public record ContractChoices(List<IctServiceType> serviceTypes, List<Substitutability> substitutabilities,
            List<BusinessService> services) {

        static ContractChoices of() {
            return new ContractChoices(List.of(IctServiceType.values()), List.of(Substitutability.values()),
                    BusinessService.all());
        }
    }

    @Inject
    IctRegisterService service;

    @Inject
    OpriskConfig config;

    @GET
    public TemplateInstance list() {
        return Templates.list(IctProvider.all(), IctKri.measure(IctContract.register()));
    }

    @GET
    @Path("new")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public TemplateInstance createForm() {
        return Templates.form(null, IctProviderForm.blank(), new FieldErrors(), List.of(PersonType.values()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response create(@BeanParam IctProviderForm form) {
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            IctProvider created = service.createProvider(form.parse(true, typed), typed);
            return Flash.redirect("/ict-providers/" + created.id, "flash.ictProviderCreated", created.name);
        }, errors -> Templates.form(null, form, errors, List.of(PersonType.values())));
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id) {
        return showPage(id, null, new FieldErrors(), null, null);
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public TemplateInstance editForm(@PathParam("id") long id) {
        IctProvider provider = Records.require(IctProvider.class, id);
        return Templates.form(provider, IctProviderForm.of(provider), new FieldErrors(), List.of(PersonType.values()));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response update(@PathParam("id") long id, @BeanParam IctProviderForm form) {
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            IctProvider updated = service.updateProvider(id, form.parse(false, typed), typed);
            return Flash.redirect("/ict-providers/" + updated.id, "flash.ictProviderUpdated", updated.name);
        }, errors -> Templates.form(Records.require(IctProvider.class, id), form, errors,
                List.of(PersonType.values())));
    }

    @GET
    @Path("{id}/contracts/new")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public TemplateInstance contractCreateForm(@PathParam("id") long id) {
        return Templates.contractForm(Records.require(IctProvider.class, id), null, IctContractForm.blank(),
                new FieldErrors(), ContractChoices.of());
    }

    @POST
    @Path("{id}/contracts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response createContract(@PathParam("id") long id, @BeanParam IctContractForm form) {
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            IctContract created = service.createContract(id, form.parse(true, typed), typed);
            return Flash.redirect(URI.create("/ict-providers/" + id + "#contracts"), "flash.ictContractCreated",
                    created.reference);
        }, errors -> Templates.contractForm(Records.require(IctProvider.class, id), null, form, errors,
                ContractChoices.of()));
    }

    @GET
    @Path("{id}/contracts/{contractId}/edit")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public TemplateInstance contractEditForm(@PathParam("id") long id, @PathParam("contractId") long contractId) {
        IctContract contract = IctRegisterService.contractOf(id, contractId);
        return Templates.contractForm(contract.provider, contract, IctContractForm.of(contract), new FieldErrors(),
                ContractChoices.of());
    }

    @POST
    @Path("{id}/contracts/{contractId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response updateContract(@PathParam("id") long id, @PathParam("contractId") long contractId,
            @BeanParam IctContractForm form) {
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            IctContract updated = service.updateContract(id, contractId, form.parse(false, typed), typed);
            return Flash.redirect(URI.create("/ict-providers/" + id + "#contracts"), "flash.ictContractUpdated",
                    updated.reference);
        }, errors -> {
            IctContract contract = IctRegisterService.contractOf(id, contractId);
            return Templates.contractForm(contract.provider, contract, form, errors, ContractChoices.of());
        });
    }

    /** Links an incident (reference or id) to the provider, optionally under one of its contracts. */
    @POST
    @Path("{id}/incidents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response linkIncident(@PathParam("id") long id, @RestForm String incident, @RestForm String contract) {
        Records.require(IctProvider.class, id);
        return Step.run(() -> {
            service.link(Incident.byIdOrReference(incident).id, id, FormInput.id(contract));
            return Flash.redirect(URI.create("/ict-providers/" + id + "#incidents"), "flash.ictIncidentLinked",
                    null);
        }, (errors, problem) -> showPage(id, problem, errors, incident, FormInput.id(contract)));
    }

    @POST
    @Path("{id}/incidents/{linkId}/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response unlinkIncident(@PathParam("id") long id, @PathParam("linkId") long linkId) {
        IncidentProvider link = Records.require(IncidentProvider.class, linkId);
        if (!link.provider.id.equals(id)) {
            throw new org.opregister.core.UnknownRecordException(IncidentProvider.class, linkId);
        }
        long incidentId = link.incident.id;
        return Step.run(() -> {
            service.unlink(incidentId, linkId);
            return Flash.redirect(URI.create("/ict-providers/" + id + "#incidents"), "flash.linkRemoved", null);
        }, (errors, problem) -> showPage(id, problem, errors, null, null));
    }

    private TemplateInstance showPage(long id, String problem, FieldErrors errors, String typedIncident,
            Long typedContract) {
        return Templates.show(ProviderPage.of(Records.require(IctProvider.class, id), config.reportingCurrency()),
                problem, errors, typedIncident, typedContract);
    }
}
