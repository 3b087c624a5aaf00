package org.opregister.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport.Session;
import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditEntry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in through the bank's OpenID Connect provider, against a real provider ({@link OidcProviderServer}): the code
 * flow from the sign-in page's button to the register's own session, accounts made from the ID token with the roles
 * its groups give, refusals with their own message, answers that are not this browser's, sign-out at the provider
 * too, and bearer tokens for the API.
 */
@QuarkusTest
@Tag("directory")
@WithTestResource(OidcProviderServer.class)
class OidcSignInTest {

    @TestHTTPResource("/")
    URL app;

    @BeforeEach
    void noThrottle() {
        QuarkusTransaction.requiringNew().run(() -> SignInThrottle.deleteAll());
    }

    @Test
    void theSignInPageOffersTheProvider() {
        given().get("/login").then().statusCode(200).body(containsString("id=\"login-provider\""))
                .body(containsString("Sign in with Bank ID"));
        given().header("Accept-Language", "fr").get("/login?lang=fr").then().statusCode(200)
                .body(containsString("Se connecter avec Bank ID"));
    }

    @Test
    void anOfficerSignsInThroughTheProviderAndGetsAnAccountMadeFromTheToken() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> landed = browser.signIn(app("/incidents?status=OPEN"), "camille.martin",
                "officer-password", uri -> false);
        assertEquals(200, landed.statusCode(), landed.body());
        assertEquals("/incidents", landed.uri().getPath(), "back to the page asked for before signing in");
        Session camille = browser.session("camille.martin");
        camille.request().get("/incidents").then().statusCode(200);
        camille.request().get("/admin/users").then().statusCode(403);

        User user = account("camille.martin").orElseThrow();
        assertEquals(AuthSource.OIDC, user.authSource);
        assertEquals("officer", user.roles);
        assertEquals("b8f2c1d0-0001", user.directoryId);
        assertEquals("Camille Martin", user.displayName);
        assertEquals("camille.martin@bank.example", user.email);
        assertEquals(null, user.passwordHash);
        assertTrue(lastEntry(AuditAction.LOGIN_SUCCESS, "camille.martin").details.startsWith("browser, oidc from "));

