package org.opregister.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.opregister.core.AppLocale;
import org.opregister.core.CurrentLocale;

/** Chooses the request's language before anything renders (see {@link AppLocale#resolve}). */
public class LocaleFilter {

    @Inject
    CurrentLocale currentLocale;

    @Inject
    RoutingContext routingContext;

    @ServerRequestFilter(preMatching = true)
    public void pickLocale(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(AppLocale.COOKIE);
        currentLocale.set(AppLocale.resolve(userChoice(), cookie == null ? null : cookie.getValue(),
                request.getAcceptableLanguages()));
    }

    /** Authentication ran before this filter: the identity it established carries the user's saved choice. */
    private String userChoice() {
        if (routingContext.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            Object choice = user.getSecurityIdentity().getAttribute(AppLocale.IDENTITY_ATTRIBUTE);
            return choice == null ? null : choice.toString();
        }
        return null;
    }
}
