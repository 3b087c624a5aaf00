package org.opregister.risk;

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

import org.opregister.control.ControlService;
import org.opregister.core.FormInput;
import org.opregister.core.Role;
import org.opregister.incident.IncidentResource;
import org.opregister.web.Flash;
import org.opregister.web.Step;

/** Links an incident to the risks it materialised and the controls that failed, from the incident's page. */
@Path("/incidents")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class IncidentLinkResource {

    @Inject
    RiskService service;

    @Inject
    ControlService controls;

    @Inject
    IncidentResource incidents;

    @POST
    @Path("{id}/risks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response linkRisk(@PathParam("id") long id, @RestForm String risk) {
        return link(id, risk, "error.chooseRisk", riskId -> service.linkIncidentRisk(id, riskId, true),
                "flash.riskLinked");
    }

    @POST
    @Path("{id}/risks/{riskId}/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response unlinkRisk(@PathParam("id") long id, @PathParam("riskId") long riskId) {
        return link(id, Long.toString(riskId), "error.chooseRisk", r -> service.linkIncidentRisk(id, r, false),
                "flash.linkRemoved");
    }

    @POST
    @Path("{id}/controls")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response linkControl(@PathParam("id") long id, @RestForm String control) {
        return link(id, control, "error.chooseControl", c -> controls.linkIncidentControl(id, c, true),
                "flash.failedControlLinked");
    }

    @POST
    @Path("{id}/controls/{controlId}/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response unlinkControl(@PathParam("id") long id, @PathParam("controlId") long controlId) {
        return link(id, Long.toString(controlId), "error.chooseControl",
                c -> controls.linkIncidentControl(id, c, false), "flash.linkRemoved");
    }

    private Response link(long id, String target, String missingKey, java.util.function.LongConsumer change,
            String flashKey) {
        Long targetId = FormInput.id(target);
        if (targetId == null) {
            return incidents.problem(id, missingKey, 400);
        }
        return Step.run(() -> {
            change.accept(targetId);
            return Flash.redirect(URI.create("/incidents/" + id + "#rcsa"), flashKey, null);
        }, (errors, problem) -> incidents.show(id), "error.recordChangedReload",
                e -> incidents.problem(id, e.messageKey(), 409));
    }

}
