package org.opregister.ict;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.FormInput;
import org.opregister.core.InvalidInputException;
import org.opregister.core.Role;
import org.opregister.incident.IncidentResource;
import org.opregister.web.Flash;
import org.opregister.web.Step;

/** Links an incident to the ICT providers it involved, from the incident's page (open or closed). */
@Path("/incidents")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER})
public class IncidentProviderLinkResource {

    @Inject
    IctRegisterService service;

    @Inject
    IncidentResource incidents;

    @Inject
    IncidentLinkInput typed;

    /**
     * Links the incident, whatever its status (the link is register data, see {@link IctRegisterService#link}); bad
     * input (no provider, a contract of another provider, already linked): the page again with the message and the
     * choice kept, 400.
     */
    @POST
    @Path("{id}/ict-providers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(@PathParam("id") long id, @RestForm String provider, @RestForm String contract) {
        Long providerId = FormInput.id(provider);
        Long contractId = FormInput.id(contract);
        typed.keep(providerId, contractId);
        if (providerId == null || IctProvider.findById(providerId) == null) {
            return incidents.problem(id, "error.ictChooseProvider", 400);
        }
        if (!FormInput.blank(contract)) {
            IctContract chosen = contractId == null ? null : IctContract.findById(contractId);
            if (chosen == null || !chosen.provider.id.equals(providerId)) {
                return incidents.problem(id, "error.ictContractNotOfProvider", 400);
            }
        }
        return step(id, () -> service.link(id, providerId, contractId), "flash.ictProviderLinked");
    }

    @POST
    @Path("{id}/ict-providers/{linkId}/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlink(@PathParam("id") long id, @PathParam("linkId") long linkId) {
        return step(id, () -> service.unlink(id, linkId), "flash.linkRemoved");
    }

    private Response step(long id, Runnable change, String flashKey) {
        return Step.run(() -> {
            try {
                change.run();
            } catch (InvalidInputException e) {
                if (e.stale()) {
                    throw e;
                }
                return incidents.problem(id, e.errors().keys().get(e.errors().fields().get(0)), 400);
            }
            return Flash.redirect(URI.create("/incidents/" + id + "#ict-providers"), flashKey, null);
        }, (errors, problem) -> incidents.show(id), "error.recordChangedReload",
                e -> incidents.problem(id, e.messageKey(), 409));
    }
}
