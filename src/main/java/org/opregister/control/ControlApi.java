package org.opregister.control;

import java.net.URI;
import java.time.Instant;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opregister.control.EffectivenessOverrideForm.EffectivenessOverride;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.web.ApiErrors;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;

/** JSON API of the control library (the risk register's is risk.RiskApi, under the same tag). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Risks and controls")
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class ControlApi {

    @Inject
    ControlService service;

    @Inject
    ControlRisks.Source risks;

    @GET
    @Path("controls")
    @Operation(summary = "List controls")
    public Page<ControlView> controls(@QueryParam("q") String q, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        FieldErrors errors = new FieldErrors();
        String text = new FormInput(errors).text("q", q, false, 200);
        Edits.failIfAny(errors);
        PageResult<Control> result = Control.search(text, PageRequest.of(page, size));
        return new Page<>(result.items().stream().map(this::view).toList(), result.page(), result.size(),
                result.total());
    }

    @GET
    @Path("controls/{id}")
    @Operation(summary = "One control with its risks")
    public ControlView control(@PathParam("id") long id) {
        return view(Records.require(Control.class, id));
    }

    @POST
    @Path("controls")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    @Operation(summary = "Record a control")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ControlView.class)))
    public Response createControl(ControlForm body) {
        FieldErrors typed = new FieldErrors();
        Control control = service.createControl(ApiErrors.requireBody(body).parse(typed, null), typed);
        return Response.created(URI.create("/api/controls/" + control.id)).entity(view(control)).build();
    }

    @PUT
    @Path("controls/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.OFFICER, Role.MANAGER})
    @Operation(summary = "Edit a control; 'version' must be the one last read (409 otherwise)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ControlView.class)))
    public Response updateControl(@PathParam("id") long id, ControlForm body) {
        ControlForm form = ApiErrors.requireBody(body);
        FieldErrors typed = new FieldErrors();
        Control control = service.updateControl(id, form.parse(typed, Records.require(Control.class, id)), typed);
        return Response.ok(view(control)).build();
    }

    @PUT
    @Path("controls/{id}/effectiveness")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.MANAGER)
    @Operation(summary = "Override a control's effectiveness", description = "Managers only, with a reason;"
            + " effectiveness otherwise changes only through an approved assessment or a signed-off test.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ControlView.class)))
    public Response overrideEffectiveness(@PathParam("id") long id, EffectivenessOverrideForm body) {
        FieldErrors typed = new FieldErrors();
        EffectivenessOverride override = ApiErrors.requireBody(body).parse(typed);
        return Response.ok(view(service.overrideEffectiveness(id, override, typed))).build();
    }

    private ControlView view(Control control) {
        return ControlView.of(control, risks.referencesOf(control));
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public record ControlView(long id, long version, String reference, String title, String description,
            ControlType type,
            ControlNature nature, ControlFrequency frequency, String owner, Effectiveness designEffectiveness,
            Effectiveness operatingEffectiveness, boolean keyControl, List<String> risks,
            String effectivenessOverriddenBy, Instant effectivenessOverriddenAt, String effectivenessOverrideReason,
            Instant updatedAt, String updatedBy) {

        static ControlView of(Control c, List<String> risks) {
            return new ControlView(c.id, c.version, c.reference, c.title, c.description, c.type, c.nature, c.frequency,
                    c.owner, c.designEffectiveness, c.operatingEffectiveness, c.keyControl, risks,
                    c.effectivenessOverriddenBy, c.effectivenessOverriddenAt, c.effectivenessOverrideReason,
                    c.updatedAt, c.updatedBy);
        }
    }
}
