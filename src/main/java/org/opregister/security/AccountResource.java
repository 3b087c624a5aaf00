package org.opregister.security;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.opregister.core.FieldErrors;
import org.opregister.core.Role;
import org.opregister.web.Flash;
import org.opregister.web.Step;

/**
 * What every signed-in user does with their own account: change the password. After an administrator's reset this
 * is the only page that opens until they have (see {@link PasswordChangeGate}).
 */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class AccountResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance password(FieldErrors errors);
    }

    @Inject
    UserService service;

    @GET
    @Path("password")
    public TemplateInstance passwordForm() {
        return Templates.password(new FieldErrors());
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@BeanParam PasswordForm form, @CookieParam(UserSession.COOKIE) String sessionId) {
        return Step.form(() -> {
            service.changeOwnPassword(form.parse(), sessionId);
            return Flash.redirect(URI.create("/"), "flash.passwordChanged", null);
        }, Templates::password);
    }
}
