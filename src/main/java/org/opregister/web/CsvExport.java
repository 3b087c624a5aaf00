package org.opregister.web;

import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

import org.opregister.core.CurrentLocale;
import org.opregister.core.FieldErrors;
import org.opregister.core.LongTransactions;

/** What every CSV download shares: headers, the answer to bad filters, and its line in the audit trail. */
@ApplicationScoped
public class CsvExport {

    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    Event<Exported> exported;

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager em;

    @Inject
    HttpServerRequest request;

    /** The longest a download's read transaction may last, in seconds. */
    public static final int READ_TIMEOUT_SECONDS = LongTransactions.TIMEOUT_SECONDS;

    /** A finished download, for the audit trail: who, which export, with which filters, how many rows. */
    public record Exported(String username, String export, String filters, long rows) {
    }

    /**
     * A streamed CSV download: the header line of the columns, then one line per row, read from a database cursor
     * inside a read transaction of its own (the rows are only asked for there), detaching what was read every
     * {@link CsvOutput#CLEAR_EVERY} rows so memory stays flat at any size; then the export's line in the audit
     * trail (who, which export, with which filters, how many rows), before the response ends.
     */
    public <T> Response stream(String fileStem, String export, String filters, List<CsvColumn<T>> columns,
            Supplier<Stream<T>> rows) {
        String username = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        Cookie chosen = request.getCookie(CsvDialect.COOKIE);
        CsvDialect dialect = CsvDialect.of(request.getParam("sep"), chosen == null ? null : chosen.getValue());
        StreamingOutput body = out -> {
            long written = QuarkusTransaction.requiringNew().timeout(READ_TIMEOUT_SECONDS)
                    .call(() -> write(out, dialect, columns, rows));
            exported.fire(new Exported(username, export, filters, written));
        };
        return download(body, fileStem);
    }

    private <T> long write(OutputStream out, CsvDialect dialect, List<CsvColumn<T>> columns,
            Supplier<Stream<T>> rows) {
        long count = 0;
        try (Stream<T> stream = rows.get();
                CsvOutput csv = new CsvOutput(out, dialect, CsvColumn.header(columns))) {
            Iterator<T> cursor = stream.iterator();
            while (cursor.hasNext()) {
                csv.row(CsvColumn.cells(columns, cursor.next(), dialect));
                if (++count % CsvOutput.CLEAR_EVERY == 0) {
                    em.clear();
                }
            }
        }
        return count;
    }

    static Response download(StreamingOutput body, String stem) {
        return Response.ok(body, CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + CsvOutput.fileName(stem) + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    public static Response badFilter(FieldErrors errors) {
        StringBuilder text = new StringBuilder();
        errors.messages(CurrentLocale.current())
                .forEach((field, message) -> text.append(field).append(": ").append(message).append('\n'));
        return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(text.toString())
                .build();
    }
}
