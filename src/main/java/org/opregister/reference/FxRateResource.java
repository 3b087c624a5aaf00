package org.opregister.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import org.opregister.core.CurrentLocale;
import org.opregister.core.FieldErrors;
import org.opregister.core.InvalidInputException;
import org.opregister.core.Messages;
import org.opregister.core.OpriskConfig;
import org.opregister.core.Role;
import org.opregister.web.CsvColumn;
import org.opregister.web.CsvExport;
import org.opregister.web.Flash;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.Step;
import org.opregister.web.TableDownload;
import org.opregister.web.XlsxExport;

/**
 * The FX rate table: read by officers (who see the rates their lines used), managers and auditors; kept by managers,
 * one rate at a time or by file.
 */
@Path("/fx-rates")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR})
public class FxRateResource {

    /** The CSV export: one row per stored rate. */
    static final List<CsvColumn<FxRate>> COLUMNS = List.of(
            CsvColumn.raw("base_currency", r -> r.baseCurrency),
            CsvColumn.raw("currency", r -> r.currency),
            CsvColumn.date("rate_date", r -> r.rateDate),
            CsvColumn.number("rate", r -> r.rate.stripTrailingZeros()),
            CsvColumn.code("source", r -> r.source),
            CsvColumn.text("reason", r -> r.reason),
            CsvColumn.text("updated_by", r -> r.updatedBy),
            CsvColumn.instant("updated_at", r -> r.updatedAt));

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(PageResult<FxRate> page, FxRateFilter.Params filter, FieldErrors errors,
                FxRateForm form, FieldErrors formErrors, String uploadBase, FieldErrors uploadErrors, String problem,
                String reportingCurrency, String pagerBase, String exportQuery);
    }

    @Inject
    FxRateService service;

    @Inject
    CsvExport csvExport;

    @Inject
    XlsxExport xlsxExport;

    @Inject
    OpriskConfig config;

    @GET
    public Response list(@BeanParam FxRateFilter.Params params) {
        FieldErrors errors = new FieldErrors();
        TemplateInstance page = page(params, errors, FxRateForm.blank(reporting()), new FieldErrors(), reporting(),
                new FieldErrors(), null);
        return Response.status(errors.any() ? 400 : 200).entity(page).build();
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@BeanParam FxRateFilter.Params params) {
        return export(params, csvExport::stream);
    }

    @GET
    @Path("export.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response exportXlsx(@BeanParam FxRateFilter.Params params) {
        return export(params, xlsxExport::table);
    }

    private Response export(FxRateFilter.Params params, TableDownload download) {
        FieldErrors errors = new FieldErrors();
        FxRateFilter filter = params.parse(errors);
        if (errors.any()) {
            return CsvExport.badFilter(errors);
        }
        return download.send("fx-rates", "fx-rates", filter.describe(), COLUMNS,
                () -> FxRate.streamForExport(filter));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.MANAGER)
    public Response add(@BeanParam FxRateForm form) {
        return Step.run(() -> {
            FieldErrors typed = new FieldErrors();
            FxRate rate = service.addRate(form.parse(typed), typed);
            return Flash.redirect("/fx-rates?currency=" + rate.currency + "&base=" + rate.baseCurrency,
                    "flash.fxRateSaved", rate.currency + "/" + rate.baseCurrency + " " + rate.rateDate);
        }, (errors, problem) -> page(new FxRateFilter.Params(), new FieldErrors(), form, errors, reporting(),
                new FieldErrors(), problem));
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.MANAGER)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("base") String base) {
        String chosen = base == null ? reporting() : base;
        return Step.run(() -> {
            if (file == null || file.uploadedFile() == null || file.size() == 0) {
                throw new InvalidInputException(new FieldErrors().add("1", "error.fxUploadEmpty"));
            }
            try (InputStream in = Files.newInputStream(file.uploadedFile())) {
                FxRateService.ImportResult result = service.importFile(chosen, in);
                return Flash.redirect("/fx-rates", "flash.fxImported", summary(result));
            } catch (IOException e) {
                throw new InvalidInputException(new FieldErrors().add("1", "error.uploadUnreadable"));
            }
        }, (errors, problem) -> page(new FxRateFilter.Params(), new FieldErrors(), FxRateForm.blank(reporting()),
                new FieldErrors(), chosen, errors, problem));
    }

    private static String summary(FxRateService.ImportResult result) {
        String text = Messages.get(CurrentLocale.current(), "fxRates.importSummary", result.added(), result.updated(),
                result.unchanged());
        if (!result.ignoredColumns().isEmpty()) {
            text += " " + Messages.get(CurrentLocale.current(), "fxRates.importIgnored",
                    String.join(", ", result.ignoredColumns()));
        }
        if (result.skippedDays() > 0) {
            text += " " + Messages.get(CurrentLocale.current(), "fxRates.importSkippedDays", result.skippedDays());
        }
        return text;
    }

    private TemplateInstance page(FxRateFilter.Params params, FieldErrors errors, FxRateForm form,
            FieldErrors formErrors, String uploadBase, FieldErrors uploadErrors, String problem) {
        FxRateFilter filter = params.parse(errors);
        PageResult<FxRate> rates = FxRate.search(filter, PageRequest.of(params.page, params.size));
        String query = params.query();
        return Templates.list(rates, params, errors, form, formErrors, uploadBase, uploadErrors, problem,
                reporting(), params.pagerBase(), query.isEmpty() ? "" : "?" + query);
    }

    private String reporting() {
        return config.reportingCurrency();
    }
}
