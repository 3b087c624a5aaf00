package org.opregister.security;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens a browser session for a sign-in that did not go through the sign-in form (OpenID Connect): the same two
 * cookies the form gives, the encrypted one that names the user (read back by Quarkus's form mechanism, so session
 * timeout and renewal work the same) and the register's own session id. Also keeps the sealed OpenID Connect
 * handshake between the redirect to the provider and its answer.
 */
@ApplicationScoped
public class BrowserSessions {

    static final String HANDSHAKE_COOKIE = "oprisk-oidc";
    private static final String HANDSHAKE_PATH = "/login/oidc";
    /** How long a user may take at the provider's sign-in page. */
    private static final Duration HANDSHAKE_LIFETIME = Duration.ofMinutes(10);
    /** Where the form mechanism keeps the page asked for before the sign-in page. */
    private static final String LOCATION_COOKIE = "quarkus-redirect-location";
    /** The length of user_session.id_token. */
    private static final int ID_TOKEN_MAX = 16384;

    private final PersistentLoginManager sessions;
    private final PersistentLoginManager handshakes;
    private final String sessionCookie;

    @Inject
    Accounts accounts;

    @Inject
    BrowserSessions(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") String key,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName,
            @ConfigProperty(name = "quarkus.http.auth.form.timeout") Duration timeout,
            @ConfigProperty(name = "quarkus.http.auth.form.new-cookie-interval") Duration renewal) {
        this.sessionCookie = cookieName;
        this.sessions = new PersistentLoginManager(key, cookieName, timeout.toMillis(), renewal.toMillis(), true,
                "LAX", "/", -1, null);
        this.handshakes = new PersistentLoginManager(key, HANDSHAKE_COOKIE, HANDSHAKE_LIFETIME.toMillis(),
                HANDSHAKE_LIFETIME.toMillis(), true, "LAX", HANDSHAKE_PATH, -1, null);
    }

    /** The user signed in: both session cookies set on the response. */
    void open(RoutingContext routing, User user, String idToken) {
        boolean secure = routing.request().isSSL();
        // A token too long to keep (a provider listing hundreds of groups) only costs the hint at sign-out.
        String kept = idToken != null && idToken.length() <= ID_TOKEN_MAX ? idToken : null;
        routing.response().addCookie(UserSession.cookie(accounts.openSession(user.username, kept), secure));
        sessions.save(user.username, routing, sessionCookie, null, secure);
    }

    void keepHandshake(RoutingContext routing, OidcProvider.Handshake handshake) {
        handshakes.save(handshake.sealed(), routing, HANDSHAKE_COOKIE, null, routing.request().isSSL());
    }

    /** The handshake this browser started, if it is still fresh; it can be used once. */
    Optional<OidcProvider.Handshake> takeHandshake(RoutingContext routing) {
        PersistentLoginManager.RestoreResult kept = handshakes.restore(routing, HANDSHAKE_COOKIE);
        handshakes.clear(routing);
        return kept == null ? Optional.empty() : OidcProvider.Handshake.unsealed(kept.getPrincipal());
    }

    /**
     * The page the user asked for before they were sent to sign in, as a path of this site; "/" if none. Read once.
     */
    String pageAskedFor(RoutingContext routing) {
        Cookie kept = routing.request().getCookie(LOCATION_COOKIE);
        if (kept == null) {
            return "/";
        }
        routing.response().addCookie(Cookie.cookie(LOCATION_COOKIE, "").setPath("/").setMaxAge(0));
        try {
            java.net.URI asked = java.net.URI.create(kept.getValue());
            String path = asked.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/login")) {
                return "/";
            }
            return asked.getRawQuery() == null ? path : path + "?" + asked.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
