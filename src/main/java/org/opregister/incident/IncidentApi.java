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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
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
    @Operation(summary = "List incidents", description = "Same filters, paging and sort as the register page.")
    public Response list(@BeanParam IncidentResource.ListParams query) {
        FieldErrors errors = new FieldErrors();
        IncidentFilter filter = query.params().parse(errors, service.dataSetRule());
        Edits.failIfAny(errors);
        Incident.Totals totals = Incident.totals(filter);
        PageResult<Incident> page = Incident.search(filter, IncidentSort.parse(query.sort),
                PageRequest.of(query.page, query.size), totals.count());
        String currency = service.reportingCurrency();
        return Response.ok(new IncidentPage(page.items().stream().map(i -> IncidentView.of(i, currency)).toList(),
                page.page(), page.size(), page.total(), totals.netLoss(), currency)).build();
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

    public record IncidentPage(List<IncidentView> items, int page, int size, long total, BigDecimal netLossTotal,
            String reportingCurrency) {
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

    public record IncidentView(long id, long version, String reference, String title, String description,
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
            return new IncidentView(i.id, i.version, i.reference, i.title, i.description, i.status, i.severity,
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
