package org.opregister.security;

import org.opregister.core.Role;

import java.net.URI;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.opregister.audit.AuditLine;
import org.opregister.audit.AuditLines;
import org.opregister.core.EditConflictException;
import org.opregister.core.InvalidInputException;
import org.opregister.core.FieldErrors;
import org.opregister.web.Flash;

/** User administration: list, create, roles, disable, password reset. Administrators only. */
@Path("/admin/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class UserAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<User> users);

        static native TemplateInstance form(User user, UserForm form, FieldErrors errors, List<String> roles,
                FieldErrors passwordErrors);

        static native TemplateInstance history(User user, List<AuditLine> entries);
    }

    @Inject
    UserService service;

    @GET
    public TemplateInstance list() {
        return Templates.list(User.list("order by username"));
    }

    @GET
    @Path("new")
    public TemplateInstance createForm() {
        return Templates.form(null, UserForm.blank(), new FieldErrors(), List.of(Role.ALL), new FieldErrors());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> posted) {
        UserForm form = UserForm.from(posted);
        try {
            User user = service.create(form);
            return Flash.redirect(URI.create("/admin/users/" + user.id), "flash.userCreated", user.username);
        } catch (InvalidInputException e) {
            form.password = null;
            return Response.status(400).entity(Templates.form(null, form, e.errors(), List.of(Role.ALL), new FieldErrors())).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance edit(@PathParam("id") long id) {
        User user = UserService.get(id);
        return Templates.form(user, UserForm.of(user), new FieldErrors(), List.of(Role.ALL), new FieldErrors());
    }

    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        User user = UserService.get(id);
        return Templates.history(user, AuditLines.history("User", user.id));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        UserForm form = UserForm.from(posted);
        try {
            User user = service.update(id, form);
            return Flash.redirect(URI.create("/admin/users/" + id), "flash.userUpdated", user.username);
        } catch (InvalidInputException e) {
            return again(id, form, e.errors(), new FieldErrors(), 400);
        } catch (EditConflictException e) {
            return again(id, form, new FieldErrors().add(FieldErrors.FORM, "error.editConflict"), new FieldErrors(), 409);
        }
    }

    @POST
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetPassword(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        try {
            User user = service.resetPassword(id, posted.getFirst("password"));
            return Flash.redirect(URI.create("/admin/users/" + id), "flash.passwordReset", user.username);
        } catch (InvalidInputException e) {
            return again(id, UserForm.of(UserService.get(id)), new FieldErrors(), e.errors(), 400);
        }
    }

    private Response again(long id, UserForm form, FieldErrors errors, FieldErrors passwordErrors, int status) {
        User user = UserService.get(id);
        form.username = user.username;
        return Response.status(status).entity(Templates.form(user, form, errors, List.of(Role.ALL), passwordErrors)).build();
    }
}
