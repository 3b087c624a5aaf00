package org.opregister.sma;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opregister.core.FieldErrors;
import org.opregister.core.Role;
import org.opregister.web.ApiErrors;

/** JSON API of the business-indicator inputs of the SMA calculation (managers); session cookie or HTTP basic auth. */
@Path("/api/reports/business-indicator")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SMA capital")
@RolesAllowed(Role.MANAGER)
public class BusinessIndicatorApi {

    @Inject
    BusinessIndicatorService service;

    @PUT
    @Path("{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a year's business-indicator inputs", description = "The ten items (reporting currency) and a source; 'version' must be the one last read when"
            + " the year has inputs (409 otherwise).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SmaReport.InputView.class)))
    public Response save(@PathParam("year") String year, BusinessIndicatorForm body) {
        int chosen = SmaResource.requireYear(year);
        FieldErrors typed = new FieldErrors();
        BusinessIndicatorYear row = service.save(chosen, ApiErrors.requireBody(body).parse(typed), typed);
        return Response.ok(SmaReport.InputView.of(row)).build();
    }
}
