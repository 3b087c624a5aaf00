package org.opregister.kri;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opregister.core.EditConflictException;
import org.opregister.core.InvalidInputException;
import org.opregister.core.RuleViolationException;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.core.Role;
import org.opregister.web.ApiErrors;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
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
    public Response list(@QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        FieldErrors errors = new FieldErrors();
        FormInput input = new FormInput(errors);
        String text = input.text("q", q, false, 200);
        KriActivity activity = input.choice("status", status, KriActivity.class, false);
        if (errors.any()) {
            return ApiErrors.badRequest(errors);
        }
        PageResult<Kri> result = Kri.search(text, activity, PageRequest.of(page, size));
        return Response.ok(new Page<>(result.items().stream().map(KriView::of).toList(), result.page(), result.size(),
                result.total())).build();
    }

    @GET
    @Path("{id}")
    public KriView kri(@PathParam("id") long id) {
        return KriView.of(KriService.kri(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response create(KriForm body) {
        if (body == null) {
            return ApiErrors.badRequest(new FieldErrors().add(FieldErrors.FORM, "error.emptyBody"));
        }
        try {
            Kri kri = service.create(body);
            return Response.created(URI.create("/api/kris/" + kri.id)).entity(KriView.of(kri)).build();
        } catch (InvalidInputException e) {
            return ApiErrors.badRequest(e.errors());
        }
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    public Response update(@PathParam("id") long id, KriForm body) {
        if (body == null) {
            return ApiErrors.badRequest(new FieldErrors().add(FieldErrors.FORM, "error.emptyBody"));
        }
        try {
            return Response.ok(KriView.of(service.update(id, body))).build();
        } catch (InvalidInputException e) {
            return ApiErrors.badRequest(e.errors());
        } catch (EditConflictException e) {
            return ApiErrors.status(409, "error.editConflict");
        }
    }

    @GET
    @Path("{id}/values")
    public List<ValueView> values(@PathParam("id") long id) {
        return KriValue.of(KriService.kri(id)).stream().map(ValueView::of).toList();
    }

    @POST
    @Path("{id}/values")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    @Operation(summary = "Record a value", description = "Body: period (2024-07 or 2024-Q3), value, comment.")
    public Response record(@PathParam("id") long id, ValueForm body) {
        if (body == null) {
            return ApiErrors.badRequest(new FieldErrors().add(FieldErrors.FORM, "error.emptyBody"));
        }
        try {
            KriValue value = service.record(id, body);
            return Response.created(URI.create("/api/kris/" + id + "/values")).entity(ValueView.of(value)).build();
        } catch (InvalidInputException e) {
            return ApiErrors.badRequest(e.errors());
        } catch (RuleViolationException e) {
            return ApiErrors.status(409, e.messageKey());
        }
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public record KriView(long id, long version, String reference, String name, String description, String unit,
            KriFrequency frequency, String owner, KriDirection direction, BigDecimal greenLimit, BigDecimal redLimit,
            KriSource source, EventCategory eventCategory, BusinessLine businessLine, String valuesFrom,
            KriActivity status, List<String> risks, String latestPeriod, KriStatus latestStatus, String valueMissingFrom,
            Instant updatedAt, String updatedBy) {

        static KriView of(Kri k) {
            KriTrend trend = KriTrend.of(k);
            KriValue latest = trend.latest();
            return new KriView(k.id, k.version, k.reference, k.name, k.description, k.unit, k.frequency, k.owner,
                    k.direction, k.greenLimit.stripTrailingZeros(), k.redLimit.stripTrailingZeros(), k.source,
                    k.eventCategory, k.businessLine, k.valuesFrom == null ? null : k.periodLabel(k.valuesFrom), k.status,
                    KriRisk.risksOf(k).stream().map(r -> r.reference).toList(), latest == null ? null : latest.period(),
                    latest == null ? null : latest.status, trend.due().oldestMissing(), k.updatedAt, k.updatedBy);
        }
    }

    public record ValueView(long id, long version, String period, LocalDate periodStart, BigDecimal value, KriStatus status,
            KriDirection direction, BigDecimal greenLimit, BigDecimal redLimit, boolean computed, String comment,
            Instant updatedAt, String updatedBy) {

        static ValueView of(KriValue v) {
            return new ValueView(v.id, v.version, v.period(), v.periodStart, v.value.stripTrailingZeros(), v.status,
                    v.direction, v.greenLimit.stripTrailingZeros(), v.redLimit.stripTrailingZeros(), v.computed, v.comment,
                    v.updatedAt, v.updatedBy);
        }
    }
}
