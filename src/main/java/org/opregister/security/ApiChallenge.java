package org.opregister.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.opregister.core.AppLocale;
import org.opregister.core.Messages;
import org.opregister.web.ApiErrors;

/**
 * Integrations calling {@code /api/*} that are not signed in get {@code 401} with a Basic challenge and the API's
 * JSON error body instead of the browser's redirect to the login page, whatever they sent: no credentials, a wrong
 * password, or the cookies of a session that has ended. It authenticates nobody itself: the session cookie and
 * Basic auth do that.
 * <p>
 * Two paths lead here. Without credentials the request is anonymous and Quarkus asks the mechanisms for a challenge
 * ({@link #sendChallenge}). With credentials that fail, Quarkus asks only the mechanism that read them: the form
 * mechanism claims every request that carries its cookie, so a signed-out or expired session would get the form's
 * redirect; the failure then reaches the route failure handler below, which answers instead.
 */
@ApplicationScoped
public class ApiChallenge implements HttpAuthenticationMechanism {

    static final String API_PATHS = "/api/";
    static final String CHALLENGE = ApiErrors.CHALLENGE;
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    @Inject
    ObjectMapper json;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (isApi(context)) {
            return Uni.createFrom().item(new ChallengeData(401, WWW_AUTHENTICATE, CHALLENGE));
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!isApi(context)) {
            return Uni.createFrom().item(false);
        }
        answer(context);
        return Uni.createFrom().item(true);
    }

    void onAuthenticationFailure(@Observes Router router) {
        router.route(API_PATHS + "*").failureHandler(context -> {
            if (context.failure() instanceof AuthenticationFailedException && !context.response().ended()) {
                answer(context);
            } else {
                context.next();
            }
        });
    }

    private void answer(RoutingContext context) {
        HttpServerResponse response = context.response();
        response.headers().remove(HttpHeaders.LOCATION);
        response.setStatusCode(401)
                .putHeader(WWW_AUTHENTICATE, CHALLENGE)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body(locale(context)));
    }

    private String body(Locale locale) {
        try {
            return json.writeValueAsString(
                    new ApiErrors.Body(401, Messages.get(locale, "error.signInRequired"), Map.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("error body could not be written", e);
        }
    }

    private static Locale locale(RoutingContext context) {
        List<Locale> wanted = context.acceptableLanguages().stream().map(l -> Locale.forLanguageTag(l.value()))
                .toList();
        return AppLocale.pick(wanted);
    }

    private static boolean isApi(RoutingContext context) {
        return context.normalizedPath().startsWith(API_PATHS);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return 3000;
    }
}
