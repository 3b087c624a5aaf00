package org.opregister.corep;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestQuery;

import org.opregister.core.Role;
import org.opregister.core.UnknownRecordException;
import org.opregister.corep.C17Codes.Code;
import org.opregister.corep.C17Codes.Row;
import org.opregister.corep.C17Grid.GridRow;
import org.opregister.corep.C17Return.Cell;
import org.opregister.corep.C17Return.LargeEvent;
import org.opregister.corep.C17Returns.Prepared;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.web.CsvExport;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.XlsxExport;

/**
 * The supervisory returns: an index, COREP C 17.01 and C 17.02 for a reference date (and optionally one legal
 * entity), each figure's events, and the downloads (CSV one row per cell, XLSX laid out as the template), each
 * download with its line in the audit trail (reference date, entity, lock state, SHA-256 of the lines used).
 */
@Path("/reports")
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class ReportsResource {

    /** Events of C 17.02 shown a page. */
    static final int C1702_PAGE = 100;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance index();

        static native TemplateInstance c1701(Prepared prepared, List<GridRow> rows, List<Code> columns);

        static native TemplateInstance c1702(Prepared prepared, PageResult<LargeEvent> events, List<Code> columns,
                List<BusinessLine> businessLines);

        static native TemplateInstance cell(Prepared prepared, Row row, Code column, Cell cell);
    }

    @Inject
    C17Returns returns;

    @Inject
    CsvExport csv;

    @Inject
    XlsxExport xlsx;

    @GET
    public TemplateInstance index() {
        return Templates.index();
    }

    @GET
    @Path("c17-01")
    public Response c1701(@RestQuery String referenceDate, @RestQuery String entity) {
        Prepared prepared = returns.prepare(referenceDate, entity);
        List<GridRow> rows = prepared.ok() ? C17Grid.rows(prepared.result(), prepared.query()) : List.of();
        return page(prepared, Templates.c1701(prepared, rows, C17Codes.COLUMNS));
    }

    @GET
    @Path("c17-02")
    public Response c1702(@RestQuery String referenceDate, @RestQuery String entity, @RestQuery String page,
            @RestQuery String size) {
        Prepared prepared = returns.prepare(referenceDate, entity);
        List<LargeEvent> all = prepared.ok() ? prepared.result().largeEvents() : List.of();
        // A page of the events on screen (a large bank's return lists thousands); the downloads hold them all.
        PageRequest request = PageRequest.of(page, size == null ? Integer.toString(C1702_PAGE) : size)
                .within(all.size());
        List<LargeEvent> shown = all.subList(Math.min(all.size(), request.offset()),
                Math.min(all.size(), request.offset() + request.size()));
        return page(prepared, Templates.c1702(prepared, new PageResult<>(shown, request, all.size()),
                C17Codes.C1702_COLUMNS,
                C17Codes.BLOCKS.stream().map(C17Codes.Block::businessLine).toList()));
    }

    @GET
    @Path("c17-01/cells/{row}/{column}")
    public Response cell(@PathParam("row") String row, @PathParam("column") String column,
            @RestQuery String referenceDate, @RestQuery String entity) {
        Row templateRow = C17Codes.row(row);
        Code templateColumn = C17Codes.column(column);
        if (templateRow == null || templateColumn == null) {
            throw new UnknownRecordException(Cell.class, row + "/" + column);
        }
        Prepared prepared = returns.prepare(referenceDate, entity, C17Computation.showing(row, column));
        Cell cell = prepared.ok() ? prepared.result().cell(row, column) : null;
        if (prepared.ok() && cell == null) {
            throw new UnknownRecordException(Cell.class, row + "/" + column);
        }
        return page(prepared, Templates.cell(prepared, templateRow, templateColumn, cell));
    }

    @GET
    @Path("c17-01.csv")
    @Produces("text/csv")
    public Response c1701Csv(@RestQuery String referenceDate, @RestQuery String entity) {
        Prepared prepared = returns.prepare(referenceDate, entity);
        if (!prepared.ok()) {
            return refused(prepared);
        }
        List<C17Downloads.CsvCell> cells = C17Downloads.c1701Cells(prepared.result());
        return csv.stream(stem("corep-c17-01", prepared), "corep-c17-01.csv",
                prepared.auditFilters(C17Downloads.C1701), C17Downloads.COLUMNS, cells::stream);
    }

    @GET
    @Path("c17-02.csv")
    @Produces("text/csv")
    public Response c1702Csv(@RestQuery String referenceDate, @RestQuery String entity) {
        Prepared prepared = returns.prepare(referenceDate, entity);
        if (!prepared.ok()) {
            return refused(prepared);
        }
        List<C17Downloads.CsvCell> cells = C17Downloads.c1702Cells(prepared.result());
        return csv.stream(stem("corep-c17-02", prepared), "corep-c17-02.csv",
                prepared.auditFilters(C17Downloads.C1702), C17Downloads.COLUMNS, cells::stream);
    }

    @GET
    @Path("c17-01.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response c1701Xlsx(@RestQuery String referenceDate, @RestQuery String entity) {
        Prepared prepared = returns.prepare(referenceDate, entity);
        if (!prepared.ok()) {
            return refused(prepared);
        }
        return xlsx.grid(stem("corep-c17-01", prepared), "corep-c17-01", prepared.auditFilters(C17Downloads.C1701),
                "C 17.01", List.of(C17Downloads.title(prepared, C17Downloads.C1701)),
                C17Downloads.c1701Grid(prepared), prepared.result().cells().size());
    }

    @GET
    @Path("c17-02.xlsx")
    @Produces(XlsxExport.XLSX)
    public Response c1702Xlsx(@RestQuery String referenceDate, @RestQuery String entity) {
        Prepared prepared = returns.prepare(referenceDate, entity);
        if (!prepared.ok()) {
            return refused(prepared);
        }
        return xlsx.grid(stem("corep-c17-02", prepared), "corep-c17-02", prepared.auditFilters(C17Downloads.C1702),
                "C 17.02", List.of(C17Downloads.title(prepared, C17Downloads.C1702)),
                C17Downloads.c1702Grid(prepared), prepared.result().largeEvents().size());
    }

    private static String stem(String template, Prepared prepared) {
        return template + "-" + prepared.referenceDate()
                + (prepared.entity() == null ? "" : "-" + prepared.entity().code.replaceAll("[^A-Za-z0-9_-]", "_"));
    }

    /** A page of a return; a reference date or entity that is not one is answered 400 with the page's message. */
    private static Response page(Prepared prepared, TemplateInstance page) {
        return Response.status(prepared.badInput() ? 400 : 200).entity(page).type(MediaType.TEXT_HTML_TYPE).build();
    }

    /** A download refused: bad input as the other downloads answer it (400), a missing EUR rate 409. */
    private static Response refused(Prepared prepared) {
        Response response = CsvExport.badFilter(prepared.errors());
        return prepared.badInput()
                ? response
                : Response.fromResponse(response).status(Response.Status.CONFLICT).build();
    }
}
