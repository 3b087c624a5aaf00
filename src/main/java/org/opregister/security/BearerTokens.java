package org.opregister.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Integrations may call {@code /api/*} with a bearer access token of the bank's OpenID Connect provider (RFC 6750)
 * instead of a password: a JWT the provider signed for the API's audience. It names an account made at a browser
 * sign-in through the provider; the roles are those its groups claim gives now (or, if the token carries no groups,
 * the account's), and a disabled account is refused. Off while no provider is set up.
 */
@ApplicationScoped
public class BearerTokens implements HttpAuthenticationMechanism {

    private static final String PREFIX = "bearer ";

    /** The token, as the mechanism read it. */
    public static final class TokenRequest extends BaseAuthenticationRequest {

        private final String token;

        TokenRequest(String token) {
            this.token = token;
        }
    }

    /** Checks the token with the provider's keys, off the event loop (the keys may have to be fetched). */
    @ApplicationScoped
    public static class TokenIdentityProvider implements IdentityProvider<TokenRequest> {

        @Inject
        OidcProvider provider;

        @Inject
        Accounts accounts;

        @Override
        public Class<TokenRequest> getRequestType() {
            return TokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> {
                try {
                    return accounts.bearerIdentity(provider.bearer(request.token));
                } catch (OidcProvider.ProviderException e) {
                    throw new AuthenticationFailedException(e.getMessage());
                }
            });
        }
    }

    @Inject
    OidcProvider provider;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String token = token(context);
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new TokenRequest(token), context));
    }

    private String token(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= PREFIX.length()
                || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || !context.normalizedPath().startsWith(ApiChallenge.API_PATHS) || !provider.enabled()) {
            return null;
        }
        return header.substring(PREFIX.length()).strip();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (token(context) == null) {
            return Uni.createFrom().nullItem();
        }
        // RFC 6750, section 3.1: the token was read and refused.
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
