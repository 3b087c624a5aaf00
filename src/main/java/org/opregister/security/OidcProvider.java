package org.opregister.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;
import org.jose4j.http.Get;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

import org.opregister.core.OpriskConfig;

/**
 * The bank's OpenID Connect provider, as a relying party sees it (OpenID Connect Core 1.0): its discovery document,
 * the authorization request of the code flow with PKCE (RFC 7636, S256), the code exchanged for tokens at the token
 * endpoint, the ID token validated as section 3.1.3.7 requires (signature by a key of the provider's JWKS, issuer,
 * audience, authorized party, expiry, nonce), bearer access tokens validated the same way for the API, and the
 * provider's end-session endpoint (RP-Initiated Logout 1.0). Only asymmetric signatures are accepted.
 */
@ApplicationScoped
public class OidcProvider {

    private static final Logger LOG = Logger.getLogger(OidcProvider.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AlgorithmConstraints SIGNATURES = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.RSA_PSS_USING_SHA384,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA512, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
            AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512);
    /** Clocks of the provider and the register may differ by this much. */
    private static final int CLOCK_SKEW_SECONDS = 60;

    /** Why a sign-in through the provider did not give a user. */
    public enum Failure {
        /** The provider answered, but not with a valid sign-in (a refused consent, a bad or replayed token). */
        REJECTED,
        /** The provider could not be reached or did not answer in time. */
        UNAVAILABLE
    }

    public static final class ProviderException extends Exception {

        private final Failure failure;

