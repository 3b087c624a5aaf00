package org.opregister.security;

import java.net.URI;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Sign-in through the bank's OpenID Connect provider, authorization code flow (OpenID Connect Core 1.0, section 3.1)
 * with PKCE: {@code /login/oidc} sends the browser to the provider with a fresh state, nonce and code challenge kept
 * sealed in a cookie; the provider sends it back to {@code /login/oidc/callback} with a code, exchanged for an ID
 * token. The register then opens its own session, as for the sign-in form, so that lock-out, session lifetime,
 * sign-out and the audit trail are the same whatever the method.
 */
@Path("/login/oidc")
public class OidcSignInResource {

    @Inject
    OidcProvider provider;

    @Inject
    Accounts accounts;

    @Inject
    BrowserSessions sessions;

    @Inject
    RoutingContext routing;

    @Inject
    SecurityIdentity identity;

    @GET
    @PermitAll
    public Response start(@Context UriInfo uri) {
        if (!provider.enabled()) {
            throw new NotFoundException();
        }
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create("/")).build();
        }
        OidcProvider.Handshake handshake = OidcProvider.Handshake.fresh();
        try {
            URI to = provider.authorizationRequest(callback(uri), handshake);
            sessions.keepHandshake(routing, handshake);
            return Response.seeOther(to).build();
        } catch (OidcProvider.ProviderException e) {
            // Nobody has signed in yet: the log says why (OidcProvider), the trail is for sign-ins.
            return toSignInPage(notice(e.failure()));
        }
    }

    @GET
    @Path("callback")
    @PermitAll
    public Response callback(@Context UriInfo uri, @QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error) {
        if (!provider.enabled()) {
            throw new NotFoundException();
        }
        Optional<OidcProvider.Handshake> handshake = sessions.takeHandshake(routing);
        if (handshake.isEmpty()) {
            // No sign-in of this browser waits for an answer (expired, used, or a link from elsewhere): nothing to
            // record, so that anyone's request cannot write to the trail.
            return toSignInPage(LoginNotice.PROVIDER_FAILED);
        }
        if (state == null || !state.equals(handshake.get().state())) {
            return refused("an answer that is not this browser's sign-in (state not matching)",
                    LoginNotice.PROVIDER_FAILED);
        }
        if (error != null || code == null) {
            // RFC 6749, section 4.1.2.1: the user declined, or the provider would not sign them in.
            return refused("the provider answered " + errorCode(error), LoginNotice.PROVIDER_FAILED);
        }
        OidcProvider.SignedIn signedIn;
        try {
            signedIn = provider.signIn(code, callback(uri), handshake.get());
        } catch (OidcProvider.ProviderException e) {
            return refused(e.getMessage(), notice(e.failure()));
        }
        Accounts.Attempt attempt = accounts.signInThroughProvider(signedIn.entry(),
                PasswordIdentityProvider.clientAddress(routing));
        if (attempt.outcome() != Accounts.Outcome.SUCCESS) {
            String notice = LoginNotice.of(attempt.outcome());
            return toSignInPage(notice == null ? LoginNotice.PROVIDER_FAILED : notice);
        }
        sessions.open(routing, attempt.user(), signedIn.idToken());
        return Response.seeOther(URI.create(sessions.pageAskedFor(routing))).build();
    }

    /** The error code as RFC 6749 allows it (section 4.1.2.1: printable ASCII, no quote or backslash), kept short. */
    private static String errorCode(String error) {
        return error != null && error.matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}") ? error : "no valid code";
    }

    private static String callback(UriInfo uri) {
        return uri.getBaseUri().resolve("login/oidc/callback").toString();
    }

    private static String notice(OidcProvider.Failure failure) {
        return failure == OidcProvider.Failure.UNAVAILABLE ? LoginNotice.UNAVAILABLE : LoginNotice.PROVIDER_FAILED;
    }

    private Response refused(String why, String notice) {
        accounts.providerSignInFailed(why, PasswordIdentityProvider.clientAddress(routing));
        return toSignInPage(notice);
    }

    private Response toSignInPage(String notice) {
        routing.response().addCookie(LoginNotice.cookie(notice));
        return Response.seeOther(URI.create("/login?error=true")).build();
    }
}
