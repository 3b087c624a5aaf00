package org.opregister.risk;

import java.net.URI;
import java.time.Instant;
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

import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.risk.RatingsOverrideForm.RatingsOverride;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.web.ApiErrors;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;

/** JSON API of the risk register (the control library's is control.ControlApi, under the same tag). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risks and controls")
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class RiskApi {

    @Inject
    RiskService service;

    @GET
    @Path("risks")
    @Operation(summary = "List risks", description = "Same filters, paging and sort as the risk register page.")
    public Page<RiskView> risks(@BeanParam RiskResource.Query query) {
        FieldErrors errors = new FieldErrors();
        RiskFilter filter = query.params().parse(errors);
        Edits.failIfAny(errors);
        PageResult<Risk> page = Risk.search(filter, query.sort, PageRequest.of(query.page, query.size));
        return new Page<>(page.items().stream().map(RiskView::of).toList(), page.page(), page.size(), page.total());
    }

    @GET
    @Path("risks/{id}")
    @Operation(summary = "One risk with its ratings and controls")
    public RiskView risk(@PathParam("id") long id) {
        return RiskView.of(Records.require(Risk.class, id));
    }

    @POST
    @Path("risks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    @Operation(summary = "Record a risk")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RiskView.class)))
    public Response createRisk(RiskForm body) {
        FieldErrors typed = new FieldErrors();
        Risk risk = service.createRisk(ApiErrors.requireBody(body).parse(typed, null), typed);
        return Response.created(URI.create("/api/risks/" + risk.id)).entity(RiskView.of(risk)).build();
    }

    @PUT
    @Path("risks/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    @Operation(summary = "Edit a risk; 'version' must be the one last read (409 otherwise)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RiskView.class)))
    public Response updateRisk(@PathParam("id") long id, RiskForm body) {
        RiskForm form = ApiErrors.requireBody(body);
        FieldErrors typed = new FieldErrors();
        Risk risk = service.updateRisk(id, form.parse(typed, Records.require(Risk.class, id)), typed);
        return Response.ok(RiskView.of(risk)).build();
    }

    @PUT
    @Path("risks/{id}/ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.MANAGER)
    @Operation(summary = "Override a risk's current ratings", description = "Managers only, with a reason; ratings otherwise change only through an approved assessment.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RiskView.class)))
    public Response overrideRatings(@PathParam("id") long id, RatingsOverrideForm body) {
        FieldErrors typed = new FieldErrors();
        RatingsOverride override = ApiErrors.requireBody(body).parse(typed);
        return Response.ok(RiskView.of(service.overrideRatings(id, override, typed))).build();
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public record RiskView(long id, long version, String reference, String title, String description,
            EventCategory eventCategory, BusinessLine businessLine, String orgUnit, String owner, String assessor,
            int inherentLikelihood, int inherentImpact, int inherentScore, RiskBand inherentBand,
            int residualLikelihood, int residualImpact,
            int residualScore, RiskBand residualBand, String residualComment, String appetite, RiskStatus status,
            List<String> controls, String ratingsOverriddenBy, Instant ratingsOverriddenAt,
            String ratingsOverrideReason,
            Instant updatedAt, String updatedBy) {

        static RiskView of(Risk r) {
            return new RiskView(r.id, r.version, r.reference, r.title, r.description, r.eventCategory, r.businessLine,
                    r.orgUnit, r.owner, r.assessor, r.inherentLikelihood, r.inherentImpact, r.inherent().score(),
                    r.inherent().band(),
                    r.residualLikelihood, r.residualImpact, r.residual().score(), r.residual().band(),
                    r.residualComment,
                    r.appetite, r.status, r.controls().stream().map(c -> c.reference).toList(), r.ratingsOverriddenBy,
                    r.ratingsOverriddenAt, r.ratingsOverrideReason, r.updatedAt, r.updatedBy);
        }
    }
}
