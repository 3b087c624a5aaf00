package org.opregister.web;

import org.opregister.core.CurrentLocale;
import org.opregister.core.FieldErrors;

import java.io.OutputStream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;


/** What every CSV download shares: headers, the answer to bad filters, and its line in the audit trail. */
@ApplicationScoped
public class CsvExport {

    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    Event<Exported> exported;

    @Inject
    SecurityIdentity identity;

    /** A finished download, for the audit trail: who, which export, with which filters, how many rows. */
    public record Exported(String username, String export, String filters, long rows) {
    }

    /** Writes rows of an export to the response; answers how many it wrote. Runs in a read transaction. */
    @FunctionalInterface
    public interface Rows {
        long write(OutputStream out);
    }

    /**
     * A streamed CSV download: rows written from a database cursor inside their own transaction, then the
     * export's line in the audit trail, before the response ends.
     */
    public Response stream(String fileStem, String export, String filters, Rows rows) {
        String username = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        StreamingOutput body = out -> {
            long written = QuarkusTransaction.requiringNew().call(() -> rows.write(out));
            exported.fire(new Exported(username, export, filters, written));
        };
        return download(body, fileStem);
    }

    static Response download(StreamingOutput body, String stem) {
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
}
