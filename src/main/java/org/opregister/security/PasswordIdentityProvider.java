package org.opregister.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** Username and password, from the login form or HTTP basic auth, checked against the accounts. */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /**
     * Tells the login page why a sign-in was refused when it is not a wrong password: locked for a while (for any
     * username, existing or not), in no directory group that gives a role, local sign-in off, directory unreachable.
     */
    public static final String NOTICE = "oprisk-login-notice";

    @Inject
    Accounts accounts;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        boolean interactive = routing != null && routing.normalizedPath().endsWith("/j_security_check");
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> {
            Accounts.Attempt attempt = accounts.signIn(request.getUsername(), password, interactive,
                    clientAddress(routing));
            if (attempt.outcome() == Accounts.Outcome.SUCCESS) {
                if (interactive) {
                    routing.response().addCookie(UserSession.cookie(accounts.openSession(attempt.user().username),
                            routing.request().isSSL()));
                }
                return accounts.identity(attempt.user());
            }
            String notice = LoginNotice.of(attempt.outcome());
            if (notice != null && interactive) {
                routing.response().addCookie(LoginNotice.cookie(notice));
            }
            throw new AuthenticationFailedException();
        });
    }

    /** The client's address: the connection's, or the one a trusted proxy forwarded (see quarkus.http.proxy.*). */
    static String clientAddress(RoutingContext routing) {
        if (routing == null || routing.request().remoteAddress() == null) {
            return null;
        }
        return routing.request().remoteAddress().hostAddress();
    }
}
