package org.opregister.kri;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opregister.core.AppClock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.web.ApiErrors;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;

/** JSON API of key risk indicators and their values. */
@Path("/api/kris")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Key risk indicators")
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class KriApi {

    @Inject
    KriService service;

    @GET
    @Operation(summary = "List KRIs", description = "Filters: q (reference, name, owner), status (ACTIVE, RETIRED).")
    public Page<KriView> list(@BeanParam KriFilter.Params params) {
        FieldErrors errors = new FieldErrors();
        KriFilter filter = params.parse(errors);
        Edits.failIfAny(errors);
        PageResult<Kri> result = Kri.search(filter, PageRequest.of(params.page, params.size));
        return new Page<>(result.items().stream().map(KriView::of).toList(), result.page(), result.size(),
                result.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One KRI with its thresholds and latest status")
    public KriView kri(@PathParam("id") long id) {
        return KriView.of(Records.require(Kri.class, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    @Operation(summary = "Define a KRI")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = KriView.class)))
    public Response create(KriForm body) {
        FieldErrors typed = new FieldErrors();
        Kri kri = service.create(ApiErrors.requireBody(body).parse(typed), typed);
        return Response.created(URI.create("/api/kris/" + kri.id)).entity(KriView.of(kri)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    @Operation(summary = "Edit a KRI; 'version' must be the one last read (409 otherwise)")
    public KriView update(@PathParam("id") long id, KriForm body) {
        FieldErrors typed = new FieldErrors();
        return KriView.of(service.update(id, ApiErrors.requireBody(body).parse(typed), typed));
    }

    @GET
    @Path("{id}/values")
    @Operation(summary = "A KRI's values, oldest period first")
    public List<ValueView> values(@PathParam("id") long id) {
        return KriValue.of(Records.require(Kri.class, id)).stream().map(ValueView::of).toList();
    }

    @POST
    @Path("{id}/values")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    @Operation(summary = "Record a value", description = "Body: period (2024-07 or 2024-Q3), value, comment.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ValueView.class)))
    public Response record(@PathParam("id") long id, ValueForm body) {
        ValueForm form = ApiErrors.requireBody(body);
        FieldErrors typed = new FieldErrors();
        KriValue value = service.record(id, form.parse(Records.require(Kri.class, id), typed, AppClock.today()), typed);
        return Response.created(URI.create("/api/kris/" + id + "/values")).entity(ValueView.of(value)).build();
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public record KriView(long id, long version, String reference, String name, String description, String unit,
            KriFrequency frequency, String owner, KriDirection direction, BigDecimal greenLimit, BigDecimal redLimit,
            KriSource source, EventCategory eventCategory, BusinessLine businessLine, String valuesFrom,
            KriActivity status, List<String> risks, String latestPeriod, KriStatus latestStatus,
            String valueMissingFrom,
            Instant updatedAt, String updatedBy) {

        static KriView of(Kri k) {
            KriTrend trend = KriTrend.of(k);
            KriValue latest = trend.latest();
            return new KriView(k.id, k.version, k.reference, k.name, k.description, k.unit, k.frequency, k.owner,
                    k.direction, k.greenLimit.stripTrailingZeros(), k.redLimit.stripTrailingZeros(), k.source,
                    k.eventCategory, k.businessLine, k.valuesFrom == null ? null : k.periodLabel(k.valuesFrom),
                    k.status,
                    KriRisk.risksOf(k).stream().map(r -> r.reference).toList(), latest == null ? null : latest.period(),
                    latest == null ? null : latest.status, trend.due().oldestMissing(), k.updatedAt, k.updatedBy);
        }
    }

    public record ValueView(long id, long version, String period, LocalDate periodStart, BigDecimal value,
            KriStatus status,
            KriDirection direction, BigDecimal greenLimit, BigDecimal redLimit, boolean computed, String comment,
            Instant updatedAt, String updatedBy) {

        static ValueView of(KriValue v) {
            return new ValueView(v.id, v.version, v.period(), v.periodStart, v.value.stripTrailingZeros(), v.status,
                    v.direction, v.greenLimit.stripTrailingZeros(), v.redLimit.stripTrailingZeros(), v.computed,
                    v.comment,
                    v.updatedAt, v.updatedBy);
        }
    }
}
