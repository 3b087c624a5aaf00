package org.opregister.incident;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.opregister.web.CsvOutput;
import org.opregister.web.CurrentLocale;
import org.opregister.web.FieldErrors;

/**
 * CSV exports of the register and the loss ledger, with exactly the list's filters (served by
 * {@link IncidentResource} and {@link LossLedgerResource}). Rows are streamed from
 * a database cursor to the response, so memory stays flat at any size.
 */
@ApplicationScoped
public class IncidentExports {

    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    IncidentService service;

    @Inject
    EntityManager em;

    public Response incidents(IncidentResource.ListParams query) {
        FieldErrors errors = new FieldErrors();
        IncidentFilter filter = query.params().parse(errors);
        if (errors.any()) {
            return badFilter(errors);
        }
        IncidentSort sort = IncidentSort.parse(query.sort);
        String currency = service.reportingCurrency();
        StreamingOutput body = out -> QuarkusTransaction.requiringNew().run(() ->
                IncidentCsv.writeIncidents(Incident.streamAll(filter, sort), out, currency, em));
        return download(body, "incident-register");
    }

    public Response losses(IncidentResource.ListParams query) {
        FieldErrors errors = new FieldErrors();
        IncidentFilter filter = query.params().parse(errors);
        if (errors.any()) {
            return badFilter(errors);
        }
        StreamingOutput body = out -> QuarkusTransaction.requiringNew().run(() ->
                IncidentCsv.writeLosses(LossEntry.streamAll(filter), out, em));
        return download(body, "loss-ledger");
    }

    private static Response download(StreamingOutput body, String stem) {
        return Response.ok(body, CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + CsvOutput.fileName(stem) + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static Response badFilter(FieldErrors errors) {
        StringBuilder text = new StringBuilder();
        errors.messages(CurrentLocale.current()).forEach((field, message) ->
                text.append(field).append(": ").append(message).append('\n'));
        return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(text.toString()).build();
    }
}
