package org.opregister.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

public class FlashFilter {

    @Inject
    Flash flash;

    @ServerRequestFilter
    public void read(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(Flash.COOKIE);
        if (cookie != null && !cookie.getValue().isEmpty()) {
            flash.receive(cookie.getValue());
        }
    }

    /** A page that was shown with the message clears it, unless the response sets a new one. */
    @ServerResponseFilter
    public void clear(ContainerResponseContext response) {
        if (!flash.received() || response.getStatus() == 303) {
            return;
        }
        NewCookie expired = new NewCookie.Builder(Flash.COOKIE).value("").path("/").maxAge(0)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        response.getHeaders().add(HttpHeaders.SET_COOKIE, expired);
    }
}
