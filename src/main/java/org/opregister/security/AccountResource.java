package org.opregister.security;

import java.net.URI;
import java.util.Optional;

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
import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.FieldErrors;
import org.opregister.core.Role;
import org.opregister.web.CsvDialect;
import org.opregister.web.Flash;
import org.opregister.web.LanguageCookie;
import org.opregister.web.Step;

/**
 * What every signed-in user does with their own account: change the password, choose the language. After an
 * administrator's reset this
 * is the only page that opens until they have (see {@link PasswordChangeGate}).
 */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.OFFICER, Role.MANAGER, Role.AUDITOR, Role.ADMIN})
public class AccountResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance password(FieldErrors errors, boolean directory);

        static native TemplateInstance language(LanguageForm form, FieldErrors errors, CsvDialect csv);
    }

    @Inject
    UserService service;

    @GET
    @Path("password")
    public TemplateInstance passwordForm() {
        return Templates.password(new FieldErrors(), service.currentAccount().directory());
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@BeanParam PasswordForm form, @CookieParam(UserSession.COOKIE) String sessionId) {
        return Step.form(() -> {
            service.changeOwnPassword(form.parse(), sessionId);
            return Flash.redirect(URI.create("/"), "flash.passwordChanged", null);
        }, errors -> Templates.password(errors, service.currentAccount().directory()));
    }

    @GET
    @Path("language")
    public TemplateInstance languageForm(@CookieParam(CsvDialect.COOKIE) String csv) {
        return Templates.language(LanguageForm.of(service.currentAccount()), new FieldErrors(),
                CsvDialect.of(null, csv));
    }

    /** Saved on the account, and in a cookie so that pages shown before sign-in (and errors) follow it too. */
    @POST
    @Path("language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeLanguage(@BeanParam LanguageForm form, @CookieParam(CsvDialect.COOKIE) String csv) {
        return Step.form(() -> {
            User user = service.changeOwnLanguage(form.parse());
            Response redirect = Flash.redirect(URI.create("/account/language"), "flash.languageChanged", null);
            return Response.fromResponse(redirect).cookie(LanguageCookie.of(user.locale)).build();
        }, errors -> Templates.language(form, errors, CsvDialect.of(null, csv)));
    }

    /** How this browser's CSV downloads are written: a preference of the machine's spreadsheet program. */
    @POST
    @Path("csv")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeCsv(@RestForm("csv") String csv, @CookieParam(CsvDialect.COOKIE) String current) {
        Optional<CsvDialect> chosen = CsvDialect.chosen(csv);
        if (chosen.isEmpty()) {
            FieldErrors errors = new FieldErrors().add("csv", "error.choice");
            return Response.status(400).entity(Templates.language(LanguageForm.of(service.currentAccount()),
                    errors, CsvDialect.of(null, current))).build();
        }
        CsvDialect dialect = chosen.get();
        Response redirect = Flash.redirect(URI.create("/account/language"), "flash.csvChanged", null);
        return Response.fromResponse(redirect).cookie(CsvDialect.cookie(dialect)).build();
    }
}
