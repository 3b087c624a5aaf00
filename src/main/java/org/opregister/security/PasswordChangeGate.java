package org.opregister.security;

import java.net.URI;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.opregister.web.ApiErrors;

/**
 * After an administrator's password reset the user must choose a new password before anything else: every page
 * sends them to {@code /account/password} (303) and the API answers 403. Signing in and out, and the change
 * itself, stay open; static files are not served through here at all.
 */
public class PasswordChangeGate {

    /** Identity attribute, read from the account on every request: a new password must be chosen first. */
    static final String ATTRIBUTE = "oprisk.must-change-password";

    static final String CHANGE_PAGE = "/account/password";
    private static final Set<String> OPEN = Set.of(CHANGE_PAGE, "/logout", "/login");

    @Inject
    CurrentUser user;

    @ServerRequestFilter
    public Response gate(ContainerRequestContext request) {
        if (!user.signedIn() || !user.mustChangePassword()) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        if (OPEN.contains(path)) {
            return null;
        }
        if (path.startsWith("/api/")) {
            return ApiErrors.status(403, "error.passwordChangeRequired");
        }
        return Response.seeOther(URI.create(CHANGE_PAGE)).build();
    }
}