        ProviderException(Failure failure, String message, Throwable cause) {
            super(message, cause);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    /** What the browser carries from the authorization request to the callback (kept sealed in a cookie). */
    public record Handshake(String state, String nonce, String verifier) {

        static Handshake fresh() {
            return new Handshake(random(), random(), random());
        }

        String challenge() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        String sealed() {
            return state + "." + nonce + "." + verifier;
        }

        static Optional<Handshake> unsealed(String value) {
            String[] parts = value == null ? new String[0] : value.split("\\.");
            return parts.length == 3 ? Optional.of(new Handshake(parts[0], parts[1], parts[2])) : Optional.empty();
        }

        private static String random() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }

    /** A user the provider vouched for, and the ID token that says so (kept for the sign-out). */
    public record SignedIn(DirectoryEntry entry, String idToken) {
    }

    private record Metadata(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
            String endSessionEndpoint, boolean secretInBody, HttpsJwksVerificationKeyResolver keys) {
    }

    @Inject
    OpriskConfig config;

    @Inject
    ObjectMapper json;

    private volatile Metadata metadata;
    private volatile HttpClient http;

    public boolean enabled() {
        return config.oidc().issuer().filter(value -> !value.isBlank()).isPresent();
    }

    /** The provider's page where the user signs in; it sends them back to the redirect URI with a code. */
    public URI authorizationRequest(String redirectUri, Handshake handshake) throws ProviderException {
        Metadata provider = metadata();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", config.oidc().scope());
        query.put("state", handshake.state());
        query.put("nonce", handshake.nonce());
        query.put("code_challenge", handshake.challenge());
        query.put("code_challenge_method", "S256");
        return URI.create(provider.authorizationEndpoint() + (provider.authorizationEndpoint().contains("?")
                ? "&"
                : "?") + form(query));
    }

    /** The code exchanged for tokens; the ID token validated; the user it names. */
    public SignedIn signIn(String code, String redirectUri, Handshake handshake) throws ProviderException {
        Metadata provider = metadata();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        body.put("code_verifier", handshake.verifier());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(provider.tokenEndpoint()))
                .timeout(config.oidc().timeout()).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (provider.secretInBody()) {
            body.put("client_id", clientId());
            body.put("client_secret", config.oidc().clientSecret().orElse(""));
        } else {
            // RFC 6749, section 2.3.1: each part form-encoded before the Basic encoding.
            String credentials = URLEncoder.encode(clientId(), StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(config.oidc().clientSecret().orElse(""), StandardCharsets.UTF_8);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        JsonNode tokens = call(request.POST(HttpRequest.BodyPublishers.ofString(form(body))).build(), "token");
        String idToken = tokens.path("id_token").asText(null);
        if (idToken == null) {
            throw new ProviderException(Failure.REJECTED, "the token response holds no ID token", null);
        }
        JwtClaims claims = validated(idToken, provider, clientId());
        try {
            String nonce = claims.getStringClaimValue("nonce");
            if (!handshake.nonce().equals(nonce)) {
                throw new ProviderException(Failure.REJECTED, "the ID token's nonce is not this sign-in's", null);
            }
            // Section 3.1.3.7, points 3-5: with audiences beside this client, the token must say it was for us.
            String azp = claims.getStringClaimValue("azp");
            boolean others = claims.getAudience().size() > 1;
            if (azp != null && !azp.equals(clientId()) || others && azp == null) {
                throw new ProviderException(Failure.REJECTED, "the ID token was issued to another client", null);
            }
        } catch (MalformedClaimException e) {
            throw new ProviderException(Failure.REJECTED, "the ID token's nonce is malformed", e);
        }
        return new SignedIn(entry(claims, true), idToken);
    }

    /**
     * A bearer access token of the API: a JWT signed by the provider, for the API's audience, not expired. Answers
     * the user it names; the provider's opaque tokens are not accepted.
     */
    public DirectoryEntry bearer(String accessToken) throws ProviderException {
        String audience = config.oidc().apiAudience().filter(value -> !value.isBlank()).orElse(null);
        if (audience == null || audience.equals(clientId())) {
            // ID tokens carry the client id as audience: taking it for the API would make every ID token a key.
            throw new ProviderException(Failure.REJECTED, "bearer tokens are off (no API audience of its own)", null);
        }
        JwtClaims claims = validated(accessToken, metadata(), audience);
        // An ID token that happens to name the API too is still not an access token.
        if (claims.hasClaim("nonce") || claims.hasClaim("at_hash") || "ID".equals(claims.getClaimValue("typ"))) {
            throw new ProviderException(Failure.REJECTED, "an ID token, not an access token", null);
        }
        DirectoryEntry entry = entry(claims, false);
        if (entry.groups().isEmpty()) {
            // No groups claim (or an overage pointer instead): roles cannot be read again, so no access.
            throw new ProviderException(Failure.REJECTED, "the token lists no groups", null);
        }
        return entry;
    }

    /** Where to send the browser so that the provider ends its session too; empty if it offers no such endpoint. */
    public Optional<URI> endSession(String idToken, String afterwards) {
        Metadata provider;
        try {
            provider = metadata();
        } catch (ProviderException e) {
            return Optional.empty();
        }
        if (provider.endSessionEndpoint() == null) {
            return Optional.empty();
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (idToken != null) {
            query.put("id_token_hint", idToken);
        }
        query.put("client_id", clientId());
        query.put("post_logout_redirect_uri", afterwards);
        String endpoint = provider.endSessionEndpoint();
        return Optional.of(URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + form(query)));
    }

    /** The settings a sign-in methods page shows (never the secret). */
    public Map<String, String> settings() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("issuer", config.oidc().issuer().orElse(""));
        shown.put("clientId", clientId());
        shown.put("scope", config.oidc().scope());
        shown.put("usernameClaim", config.oidc().usernameClaim());
        shown.put("groupsClaim", config.oidc().groupsClaim());
        shown.put("apiAudience", config.oidc().apiAudience().orElse(""));
        return shown;
    }

    private JwtClaims validated(String jwt, Metadata provider, String audience) throws ProviderException {
        JwtConsumer consumer = new JwtConsumerBuilder().setRequireExpirationTime().setRequireIssuedAt()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS).setExpectedIssuer(provider.issuer())
                .setExpectedAudience(audience).setJwsAlgorithmConstraints(SIGNATURES)
                .setVerificationKeyResolver(provider.keys()).build();
        try {
            return consumer.processToClaims(jwt);
        } catch (InvalidJwtException e) {
            if (e.getCause() instanceof UnresolvableKeyException && e.getCause().getCause() instanceof IOException) {
                throw new ProviderException(Failure.UNAVAILABLE, "the provider's keys could not be read", e);
            }
            throw new ProviderException(Failure.REJECTED, "token refused: " + reasons(e), e);
        }
    }

    /**
     * Why a token was refused, in fixed words: jose4j's own messages quote the token, which the trail must not hold.
     */
    private static String reasons(InvalidJwtException e) {
        Map<Integer, String> words = Map.of(ErrorCodes.EXPIRED, "expired", ErrorCodes.SIGNATURE_INVALID,
                "signature not valid", ErrorCodes.SIGNATURE_MISSING, "not signed", ErrorCodes.AUDIENCE_INVALID,
                "another audience", ErrorCodes.ISSUER_INVALID, "another issuer", ErrorCodes.ISSUED_AT_MISSING,
                "no issue time", ErrorCodes.NOT_YET_VALID, "not yet valid", ErrorCodes.SUBJECT_MISSING, "no subject",
                ErrorCodes.EXPIRATION_MISSING, "no expiry");
        String named = e.getErrorDetails().stream().map(detail -> words.getOrDefault(detail.getErrorCode(),
                "error " + detail.getErrorCode())).distinct().collect(Collectors.joining(", "));
        return named.isEmpty() ? "malformed or signed with an algorithm or key not accepted" : named;
    }

