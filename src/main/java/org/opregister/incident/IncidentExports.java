package org.opregister.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.opregister.core.FieldErrors;
import org.opregister.web.CsvExport;
import org.opregister.web.TableDownload;
import org.opregister.web.XlsxExport;

/**
 * CSV exports of the register and the loss ledger, with exactly the list's filters (served by
 * {@link IncidentResource} and {@link LossLedgerResource}). Rows are streamed from
 * a database cursor to the response as exactly the export's columns ({@link IncidentExportRow},
 * {@link LossExportRow}), so memory stays flat at any size.
 */
@ApplicationScoped
public class IncidentExports {

    @Inject
    IncidentService service;

    @Inject
    CsvExport csvExport;

    @Inject
    XlsxExport xlsxExport;

    public Response incidents(IncidentResource.ListParams query) {
        return incidents(query, csvExport::stream);
    }

    public Response incidentsXlsx(IncidentResource.ListParams query) {
        return incidents(query, xlsxExport::table);
    }

    public Response losses(IncidentResource.ListParams query) {
        return losses(query, csvExport::stream);
    }

    public Response lossesXlsx(IncidentResource.ListParams query) {
        return losses(query, xlsxExport::table);
    }

    private Response incidents(IncidentResource.ListParams query, TableDownload download) {
        FieldErrors errors = new FieldErrors();
        IncidentFilter filter = query.params().parse(errors, service.dataSetRule());
        if (errors.any()) {
            return CsvExport.badFilter(errors);
        }
        IncidentSort sort = IncidentSort.parse(query.sort);
        String currency = service.reportingCurrency();
        return download.send("incident-register", "incidents", query.params().queryString(),
                IncidentCsv.incidents(currency), () -> IncidentExportRow.stream(filter, sort));
    }

    private Response losses(IncidentResource.ListParams query, TableDownload download) {
        FieldErrors errors = new FieldErrors();
        IncidentFilter filter = query.params().parse(errors, service.dataSetRule());
        if (errors.any()) {
            return CsvExport.badFilter(errors);
        }
        return download.send("loss-ledger", "losses", query.params().queryString(),
                IncidentCsv.LOSSES, () -> LossExportRow.stream(filter));
    }

}
