package org.opregister.security;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditWriter;
import org.opregister.core.OpriskConfig;
import org.opregister.web.CrossSiteSignIn;

/**
 * Refuses sign-ins posted from another site (login CSRF: a page elsewhere posting the attacker's credentials to
 * {@code /j_security_check} would sign the victim's browser in as the attacker). Browsers say where a post comes
 * from: {@code Sec-Fetch-Site} ({@code cross-site} or {@code same-site} is refused) and {@code Origin} (refused unless
 * it is the request's own scheme, host and port, the origin of {@code oprisk.base-url}, or one of
 * {@code oprisk.allowed-origins}). Clients that send neither header are not browsers posting a form across sites
 * and pass. The check runs before authentication, so a refused sign-in never counts as a failed password; it is
 * audited with the username tried (never the password) and answered with 403.
 */
@ApplicationScoped
public class SignInOrigin {

    private static final Logger LOG = Logger.getLogger(SignInOrigin.class);

    /** Before the authentication handler, which reads and checks the posted password. */
    static final int PRIORITY = SecurityHandlerPriorities.AUTHENTICATION + 50;

    @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
    String postLocation;

    @ConfigProperty(name = "quarkus.http.auth.form.username-parameter", defaultValue = "j_username")
    String usernameParameter;

    @Inject
    OpriskConfig config;

    @Inject
    AuditWriter audit;

    private volatile Set<String> allowedOrigins;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        // The form mechanism takes every POST whose path ends with the post location.
        if (request.method() != HttpMethod.POST || !context.normalizedPath().endsWith(postLocation)) {
            context.next();
            return;
        }
        String ownOrigin = request.authority() == null ? null : request.scheme() + "://" + request.authority();
        String refusal = refusal(request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"), ownOrigin,
                allowedOrigins());
        if (refusal == null) {
            context.next();
        } else {
            refuse(context, refusal);
        }
    }

    /** Why a sign-in with these headers is refused, or null when it may go ahead. */
    static String refusal(String origin, String fetchSite, String ownOrigin, Set<String> allowedOrigins) {
        if ("cross-site".equalsIgnoreCase(fetchSite) || "same-site".equalsIgnoreCase(fetchSite)) {
            return "Sec-Fetch-Site: " + fetchSite;
        }
        if (origin == null) {
            return null;
        }
        String normalized = normalize(origin);
        if (normalized != null && (normalized.equals(normalize(ownOrigin)) || allowedOrigins.contains(normalized))) {
            return null;
        }
        return "Origin: " + origin;
    }

    /** {@code scheme://host:port} in lower case with the port spelt out, or null for anything that is no origin. */
    static String normalize(String origin) {
        if (origin == null) {
            return null;
        }
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return null;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private Set<String> allowedOrigins() {
        if (allowedOrigins == null) {
            Set<String> origins = new HashSet<>();
            Optional.ofNullable(normalize(originOf(config.baseUrl()))).ifPresent(origins::add);
            config.allowedOrigins().orElse(List.of()).stream().map(SignInOrigin::normalize).filter(o -> o != null)
                    .forEach(origins::add);
            allowedOrigins = Set.copyOf(origins);
        }
        return allowedOrigins;
    }

    private static String originOf(String url) {
        try {
            URI uri = new URI(url.strip());
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Reads the username from the posted form for the audit trail, then answers 403 through the error pages. */
    private void refuse(RoutingContext context, String refusal) {
        HttpServerRequest request = context.request();
        if (request.isEnded()) {
            audit(context, request.getFormAttribute(usernameParameter), refusal);
            return;
        }
        request.setExpectMultipart(true);
        request.endHandler(ended -> audit(context, request.getFormAttribute(usernameParameter), refusal));
        request.resume();
    }

    private void audit(RoutingContext context, String username, String refusal) {
        String name = username == null ? "" : username.replaceAll("\\p{Cntrl}", "").strip();
        String details = ("sent from another site (" + refusal + ")").replaceAll("\\p{Cntrl}", "");
        context.vertx().executeBlocking(() -> {
            audit.event(AuditAction.LOGIN_REFUSED, name, details);
            return null;
        }, false).onComplete(done -> {
            if (done.failed()) {
                LOG.warnf("Refused a sign-in sent from another site (%s); it could not be audited: %s", details,
                        done.cause().toString());
            }
            context.fail(new CrossSiteSignIn());
        });
    }
}
