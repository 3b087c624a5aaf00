package org.opregister.security;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.opregister.audit.AuditLine;
import org.opregister.audit.AuditLines;
import org.opregister.core.FieldErrors;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.web.Flash;
import org.opregister.web.Step;

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
    public Response create(@BeanParam UserForm form) {
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            User user = service.create(form.parse(typed, null), typed);
            return Flash.redirect(URI.create("/admin/users/" + user.id), "flash.userCreated", user.username);
        }, errors -> {
            form.password = null;
            return Templates.form(null, form, errors, List.of(Role.ALL), new FieldErrors());
        });
    }

    @GET
    @Path("{id}")
    public TemplateInstance edit(@PathParam("id") long id) {
        User user = user(id);
        return Templates.form(user, UserForm.of(user), new FieldErrors(), List.of(Role.ALL), new FieldErrors());
    }

    @GET
    @Path("{id}/history")
    public TemplateInstance history(@PathParam("id") long id) {
        User user = user(id);
        return Templates.history(user, AuditLines.history("User", user.id));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @BeanParam UserForm form) {
        return Step.form(() -> {
            FieldErrors typed = new FieldErrors();
            User user = service.update(id, form.parse(typed, Records.require(User.class, id)), typed);
            return Flash.redirect(URI.create("/admin/users/" + id), "flash.userUpdated", user.username);
        }, errors -> again(id, form, errors, new FieldErrors()));
    }

    @POST
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetPassword(@PathParam("id") long id, @BeanParam PasswordForm form) {
        return Step.form(() -> {
            User user = service.resetPassword(id, form.password);
            return Flash.redirect(URI.create("/admin/users/" + id), "flash.passwordReset", user.username);
        }, errors -> {
            User user = user(id);
            // A directory account's page has no password form: the refusal is shown with the page's own errors.
            return user.directory()
                    ? again(id, UserForm.of(user), errors, new FieldErrors())
                    : again(id, UserForm.of(user), new FieldErrors(), errors);
        });
    }

    private TemplateInstance again(long id, UserForm form, FieldErrors errors, FieldErrors passwordErrors) {
        User user = user(id);
        form.username = user.username;
        return Templates.form(user, form, errors, List.of(Role.ALL), passwordErrors);
    }

    private static User user(long id) {
        return Records.require(User.class, id);
    }
}
