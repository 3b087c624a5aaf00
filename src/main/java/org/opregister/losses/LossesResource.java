package org.opregister.losses;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.opregister.core.FieldErrors;
import org.opregister.core.Role;
import org.opregister.incident.DateBasis;
import org.opregister.incident.IncidentService;
import org.opregister.web.CsvExport;
import org.opregister.web.XlsxColumn;
import org.opregister.web.XlsxExport;

/**
 * Loss analytics: event type × business line, the trend, the top ten events and the regulatory data set's share
 * for a period, each figure linked to the register, each table as CSV and XLSX. Shares {@code /losses} with
 * {@code incident.LossLedgerResource} (the ledger's CSV and period lock).
 */
@Path("/losses")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class LossesResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance page(LossParams params, LossParams form, LossPage page, FieldErrors errors,
                List<DateBasis> bases, List<Grain> grains);
    }

    @Inject
    IncidentService incidents;

    @Inject
    KeptLossFigures kept;

    @Inject
    CsvExport csvExport;

    @Inject
    XlsxExport xlsxExport;

    @GET
    public Response page(@BeanParam LossParams params) {
        FieldErrors errors = new FieldErrors();
        LossPeriod period = params.parse(errors, LossAnalytics::latestData);
        LossPage page = period == null
                ? null
                : LossPage.of(period, kept.page(period, incidents.dataSetRule()), incidents.reportingCurrency(),
                        params.level2());
        return Response.status(errors.any() ? 400 : 200)
                .entity(Templates.page(params, page == null ? params : page.form(), page, errors,
                        List.of(DateBasis.ACCOUNTING, DateBasis.OCCURRENCE,
                                DateBasis.DISCOVERY),
                        List.of(Grain.values())))
                .build();
    }

    @GET
    @Path("matrix.csv")
    @Produces("text/csv")
    public Response matrixCsv(@BeanParam LossParams params) {
        return download(params, "csv", "matrix");
    }

    @GET
    @Path("matrix.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response matrixXlsx(@BeanParam LossParams params) {
        return download(params, "xlsx", "matrix");
    }

    @GET
    @Path("trend.csv")
    @Produces("text/csv")
    public Response trendCsv(@BeanParam LossParams params) {
        return download(params, "csv", "trend");
    }

    @GET
    @Path("trend.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response trendXlsx(@BeanParam LossParams params) {
        return download(params, "xlsx", "trend");
    }

    @GET
    @Path("top.csv")
    @Produces("text/csv")
    public Response topCsv(@BeanParam LossParams params) {
        return download(params, "csv", "top");
    }

    @GET
    @Path("top.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response topXlsx(@BeanParam LossParams params) {
        return download(params, "xlsx", "top");
    }

    private Response download(LossParams params, String format, String table) {
        FieldErrors errors = new FieldErrors();
        LossPeriod period = params.parse(errors, LossAnalytics::latestData);
        if (period == null) {
            return CsvExport.badFilter(errors);
        }
        String currency = incidents.reportingCurrency();
        String stem = "losses-" + table;
        String filters = LossParams.periodQuery(period) + "&grain=" + period.grain().name();
        Supplier<LossAnalytics.PeriodFigures> figures = () -> kept.page(period, incidents.dataSetRule());
        return switch (table) {
            case "matrix" -> send(format, stem, filters, LossTables.matrix(period, currency),
                    () -> figures.get().matrix().flat().stream());
            case "trend" -> send(format, stem, filters, LossTables.trend(period, currency),
                    () -> figures.get().trend().stream());
            default -> send(format, stem, filters, LossTables.top(period, currency),
                    () -> figures.get().top().stream());
        };
    }

    private <T> Response send(String format, String stem, String filters, List<XlsxColumn<T>> columns,
            Supplier<Stream<T>> rows) {
        return format.equals("csv")
                ? csvExport.stream(stem, stem, filters, XlsxColumn.csv(columns), rows)
                : xlsxExport.stream(stem, stem, filters, columns, rows);
    }
}
