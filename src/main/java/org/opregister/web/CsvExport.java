package org.opregister.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditWriter;
import org.opregister.security.CurrentUser;

/** What every CSV download shares: headers, the answer to bad filters, and its line in the audit trail. */
@ApplicationScoped
public class CsvExport {

    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    AuditWriter audit;

    @Inject
    CurrentUser currentUser;

    public static Response download(StreamingOutput body, String stem) {
        return Response.ok(body, CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + CsvOutput.fileName(stem) + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    public static Response badFilter(FieldErrors errors) {
        StringBuilder text = new StringBuilder();
        errors.messages(CurrentLocale.current()).forEach((field, message) ->
                text.append(field).append(": ").append(message).append('\n'));
        return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(text.toString()).build();
    }

    /** Who exported what, with which filters and how many rows (called once the last row is written). */
    public void recordExport(String export, String filters, long rows) {
        audit.event(AuditAction.EXPORT, currentUser.username(),
                "export=" + export + "; filters=" + (filters.isEmpty() ? "(none)" : filters) + "; rows=" + rows);
    }
}
