package org.opregister.sma;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.Role;

/** JSON API of the SMA calculation; session cookie or HTTP basic auth. */
@Path("/api/reports/sma")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SMA capital")
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class SmaApi {

    @Inject
    SmaReport reports;

    @GET
    @Operation(summary = "The SMA calculation of a year", description = "Inputs of the three years, the loss years used, every intermediate figure, and the Basel"
            + " and EU results; 'year' defaults to the last completed year with inputs.")
    public SmaReport.Report report(@QueryParam("year") String year) {
        String text = FormInput.trimmed(year);
        if (text == null) {
            return reports.report(reports.defaultYear());
        }
        Integer chosen = SmaResource.parseYear(text);
        if (chosen == null) {
            Edits.failIfAny(new FieldErrors().add("year", "sma.error.year", text.length() > 20
                    ? text.substring(0, 20)
                    : text));
        }
        return reports.report(chosen);
    }
}
