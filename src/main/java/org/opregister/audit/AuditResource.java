package org.opregister.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.opregister.core.FieldErrors;
import org.opregister.core.Role;
import org.opregister.web.CsvExport;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.TableDownload;
import org.opregister.web.XlsxExport;

/** The audit trail for auditors and administrators: filter, page, export, verify the chain. */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.AUDITOR, Role.ADMIN})
public class AuditResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(PageResult<AuditEntry> page, List<AuditLine> lines,
                AuditFilter.Params params,
                FieldErrors errors, List<TypeChoice> recordTypes, List<AuditAction> actions,
                ChainVerifier.Result verification);
    }

    /** A record type in the filter: the stored name, and what people call it. */
    public record TypeChoice(String name, String label) {
    }

    @Inject
    ChainVerifier verifier;

    @Inject
    CsvExport csvExport;

    @Inject
    XlsxExport xlsxExport;

    @Inject
    EntityManager em;

    @GET
    public Response list(@BeanParam Query query) {
        return page(query, null);
    }

    @GET
    @Path("verify")
    public Response verify(@BeanParam Query query) {
        return page(query, verifier.verify());
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@BeanParam Query query) {
        return export(query, csvExport::stream);
    }

    @GET
    @Path("export.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response exportXlsx(@BeanParam Query query) {
        return export(query, xlsxExport::table);
    }

    private Response export(Query query, TableDownload download) {
        FieldErrors errors = new FieldErrors();
        AuditFilter filter = query.params().parse(errors);
        if (errors.any()) {
            return CsvExport.badFilter(errors);
        }
        return download.send("audit-trail", "audit", query.params().queryString(),
                AuditCsv.COLUMNS, () -> AuditEntry.exportRows(filter));
    }

    private Response page(Query query, ChainVerifier.Result verification) {
        FieldErrors errors = new FieldErrors();
        AuditFilter filter = query.params().parse(errors);
        PageResult<AuditEntry> page = AuditEntry.search(filter, PageRequest.of(query.page, query.size));
        List<TypeChoice> types = AuditEntry.recordTypes().stream()
                .map(type -> new TypeChoice(type, AuditLines.typeLabel(type)))
                .sorted(java.util.Comparator.comparing(TypeChoice::label))
                .toList();
        return Response.status(errors.any() ? 400 : 200)
                .entity(Templates.list(page, AuditLines.of(page.items()), query.params(),
                        errors, types, List.of(AuditAction.values()), verification))
                .build();
    }

    public static class Query {

        @QueryParam("user")
        public String user;
        @QueryParam("type")
        public String type;
        @QueryParam("record")
        public String record;
        @QueryParam("action")
        public String action;
        @QueryParam("from")
        public String from;
        @QueryParam("to")
        public String to;
        @QueryParam("page")
        public String page;
        @QueryParam("size")
        public String size;

        AuditFilter.Params params() {
            return new AuditFilter.Params(user, type, record, action, from, to);
        }
    }
}
