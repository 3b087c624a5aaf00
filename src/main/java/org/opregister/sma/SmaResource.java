package org.opregister.sma;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.Role;
import org.opregister.core.UnknownRecordException;
import org.opregister.web.Flash;
import org.opregister.web.PostedForm;
import org.opregister.web.Step;

/**
 * The SMA capital calculation (BIS OPE25; CRR3 Arts. 312–316) and its business-indicator inputs: read by every role,
 * inputs kept by managers.
 */
@Path("/reports/sma")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class SmaResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance report(SmaReport.Report report, String problem, String yearText,
                List<Integer> inputYears);

        static native TemplateInstance inputs(int year, BusinessIndicatorYear row, BusinessIndicatorForm form,
                FieldErrors errors, String currency);
    }

    @Inject
    SmaReport reports;

    @Inject
    BusinessIndicatorService service;

    @GET
    public Response report(@QueryParam("year") String year) {
        String text = FormInput.trimmed(year);
        Integer chosen = text == null ? Integer.valueOf(reports.defaultYear()) : parseYear(text);
        if (chosen == null) {
            return Response.status(400).entity(Templates.report(reports.report(reports.defaultYear()),
                    "sma.error.year", text.length() > 20 ? text.substring(0, 20) : text, BusinessIndicatorYear.years()))
                    .build();
        }
        return Response.ok(Templates.report(reports.report(chosen), null, Integer.toString(chosen),
                BusinessIndicatorYear.years())).build();
    }

    @GET
    @Path("inputs/{year}")
    public TemplateInstance inputs(@PathParam("year") String year) {
        int chosen = requireYear(year);
        BusinessIndicatorYear row = BusinessIndicatorYear.forYear(chosen).orElse(null);
        return Templates.inputs(chosen, row, row == null ? new BusinessIndicatorForm() : BusinessIndicatorForm.of(row),
                new FieldErrors(), reports.reportingCurrency());
    }

    @POST
    @Path("inputs/{year}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response save(@PathParam("year") String year, MultivaluedMap<String, String> posted) {
        int chosen = requireYear(year);
        BusinessIndicatorForm form = PostedForm.bind(posted, BusinessIndicatorForm.class);
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            service.save(chosen, form.parse(typed), typed);
            return Flash.redirect("/reports/sma?year=" + chosen, "sma.flash.inputsSaved", chosen);
        }, errors -> Templates.inputs(chosen, BusinessIndicatorYear.forYear(chosen).orElse(null), form, errors,
                reports.reportingCurrency()));
    }

    /** A year typed in a link: four digits within the accepted range, else null. */
    static Integer parseYear(String text) {
        if (text == null || !text.matches("\\d{4}")) {
            return null;
        }
        int year = Integer.parseInt(text);
        return SmaReport.acceptable(year) ? year : null;
    }

    /** The year of a path: unknown (404) unless it is one that may have inputs. */
    static int requireYear(String text) {
        Integer year = parseYear(text);
        if (year == null) {
            throw new UnknownRecordException(BusinessIndicatorYear.class, text);
        }
        return year;
    }
}
