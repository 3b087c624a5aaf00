package org.opregister;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/**
 * Drives the application over HTTP as a browser does: a real form login (session cookie) and the CSRF token
 * that every form carries.
 */
public final class TestSupport {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private TestSupport() {
    }

    private static final Map<String, Session> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A signed-in browser session for one of the demo users, signed in once per test run. */
    public static Session session(String username) {
        return SESSIONS.computeIfAbsent(username, TestSupport::login);
    }

    /**
     * Requests with HTTP basic credentials instead of a browser session: for tests that move the application's
     * clock, where a form sign-in would age out every other test's session.
     */
    public static Session basic(String username) {
        return new Session(username, null, null, null);
    }

    /** A new sign-in through the login form. */
    public static Session login(String username) {
        Response response = given().redirects().follow(false)
                .formParam("j_username", username)
                .formParam("j_password", "demo")
                .post("/j_security_check");
        return Session.of(username, response);
    }

    /** The two cookies of a browser session: the encrypted identity and the id of the open session. */
    public record Session(String username, String sessionCookie, String sessionId, String language) {

        /** The same session in a browser whose language cookie asks for the given language. */
        public Session in(String languageCode) {
            return new Session(username, sessionCookie, sessionId, languageCode);
        }

        public static Session of(String username, Response signIn) {
            String cookie = signIn.getCookie("oprisk-session");
            String id = signIn.getCookie("oprisk-sid");
            if (cookie == null || id == null) {
                throw new AssertionError("sign-in failed for " + username + ": " + signIn.statusCode());
            }
            return new Session(username, cookie, id, null);
        }

        public RequestSpecification request() {
            RequestSpecification spec = given().redirects().follow(false);
            if (language != null) {
                spec.cookie("oprisk_lang", language);
            }
            return sessionCookie == null
                    ? spec.auth().preemptive().basic(username, "demo")
                    : spec.cookie("oprisk-session", sessionCookie).cookie("oprisk-sid", sessionId);
        }

        /** A page with a form, read to get the CSRF cookie and field. */
        public Csrf csrf(String pagePath) {
            Response page = request().get(pagePath);
            Matcher matcher = CSRF_FIELD.matcher(page.asString());
            if (!matcher.find()) {
                throw new AssertionError("no CSRF field on " + pagePath + " (" + page.statusCode() + ")");
            }
            return new Csrf(page.getCookie("csrf-token"), matcher.group(1));
        }

        /** Posts a form from a page the user has open, with its CSRF token. */
        public Response post(String formPage, String action, Map<String, ?> fields) {
            return post(csrf(formPage), action, fields);
        }

        /** Posts a form with a CSRF token read before (parallel posts read it once, then post together). */
        public Response post(Csrf csrf, String action, Map<String, ?> fields) {
            RequestSpecification spec = request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.field());
            fields.forEach((name, value) -> {
                if (value instanceof Iterable<?> values) {
                    values.forEach(v -> spec.formParam(name, v));
                } else if (value != null) {
                    spec.formParam(name, value);
                }
            });
            return spec.post(action);
        }
    }

    public record Csrf(String cookie, String field) {
    }
}
