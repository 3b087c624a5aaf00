package org.opregister.incident;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.Cause;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;
import org.opregister.web.ApiErrors;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;

/** JSON API of the register for integrations; session cookie or HTTP basic auth. */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class IncidentApi {

    @Inject
    IncidentService service;

    @GET
    @Operation(summary = "List incidents", description = "Same filters, paging and sort as the register page; "
            + "externalReference finds the one incident carrying the bank's own reference (an empty page if none).")
    @APIResponse(responseCode = "200", description = "One page of incidents", content = @Content(schema = @Schema(implementation = IncidentPage.class)))
    public Response list(@BeanParam IncidentResource.ListParams query,
            @Parameter(description = "The bank's own reference of one incident") @QueryParam("externalReference") String externalReference) {
        FieldErrors errors = new FieldErrors();
        IncidentFilter filter = query.params().parse(errors, service.dataSetRule());
        String currency = service.reportingCurrency();
        if (externalReference != null) {
            String reference = new FormInput(errors).text("externalReference", externalReference, true,
                    Incident.EXTERNAL_REFERENCE_MAX);
            Edits.failIfAny(errors);
            List<IncidentView> found = Incident.findByExternalReference(reference).stream()
                    .map(i -> IncidentView.of(i, currency)).toList();
            return Response.ok(new IncidentPage(found, 0, Math.max(found.size(), 1), found.size(),
                    found.stream().map(IncidentView::netLoss).reduce(BigDecimal.ZERO, BigDecimal::add), currency))
                    .build();
        }
        Edits.failIfAny(errors);
        IncidentQuery matching = IncidentQuery.of(filter);
        Incident.Totals totals = Incident.totals(matching);
        PageResult<Incident> page = Incident.search(matching, IncidentSort.parse(query.sort),
                PageRequest.of(query.page, query.size), totals.count());
        return Response.ok(new IncidentPage(page.items().stream().map(i -> IncidentView.of(i, currency)).toList(),
                page.page(), page.size(), page.total(), totals.netLoss(), currency)).build();
    }

    @GET
    @Path("by-external-reference/{ref}")
    @Operation(summary = "One incident with its loss lines, found by the bank's own reference (404 if none)")
    public IncidentView byExternalReference(@PathParam("ref") String ref) {
        Incident incident = Records.require(Incident.findByExternalReference(ref).orElse(null), Incident.class, ref);
        return IncidentView.withLosses(incident, LossEntry.forIncident(incident), service.reportingCurrency());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One incident with its loss lines")
    public IncidentView get(@PathParam("id") long id) {
        Incident incident = Records.require(Incident.class, id);
        return IncidentView.withLosses(incident, LossEntry.forIncident(incident), service.reportingCurrency());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    @Operation(summary = "Record an incident (status DRAFT, reference assigned)")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = IncidentView.class)))
    public Response create(IncidentForm body) {
        FieldErrors typed = new FieldErrors();
        Incident incident = service.create(ApiErrors.requireBody(body).parse(typed), typed);
        return Response.created(URI.create("/api/incidents/" + incident.id))
                .entity(IncidentView.of(incident, service.reportingCurrency())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("{id}")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    @Operation(summary = "Update an incident; 'version' must be the one last read (409 otherwise)")
    public IncidentView update(@PathParam("id") long id, IncidentForm body) {
        FieldErrors typed = new FieldErrors();
        Incident incident = service.update(id, ApiErrors.requireBody(body).parse(typed), typed);
        return IncidentView.of(incident, service.reportingCurrency());
    }

    @GET
    @Path("{id}/losses")
    @Operation(summary = "An incident's loss ledger: its lines, oldest accounting date first, and its totals")
    public LedgerView losses(@PathParam("id") long id) {
        Incident incident = Records.require(Incident.class, id);
        return LedgerView.of(incident, LossEntry.forIncident(incident), service.reportingCurrency());
    }

    @GET
    @Path("{id}/losses/{lossId}")
    @Operation(summary = "One loss line of the incident")
    public LossView loss(@PathParam("id") long id, @PathParam("lossId") long lossId) {
        return LossView.of(LossEntry.of(Records.require(Incident.class, id), lossId));
    }

    /**
     * Books a line, as the incident page does: the same service command, rules (net loss never below zero,
     * provisions never overdrawn, recoveries received not in the future), period lock and FX rate rules.
     */
    @POST
    @Path("{id}/losses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    @Operation(summary = "Book a loss or recovery line", description = "Amounts in plain notation (a JSON string or number); fxRate left out takes the rate "
            + "table's rate at the accounting date, a typed rate needs fxReason. Refused (400) on a near miss "
            + "or gain event, in a locked period, or when it would take net loss below zero; 409 while the "
            + "incident is under review (closed: managers only).")
    @APIResponse(responseCode = "201", description = "Booked", content = @Content(schema = @Schema(implementation = LossView.class)))
    public Response addLoss(@PathParam("id") long id, LossForm body) {
        FieldErrors typed = new FieldErrors();
        long lossId = service.addLoss(id, ApiErrors.requireBody(body).parse(typed), typed).id;
        return Response.created(URI.create("/api/incidents/" + id + "/losses/" + lossId)).entity(loss(id, lossId))
                .build();
    }

    @PUT
    @Path("{id}/losses/{lossId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    @Operation(summary = "Correct a loss line; 'version' must be the line's version last read (409 otherwise)", description = "The whole line is sent again. A line in a locked period cannot be changed, nor moved "
            + "into one.")
    public LossView updateLoss(@PathParam("id") long id, @PathParam("lossId") long lossId, LossForm body) {
        FieldErrors typed = new FieldErrors();
        service.updateLoss(id, lossId, ApiErrors.requireBody(body).parse(typed), typed);
        return loss(id, lossId);
    }

    @DELETE
    @Path("{id}/losses/{lossId}")
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    @Operation(summary = "Remove a loss line booked in error; 'version' must be the line's version last read", description = "As on the page: not in a locked period, and not when the rest would take net loss "
            + "below zero (409).")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeLoss(@PathParam("id") long id, @PathParam("lossId") long lossId,
            @Parameter(description = "The line's version last read", required = true) @QueryParam("version") String version) {
        service.removeLoss(id, lossId, staleUnlessNumber(version));
        return Response.noContent().build();
    }

    /**
     * The version a caller sent; missing or not a number reads as one never loaded (a conflict), decided after the
     * line is found, so an unknown line is still 404.
     */
    private static long staleUnlessNumber(String version) {
        try {
            return version == null ? -1 : Long.parseLong(version.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public record IncidentPage(List<IncidentView> items, int page, int size, long total, BigDecimal netLossTotal,
            String reportingCurrency) {
    }

    /** An incident's ledger: its lines and the totals they make (reporting currency). */
    public record LedgerView(long incidentId, String reference, long incidentVersion, IncidentStatus status,
            List<LossView> lines, BigDecimal grossLoss, BigDecimal recoveries, BigDecimal netLoss,
            BigDecimal expectedRecoveries, BigDecimal provisions, String reportingCurrency, LocalDate lockedThrough) {

        static LedgerView of(Incident i, List<LossEntry> lines, String currency) {
            return new LedgerView(i.id, i.reference, i.version, i.status, lines.stream().map(LossView::of).toList(),
                    i.grossLoss, i.recoveries, i.netLoss, i.expectedRecoveries, i.provisions, currency,
                    LedgerLock.current().closedThrough);
        }
    }

    public record LossView(long id, long version, LossType type, RecoveryStatus recoveryStatus, BigDecimal amount,
            String currency, BigDecimal fxRate, RateSource fxSource, String fxReason, BigDecimal reportingAmount,
            String reportingCurrency, LocalDate accountingDate, BusinessLine businessLine, boolean postClosure,
            String description) {

        static LossView of(LossEntry l) {
            return new LossView(l.id, l.version, l.type, l.recoveryStatus, l.amount, l.currency, l.fxRate, l.fxSource,
                    l.fxReason, l.reportingAmount, l.reportingCurrency, l.accountingDate, l.businessLine, l.postClosure,
                    l.description);
        }
    }

    public record IncidentView(long id, long version, String reference, String externalReference, String title,
            String description,
            IncidentStatus status, Severity severity, EventCategory eventCategory, EventType eventType,
            BusinessLine businessLine, String orgUnit, String owner, LocalDate occurrenceDate, LocalDate discoveryDate,
            LocalDate reportingDate, LocalDate closureDate, Set<Cause> causes, String rootCause, String thirdParty,
            boolean nearMiss, boolean gainEvent, String legalEntity, String rootEvent, boolean creditBoundary,
            boolean marketBoundary, BigDecimal grossLoss, BigDecimal recoveries, BigDecimal netLoss,
            BigDecimal expectedRecoveries, BigDecimal provisions, String reportingCurrency, Instant createdAt,
            String createdBy, Instant updatedAt, String updatedBy,
            List<LossView> losses) {

        static IncidentView of(Incident i, String currency) {
            return withLosses(i, null, currency);
        }

        static IncidentView withLosses(Incident i, List<LossEntry> losses, String currency) {
            return new IncidentView(i.id, i.version, i.reference, i.externalReference, i.title, i.description, i.status,
                    i.severity,
                    i.eventCategory, i.eventType, i.businessLine, i.orgUnit, i.owner, i.occurrenceDate, i.discoveryDate,
                    i.reportingDate, i.closureDate, i.causes, i.rootCause, i.thirdParty, i.nearMiss, i.gainEvent,
                    i.legalEntity.code, i.rootEvent == null ? null : i.rootEvent.reference, i.creditBoundary,
                    i.marketBoundary, i.grossLoss, i.recoveries, i.netLoss, i.expectedRecoveries, i.provisions,
                    currency, i.createdAt,
                    i.createdBy, i.updatedAt, i.updatedBy,
                    losses == null ? null : losses.stream().map(LossView::of).toList());
        }
    }

}