        // No password of hers is kept here: the sign-in form does not know her.
        given().redirects().follow(false).formParam("j_username", "camille.martin")
                .formParam("j_password", "officer-password").post("/j_security_check").then()
                .header("Location", containsString("/login?error=true"));
    }

    @Test
    void aGroupPathGivesTheManagerRole() throws Exception {
        Browser browser = new Browser();
        assertEquals(200, browser.signIn(app("/"), "lucas.bernard", "manager-password", uri -> false).statusCode());
        assertEquals("manager", account("lucas.bernard").orElseThrow().roles);
        browser.session("lucas.bernard").request().get("/incidents").then().statusCode(200);
    }

    @Test
    void someoneInNoMappedGroupIsRefusedWithItsOwnPageAndGetsNoAccount() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> answer = browser.signIn(app("/"), "ines.petit", "staff-password", uri -> false);
        assertEquals("/login", answer.uri().getPath());
        assertTrue(answer.body().contains("id=\"login-no-role\""), answer.body());
        assertTrue(account("ines.petit").isEmpty());
        assertEquals(null, browser.cookie("oprisk-sid"));
        assertTrue(lastEntry(AuditAction.LOGIN_REFUSED, "ines.petit").details.contains("in no directory group"));
    }

    @Test
    void theProviderCannotTakeOverALocalAccountOfTheSameName() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> answer = browser.signIn(app("/"), "officer", "namesake-password", uri -> false);
        assertTrue(answer.body().contains("id=\"login-provider-failed\""), answer.body());
        User local = account("officer").orElseThrow();
        assertEquals(AuthSource.LOCAL, local.authSource);
        assertEquals(null, local.directoryId);
        assertTrue(lastEntry(AuditAction.LOGIN_FAILURE, "officer").details
                .contains("a local account holds the username officer"));
    }

    @Test
    void anAnswerThatIsNotThisBrowsersSignInIsRefused() throws Exception {
        Browser victim = new Browser();
        // The provider's answer for another browser's sign-in: the code is real, the state cookie is not there.
        Browser attacker = new Browser();
        HttpResponse<String> atCallback = attacker.signIn(app("/"), "camille.martin", "officer-password",
                uri -> uri.getPath().equals("/login/oidc/callback"));
        URI callback = atCallback.uri();
        HttpResponse<String> answer = victim.follow(victim.get(callback), uri -> false);
        assertTrue(answer.body().contains("id=\"login-provider-failed\""), answer.body());
        assertEquals(null, victim.cookie("oprisk-sid"));

        // This browser's own handshake, with a state changed on the way.
        HttpResponse<String> own = attacker.follow(attacker.get(app("/login/oidc")), uri -> false);
        assertEquals(200, own.statusCode());
        String forged = callback.toString().replaceFirst("state=[^&]+", "state=forged");
        Browser third = new Browser();
        third.follow(third.get(app("/login/oidc")), uri -> !uri.getPath().startsWith("/login/oidc"));
        HttpResponse<String> refused = third.follow(third.get(URI.create(forged)), uri -> false);
        assertTrue(refused.body().contains("id=\"login-provider-failed\""), refused.body());
        assertTrue(lastEntry(AuditAction.LOGIN_FAILURE, "unknown").details.contains("state"));
    }

    @Test
    void cancellingAtTheProviderComesBackToTheSignInPage() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.follow(browser.get(app("/login/oidc")), uri -> false);
        Matcher cancel = Pattern.compile("action=\"(/interaction/[^\"]+/abort)\"").matcher(page.body());
        assertTrue(cancel.find(), page.body());
        HttpResponse<String> answer = browser.follow(browser.post(page.uri().resolve(cancel.group(1)), Map.of()),
                uri -> false);
        assertEquals("/login", answer.uri().getPath());
        assertTrue(answer.body().contains("id=\"login-provider-failed\""), answer.body());
        assertTrue(lastEntry(AuditAction.LOGIN_FAILURE, "unknown").details.contains("access_denied"));
    }

    @Test
    void signingOutEndsTheSessionHereAndSendsTheBrowserToTheProvidersSignOut() throws Exception {
        Browser browser = new Browser();
        browser.signIn(app("/"), "camille.martin", "officer-password", uri -> false);
        Session camille = browser.session("camille.martin");
        io.restassured.response.Response out = camille.post("/", "/logout", Map.of());
        assertEquals(303, out.statusCode());
        URI endSession = URI.create(out.getHeader("Location"));
        assertTrue(endSession.toString().startsWith(OidcProviderServer.issuer() + "/session/end?"), endSession
                .toString());
        Map<String, String> query = query(endSession);
        assertNotNull(query.get("id_token_hint"));
        assertEquals(app("/login").toString(), query.get("post_logout_redirect_uri"));
        camille.request().get("/incidents").then().statusCode(302);

        // The provider asks, then sends the browser back to the register's sign-in page.
        HttpResponse<String> confirm = browser.get(endSession);
        assertTrue(confirm.body().contains("id=\"provider-logout\""), confirm.body());
    }

    @Test
    void aBearerTokenOfTheProviderOpensTheApiToTheAccountItNames() throws Exception {
        new Browser().signIn(app("/"), "camille.martin", "officer-password", uri -> false);
        JsonNode tokens = tokens("camille.martin", "officer-password");
        String token = tokens.path("access_token").asText();
        given().header("Authorization", "Bearer " + token).get("/api/incidents").then().statusCode(200);
        // Her ID token is not a key to the API, though the provider signed it for the register.
        given().header("Authorization", "Bearer " + tokens.path("id_token").asText()).get("/api/incidents").then()
                .statusCode(401);

        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().header("Authorization", "Bearer " + tampered).get("/api/incidents").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get("/api/incidents").then().statusCode(401);
        // A token the provider gave someone who has no account here.
        given().header("Authorization", "Bearer " + tokens("ines.petit", "staff-password").path("access_token")
                .asText())
                .get("/api/incidents").then().statusCode(401);
        // Pages are for browsers: a bearer token does not sign in there.
        given().redirects().follow(false).header("Authorization", "Bearer " + token).get("/incidents").then()
                .statusCode(401);
    }

    @Test
    void anAccountDisabledHereIsRefusedWhateverTheProviderSays() throws Exception {
        new Browser().signIn(app("/"), "lucas.bernard", "manager-password", uri -> false);
        QuarkusTransaction.requiringNew().run(() -> User.findByUsername("lucas.bernard").orElseThrow().enabled = false);
        try {
            HttpResponse<String> answer = new Browser().signIn(app("/"), "lucas.bernard", "manager-password",
                    uri -> false);
            assertTrue(answer.body().contains("id=\"login-provider-failed\""), answer.body());
            assertFalse(lastEntry(AuditAction.LOGIN_FAILURE, "lucas.bernard").details.isEmpty());
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> User.findByUsername("lucas.bernard").orElseThrow().enabled = true);
        }
    }

    @Test
    void aUsernameLockedByWrongPasswordsCannotSignInThroughTheProviderEither() throws Exception {
        for (int i = 0; i < 5; i++) {
            given().redirects().follow(false).formParam("j_username", "lucas.bernard").formParam("j_password",
                    "guess-" + i).post("/j_security_check");
        }
        Browser browser = new Browser();
        HttpResponse<String> answer = browser.signIn(app("/"), "lucas.bernard", "manager-password", uri -> false);
        assertTrue(answer.body().contains("id=\"login-locked\""), answer.body());
        assertEquals(null, browser.cookie("oprisk-sid"));
        assertTrue(lastEntry(AuditAction.LOGIN_FAILURE, "lucas.bernard").details
                .startsWith("browser, oidc from "));
    }

    @Test
    void someoneRenamedAtTheProviderDoesNotGetASecondAccount() throws Exception {
        Browser browser = new Browser();
        assertEquals(200, browser.signIn(app("/"), "nora.first", "nora-password", uri -> false).statusCode());
        HttpResponse<String> renamed = browser.http.send(HttpRequest.newBuilder(URI.create(OidcProviderServer
                .issuer() + "/test/rename?from=nora.first&to=nora.second")).POST(HttpRequest.BodyPublishers
                        .noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, renamed.statusCode());

        HttpResponse<String> answer = new Browser().signIn(app("/"), "nora.second", "nora-password", uri -> false);
        assertTrue(answer.body().contains("id=\"login-provider-failed\""), answer.body());
        assertTrue(account("nora.second").isEmpty());
        assertEquals("b8f2c1d0-0005", account("nora.first").orElseThrow().directoryId);
        assertTrue(lastEntry(AuditAction.LOGIN_FAILURE, "nora.second").details
                .contains("already has the account nora.first"));
    }

    /** The tokens an integration gets for the API: the code flow, then the token endpoint. */
    private static JsonNode tokens(String username, String password) throws Exception {
        String verifier = "integration-verifier-0123456789-0123456789-0123456789";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = "http://localhost:1/login/oidc/callback";
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", OidcProviderServer.CLIENT_ID);
        authorize.put("redirect_uri", redirect);
        authorize.put("scope", "openid groups api");
        authorize.put("state", "integration");
        authorize.put("nonce", "integration");
        authorize.put("code_challenge", challenge);
        authorize.put("code_challenge_method", "S256");
        Browser browser = new Browser();
        HttpResponse<String> atRedirect = browser.signIn(URI.create(OidcProviderServer.issuer() + "/auth?"
                + form(authorize)), username, password, uri -> uri.getPort() == 1);
        String code = query(atRedirect.uri()).get("code");
        assertNotNull(code, atRedirect.uri().toString());
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", code);
        exchange.put("redirect_uri", redirect);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> tokens = browser.http.send(HttpRequest.newBuilder(URI.create(OidcProviderServer.issuer()
                + "/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((OidcProviderServer.CLIENT_ID
                        + ":" + OidcProviderServer.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form(exchange))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tokens.statusCode(), tokens.body());
        return new ObjectMapper().readTree(tokens.body());
    }

    private URI app(String path) {
        return URI.create(app.toString()).resolve(path);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Optional<User> account(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username));
    }

    private static AuditEntry lastEntry(AuditAction action, String username) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find(
                "action = ?1 and username = ?2 order by id desc", action, username).firstResult());
    }

    /** A browser without a screen: it keeps cookies and follows redirects one by one. */
    static final class Browser {

        private static final Pattern LOGIN_FORM = Pattern.compile("action=\"(/interaction/[^\"]+/login)\"");

        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(URI uri, Map<String, String> fields) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Follows redirects until a page, or until the next address is one to stop at (not requested). */
        HttpResponse<String> follow(HttpResponse<String> response, Predicate<URI> stopAt)
                throws IOException, InterruptedException {
            for (int hop = 0; hop < 20 && response.statusCode() / 100 == 3; hop++) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                if (stopAt.test(next)) {
                    return fake(next);
                }
                response = get(next);
            }
            return response;
        }

        /** From a page of the register to the provider, signs in there as the user, and follows on. */
        HttpResponse<String> signIn(URI page, String username, String password, Predicate<URI> stopAt)
                throws IOException, InterruptedException {
            HttpResponse<String> response = follow(get(page), stopAt);
            if (response.uri().getPath().equals("/login") && !response.uri().toString().contains("error")) {
                response = follow(get(response.uri().resolve("/login/oidc")), stopAt);
            }
            Matcher login = LOGIN_FORM.matcher(response.statusCode() == 200 ? response.body() : "");
            if (login.find()) {
                response = follow(post(response.uri().resolve(login.group(1)), Map.of("login", username, "password",
                        password)), stopAt);
            }
            return response;
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).filter(value -> !value.isEmpty()).reduce((a, b) -> b).orElse(null);
        }

        Session session(String username) {
            String cookie = cookie("oprisk-session");
            String id = cookie("oprisk-sid");
            assertNotNull(cookie, "no session cookie");
            assertNotNull(id, "no session id");
            return new Session(username, cookie, id, null);
        }

        /** The address the browser would go to next, as a response that is not requested. */
        private static HttpResponse<String> fake(URI next) {
            return new Stopped(next);
        }
    }

    private record Stopped(URI uri) implements HttpResponse<String> {

        @Override
        public int statusCode() {
            return 0;
        }

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(uri).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        @Override
        public String body() {
            return "";
        }

        @Override
        public Optional<javax.net.ssl.SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
