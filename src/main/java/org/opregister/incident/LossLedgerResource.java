package org.opregister.incident;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.opregister.core.Role;

/** The loss ledger across the register, as CSV: one row per loss line with its incident's reference. */
@Path("/losses")
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class LossLedgerResource {

    @Inject
    IncidentExports exports;

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@BeanParam IncidentResource.ListParams query) {
        return exports.losses(query);
    }
}
