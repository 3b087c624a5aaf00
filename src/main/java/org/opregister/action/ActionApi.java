package org.opregister.action;

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
import org.opregister.web.ApiErrors;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;

/** JSON API of action plans. */
@Path("/api/actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Action plans")
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class ActionApi {

    @Inject
    ActionService service;

    @GET
    @Operation(summary = "List action plans", description = "Same filters and paging as the action-plan list page.")
    public Page<ActionView> list(@BeanParam ActionResource.Query query) {
        FieldErrors errors = new FieldErrors();
        ActionFilter filter = query.params().parse(errors);
        Edits.failIfAny(errors);
        LocalDate today = AppClock.today();
        PageResult<ActionPlan> page = ActionPlan.search(filter, PageRequest.of(query.page, query.size), today);
        return new Page<>(page.items().stream().map(ActionView::of).toList(), page.page(), page.size(),
                page.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One action plan with its sources")
    public ActionView action(@PathParam("id") long id) {
        return ActionView.of(Records.require(ActionPlan.class, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    @Operation(summary = "Create an action plan", description = "Body: title, description, owner (username), priority,"
            + " dueDate, sourceType (INCIDENT, RISK, CONTROL, KRI_BREACH), source (reference or id).")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ActionView.class)))
    public Response create(ActionForm body) {
        ActionPlan action = service.create(ApiErrors.requireBody(body).parse(new FieldErrors(), true));
        return Response.created(URI.create("/api/actions/" + action.id)).entity(ActionView.of(action)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    @Operation(summary = "Edit an action plan", description = "Body: title, description, owner, priority, version (the one"
            + " last read; 409 otherwise). The owner and managers edit a plan (403 for other users); only a manager"
            + " changes its owner.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActionView.class)))
    public Response update(@PathParam("id") long id, ActionForm body) {
        return Response
                .ok(ActionView.of(service.update(id, ApiErrors.requireBody(body).parse(new FieldErrors(), false))))
                .build();
    }

    /** A progress update by the owner. */
    public record UpdateBody(String updateDate, String progress, String note) {
    }

    @POST
    @Path("{id}/updates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    @Operation(summary = "Post a progress update (the owner)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ActionView.class)))
    public Response postUpdate(@PathParam("id") long id, UpdateBody body) {
        ApiErrors.requireBody(body);
        service.postUpdate(id, ActionService.ProgressUpdate.parse(body.updateDate(), body.progress(), body.note()));
        return Response.status(201).entity(ActionView.of(Records.require(ActionPlan.class, id))).build();
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public record SourceView(SourceType type, long id, String label) {
    }

    public record ActionView(long id, long version, String reference, String title, String description, String owner,
            Priority priority, ActionStatus status, boolean overdue, Aging aging, int progress, LocalDate dueDate,
            LocalDate originalDueDate, List<SourceView> sources, String closureNote, String reviewedBy,
            String reviewComment, LocalDate completedOn, Instant updatedAt, String updatedBy) {

        static ActionView of(ActionPlan a) {
            return new ActionView(a.id, a.version, a.reference, a.title, a.description, a.owner, a.priority, a.status,
                    a.overdue(), a.status.open() ? a.aging() : null, a.progress, a.dueDate, a.originalDueDate,
                    a.sources().stream().map(s -> new SourceView(s.type, s.sourceId, s.label())).toList(),
                    a.closureNote,
                    a.review.reviewedBy, a.review.reviewComment, a.completedOn, a.updatedAt, a.updatedBy);
        }
    }
}
