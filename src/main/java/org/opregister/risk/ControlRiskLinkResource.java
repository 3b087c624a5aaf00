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

import org.opregister.control.ControlResource;
import org.opregister.core.FormInput;
import org.opregister.core.Role;
import org.opregister.web.Flash;

/** Links a control to the risks it mitigates, from the control's page (the risk register keeps those links). */
@Path("/controls")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class ControlRiskLinkResource {

    @Inject
    RiskService service;

    @Inject
    ControlResource controls;

    @POST
    @Path("{id}/risks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response link(@PathParam("id") long id, @RestForm String risk) {
        Long riskId = FormInput.id(risk);
        if (riskId == null) {
            return controls.problem(id, "error.chooseRisk", 400);
        }
        service.linkRiskControl(riskId, id, true);
        return Flash.redirect(URI.create("/controls/" + id + "#risks"), "flash.controlLinked", null);
    }

    @POST
    @Path("{id}/risks/{riskId}/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response unlink(@PathParam("id") long id, @PathParam("riskId") long riskId) {
        service.linkRiskControl(riskId, id, false);
        return Flash.redirect(URI.create("/controls/" + id + "#risks"), "flash.controlUnlinked", null);
    }
}
