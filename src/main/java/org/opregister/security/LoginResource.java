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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

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

        static native TemplateInstance login(boolean error, String notice, boolean demoData, boolean directory,
                boolean provider, String providerName);
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

    @Inject
    OidcProvider provider;

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
                config.demoData(), ldap.enabled(), provider.enabled(),
                config.oidc().displayName().filter(name -> !name.isBlank()).orElse(null));
        Optional<Locale> picked = AppLocale.supported(lang);
        if (picked.isEmpty()) {
            return page;
        }
        // The language picked here: for this page at once, and kept for the pages after sign-in.
        currentLocale.set(picked.get());
        return Response.ok(page).cookie(LanguageCookie.of(picked.get().getLanguage())).build();
    }

    /**
     * A form post like every other, so its CSRF token is checked: another site cannot sign a user out. A user who
     * signed in through the OpenID Connect provider is then sent to the provider's end-session endpoint (RP-Initiated
     * Logout 1.0), which signs them out there too and sends them back to the sign-in page.
     */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@CookieParam(UserSession.COOKIE) String sessionId, @Context UriInfo uri) {
        Optional<URI> atProvider = Optional.empty();
        if (!identity.isAnonymous()) {
            Optional<String> idToken = accounts.closeSession(sessionId);
            audit.event(AuditAction.LOGOUT, identity.getPrincipal().getName(), null);
            FormAuthenticationMechanism.logout(identity);
            if (idToken.isPresent() && provider.enabled()) {
                atProvider = provider.endSession(idToken.get(), uri.getBaseUri().resolve("login").toString());
            }
        }
        NewCookie expired = new NewCookie.Builder(UserSession.COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                .build();
        return Response.fromResponse(Flash.redirect(atProvider.orElse(URI.create("/login")), "flash.signedOut", null))
                .cookie(expired).build();
    }
}
