package org.opregister.security;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;

import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditWriter;
import org.opregister.core.AppLocale;
import org.opregister.core.CurrentLocale;
import org.opregister.core.OpriskConfig;
import org.opregister.web.Flash;
import org.opregister.web.LanguageCookie;

@Path("/")
public class LoginResource {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance login(boolean error, String notice, boolean demoData, boolean directory);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    AuditWriter audit;

    @Inject
    Accounts accounts;

    @Inject
    OpriskConfig config;

    @Inject
    CurrentLocale currentLocale;

    @Inject
    LdapDirectory ldap;

    @GET
    @Path("login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Object login(@QueryParam("error") String error,
            @CookieParam(PasswordIdentityProvider.NOTICE) String notice, @QueryParam("lang") String lang) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/")).build();
        }
        TemplateInstance page = Templates.login(error != null, error == null ? null : LoginNotice.known(notice),
                config.demoData(), ldap.enabled());
        Optional<Locale> picked = AppLocale.supported(lang);
        if (picked.isEmpty()) {
            return page;
        }
        // The language picked here: for this page at once, and kept for the pages after sign-in.
        currentLocale.set(picked.get());
        return Response.ok(page).cookie(LanguageCookie.of(picked.get().getLanguage())).build();
    }

    /** A form post like every other, so its CSRF token is checked: another site cannot sign a user out. */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@CookieParam(UserSession.COOKIE) String sessionId) {
        if (!identity.isAnonymous()) {
            accounts.closeSession(sessionId);
            audit.event(AuditAction.LOGOUT, identity.getPrincipal().getName(), null);
            FormAuthenticationMechanism.logout(identity);
        }
        NewCookie expired = new NewCookie.Builder(UserSession.COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                .build();
        return Response.fromResponse(Flash.redirect("/login", "flash.signedOut", null)).cookie(expired).build();
    }
}