    /**
     * The user a validated token names; a username that does not fit the register's is refused (an access token
     * need not carry one: its subject names the account).
     */
    private DirectoryEntry entry(JwtClaims claims, boolean needsUsername) throws ProviderException {
        try {
            String username = text(claims.getClaimValue(config.oidc().usernameClaim()));
            if (needsUsername && (username == null || !username.matches(UserService.USERNAME_PATTERN))) {
                throw new ProviderException(Failure.REJECTED, "the token's " + config.oidc().usernameClaim()
                        + " claim is missing or is not a username the register accepts", null);
            }
            String name = text(claims.getClaimValue("name"));
            String email = text(claims.getClaimValue("email"));
            return new DirectoryEntry(username, claims.getSubject(), cut(name == null ? username : name, 200),
                    cut(email, 200), groups(claims.getClaimValue(config.oidc().groupsClaim())));
        } catch (MalformedClaimException e) {
            throw new ProviderException(Failure.REJECTED, "the token's subject is malformed", e);
        }
    }

    private static List<String> groups(Object claim) {
        List<String> groups = new ArrayList<>();
        if (claim instanceof List<?> list) {
            list.forEach(item -> {
                if (item != null) {
                    groups.add(String.valueOf(item));
                }
            });
        } else if (claim instanceof String single) {
            groups.add(single);
        }
        return List.copyOf(groups);
    }

    private static String text(Object claim) {
        return claim instanceof String value && !value.isBlank() ? value.strip() : null;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private String clientId() {
        return config.oidc().clientId().orElse("");
    }

    /**
     * The discovery document, read once (OpenID Connect Discovery 1.0, section 4); its issuer must be the one
     * configured (section 4.3). Read again at the next sign-in if it could not be read.
     */
    private Metadata metadata() throws ProviderException {
        Metadata known = metadata;
        if (known != null) {
            return known;
        }
        String issuer = config.oidc().issuer().orElseThrow().strip();
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        JsonNode document = call(HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration"))
                .timeout(config.oidc().timeout()).header("Accept", "application/json").GET().build(), "discovery");
        if (!issuer.equals(document.path("issuer").asText())) {
            throw new ProviderException(Failure.UNAVAILABLE, "the discovery document names another issuer: "
                    + document.path("issuer").asText(), null);
        }
        String jwksUri = required(document, "jwks_uri");
        HttpsJwks jwks = new HttpsJwks(jwksUri);
        Get get = new Get();
        int millis = (int) config.oidc().timeout().toMillis();
        get.setConnectTimeout(millis);
        get.setReadTimeout(millis);
        jwks.setSimpleHttpGet(get);
        List<String> methods = new ArrayList<>();
        document.path("token_endpoint_auth_methods_supported").forEach(method -> methods.add(method.asText()));
        boolean secretInBody = !methods.isEmpty() && !methods.contains("client_secret_basic")
                && methods.contains("client_secret_post");
        Metadata read = new Metadata(issuer, required(document, "authorization_endpoint"),
                required(document, "token_endpoint"), jwksUri, document.path("end_session_endpoint").asText(null),
                secretInBody, new HttpsJwksVerificationKeyResolver(jwks));
        metadata = read;
        return read;
    }

    private static String required(JsonNode document, String field) throws ProviderException {
        String value = document.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new ProviderException(Failure.UNAVAILABLE, "the discovery document has no " + field, null);
        }
        return value;
    }

    private JsonNode call(HttpRequest request, String what) throws ProviderException {
        HttpResponse<String> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warnf("OpenID Connect provider unreachable (%s): %s", what, e.toString());
            throw new ProviderException(Failure.UNAVAILABLE, what + " request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Failure.UNAVAILABLE, what + " request interrupted", e);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderException(Failure.UNAVAILABLE, what + " answer is not JSON", e);
        }
        if (response.statusCode() / 100 != 2) {
            // RFC 6749, section 5.2: error and error_description; never the request, which carries the secret.
            String error = body.path("error").asText("status " + response.statusCode());
            throw new ProviderException(response.statusCode() >= 500 ? Failure.UNAVAILABLE : Failure.REJECTED,
                    what + " refused: " + error, null);
        }
        return body;
    }

    private HttpClient client() {
        HttpClient known = http;
        if (known == null) {
            known = HttpClient.newBuilder().connectTimeout(config.oidc().timeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            http = known;
        }
        return known;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
