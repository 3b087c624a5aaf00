package org.opregister.ict;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.opregister.core.CurrentLocale;
import org.opregister.core.Messages;
import org.opregister.core.Role;
import org.opregister.reference.LegalEntity;
import org.opregister.web.CsvExport;
import org.opregister.web.XlsxColumn;
import org.opregister.web.XlsxExport;

/**
 * The register of information in the layout of the templates of Implementing Regulation 2024/2956, for the columns
 * the register holds: B_05.01 (providers), B_02.01 (contractual arrangements, general), B_02.02 (contractual
 * arrangements, specific: one row per arrangement and function) and B_07.01 (assessment of the ICT services: one row
 * per arrangement, which names one type of ICT services). The column codes (c0010...) head the columns as the
 * templates number them; a type of ICT services is written as its Annex III identifier (S01 to S19) only, as Annex
 * III asks. CSV through {@link CsvExport} (formulas neutralised), XLSX through {@link XlsxExport}; each download is
 * audited.
 */
@Path("/ict-providers")
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR})
public class IctRegisterDownloads {

    /** The ITS end date of an arrangement without one. */
    static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);
    static final String LEI = "LEI";

    @Inject
    CsvExport csv;

    @Inject
    XlsxExport xlsx;

    /** One row of B_05.01: a provider and the total annual cost of its arrangements, when in one currency. */
    public record ProviderRow(IctProvider provider, String currency, BigDecimal annualCost) {
    }

    /** One row of B_02.02: an arrangement and one function (service) it supports. */
    public record FunctionRow(IctContract contract, BusinessService function, String entityLei) {
    }

    @GET
    @Path("b05-01.csv")
    @Produces("text/csv")
    public Response providersCsv() {
        return csv.stream("ict-b05-01", "ict-b05-01.csv", "", XlsxColumn.csv(providerColumns(locale())),
                providerRows());
    }

    @GET
    @Path("b05-01.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response providersXlsx() {
        return xlsx.stream("ict-b05-01", "ict-b05-01", "", providerColumns(locale()), providerRows());
    }

    @GET
    @Path("b02-01.csv")
    @Produces("text/csv")
    public Response contractsCsv() {
        return csv.stream("ict-b02-01", "ict-b02-01.csv", "", XlsxColumn.csv(contractColumns(locale())),
                contractRows());
    }

    @GET
    @Path("b02-01.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response contractsXlsx() {
        return xlsx.stream("ict-b02-01", "ict-b02-01", "", contractColumns(locale()), contractRows());
    }

    @GET
    @Path("b02-02.csv")
    @Produces("text/csv")
    public Response functionsCsv() {
        return csv.stream("ict-b02-02", "ict-b02-02.csv", "", XlsxColumn.csv(functionColumns(locale())),
                functionRows());
    }

    @GET
    @Path("b02-02.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response functionsXlsx() {
        return xlsx.stream("ict-b02-02", "ict-b02-02", "", functionColumns(locale()), functionRows());
    }

    @GET
    @Path("b07-01.csv")
    @Produces("text/csv")
    public Response assessmentsCsv() {
        return csv.stream("ict-b07-01", "ict-b07-01.csv", "", XlsxColumn.csv(assessmentColumns(locale())),
                contractRows());
    }

    @GET
    @Path("b07-01.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response assessmentsXlsx() {
        return xlsx.stream("ict-b07-01", "ict-b07-01", "", assessmentColumns(locale()), contractRows());
    }

    private static Locale locale() {
        return CurrentLocale.current();
    }

    static List<XlsxColumn<ProviderRow>> providerColumns(Locale locale) {
        return List.of(
                XlsxColumn.text("c0010", "ict.b0501.c0010", r -> r.provider().lei),
                XlsxColumn.code("c0020", "ict.b0501.c0020", r -> r.provider().lei == null ? null : LEI),
                XlsxColumn.text("c0050", "ict.b0501.c0050", r -> r.provider().name),
                XlsxColumn.text("c0060", "ict.b0501.c0060", r -> r.provider().name),
                XlsxColumn.text("c0070", "ict.b0501.c0070", r -> label(locale, r.provider().personType)),
                XlsxColumn.code("c0080", "ict.b0501.c0080", r -> r.provider().country),
                XlsxColumn.code("c0090", "ict.b0501.c0090", ProviderRow::currency),
                XlsxColumn.number("c0100", "ict.b0501.c0100", ProviderRow::annualCost));
    }

    static List<XlsxColumn<IctContract>> contractColumns(Locale locale) {
        return List.of(
                XlsxColumn.text("c0010", "ict.b0201.c0010", c -> c.reference),
                XlsxColumn.text("c0020", "ict.b0201.c0020", c -> Messages.get(locale, "ict.standalone")),
                XlsxColumn.code("c0040", "ict.b0201.c0040", c -> c.currency),
                XlsxColumn.number("c0050", "ict.b0201.c0050", c -> c.annualCost));
    }

    static List<XlsxColumn<FunctionRow>> functionColumns(Locale locale) {
        return List.of(
                XlsxColumn.text("c0010", "ict.b0202.c0010", r -> r.contract().reference),
                XlsxColumn.code("c0020", "ict.b0202.c0020", FunctionRow::entityLei),
                XlsxColumn.text("c0030", "ict.b0202.c0030", r -> r.contract().provider.lei),
                XlsxColumn.code("c0040", "ict.b0202.c0040", r -> r.contract().provider.lei == null ? null : LEI),
                XlsxColumn.text("c0050", "ict.b0202.c0050", r -> r.function().code),
                XlsxColumn.code("c0060", "ict.b0202.c0060", r -> r.contract().serviceType),
                XlsxColumn.date("c0070", "ict.b0202.c0070", r -> r.contract().startDate),
                XlsxColumn.date("c0080", "ict.b0202.c0080",
                        r -> r.contract().endDate == null ? OPEN_END : r.contract().endDate));
    }

    /**
     * B_07.01, one row per arrangement: c0010 reference, c0020/c0030 the provider's code and its type, c0040 type of
     * ICT services (identifier), c0050 substitutability, c0080 existence of an exit plan. Not held, so not written:
     * c0060 reason if not substitutable, c0070 date of the last audit, c0090 reintegration, c0100 impact of
     * discontinuing, c0110/c0120 alternative providers.
     */
    static List<XlsxColumn<IctContract>> assessmentColumns(Locale locale) {
        return List.of(
                XlsxColumn.text("c0010", "ict.b0701.c0010", c -> c.reference),
                XlsxColumn.text("c0020", "ict.b0701.c0020", c -> c.provider.lei),
                XlsxColumn.code("c0030", "ict.b0701.c0030", c -> c.provider.lei == null ? null : LEI),
                XlsxColumn.code("c0040", "ict.b0701.c0040", c -> c.serviceType),
                XlsxColumn.text("c0050", "ict.b0701.c0050", c -> label(locale, c.substitutability)),
                XlsxColumn.text("c0080", "ict.b0701.c0080",
                        c -> Messages.get(locale, c.exitPlan ? "common.yes" : "common.no")));
    }

    private static String label(Locale locale, Enum<?> value) {
        return value == null ? null : Messages.get(locale, Messages.enumKey(value));
    }

    private static Supplier<Stream<ProviderRow>> providerRows() {
        return () -> {
            List<IctContract> contracts = IctContract.register();
            return IctProvider.all().stream().map(p -> providerRow(p,
                    contracts.stream().filter(c -> c.provider.id.equals(p.id)).toList()));
        };
    }

    /** The provider's total annual cost: the sum of its arrangements' costs when they share one currency. */
    static ProviderRow providerRow(IctProvider provider, List<IctContract> contracts) {
        List<IctContract> costed = contracts.stream().filter(c -> c.annualCost != null).toList();
        if (costed.isEmpty() || costed.stream().map(c -> c.currency).distinct().count() != 1) {
            return new ProviderRow(provider, null, null);
        }
        return new ProviderRow(provider, costed.get(0).currency,
                costed.stream().map(c -> c.annualCost).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static Supplier<Stream<IctContract>> contractRows() {
        return () -> IctContract.register().stream();
    }

    private static Supplier<Stream<FunctionRow>> functionRows() {
        return () -> {
            LegalEntity entity = LegalEntity.defaultEntity();
            String lei = entity == null ? null : entity.lei;
            List<FunctionRow> rows = new ArrayList<>();
            for (IctContract contract : IctContract.register()) {
                contract.servicesByCode().forEach(s -> rows.add(new FunctionRow(contract, s, lei)));
            }
            return rows.stream();
        };
    }
}
