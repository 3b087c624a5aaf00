package org.opregister.security;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.incident.Incident;
import org.opregister.incident.IncidentFixtures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sign-in and roles on the server: anonymous users see only the login page, auditors only read. */
@QuarkusTest
class AccessTest {

    private static final List<String> PAGES = List.of("/", "/incidents", "/incidents/new", "/incidents/export.csv",
            "/losses/export.csv", "/api/incidents", "/q/openapi");

    @Test
    void anonymousUsersAreSentToTheLoginPage() {
        for (String page : PAGES) {
            int status = given().redirects().follow(false).get(page).statusCode();
            if (page.startsWith("/api/")) {
                assertEquals(401, status, page);
            } else {
                assertEquals(302, status, page);
                given().redirects().follow(false).get(page).then().header("Location", endsWith("/login"));
            }
        }
        given().get("/login").then().statusCode(200).body(containsString("j_security_check"));
        given().get("/webjars/bootstrap/dist/css/bootstrap.min.css").then().statusCode(200);
        given().get("/css/app.css").then().statusCode(200);
        given().get("/q/health").then().statusCode(200);
        given().redirects().follow(false).formParam("title", "x").post("/incidents").then().statusCode(302);
    }

    @Test
    void loginPageNamesTheDemoAccountsWhenDemoDataIsOn() {
        given().get("/login").then().body(containsString("Demo accounts")).body(containsString("<code>auditor</code>"));
    }

    @Test
    void wrongPasswordsAreRefusedWithoutSayingWhy() {
        given().redirects().follow(false).formParam("j_username", "officer").formParam("j_password", "nope")
                .post("/j_security_check").then().statusCode(302)
                .header("Location", containsString("/login?error=true"));
        given().redirects().follow(false).formParam("j_username", "nobody").formParam("j_password", "nope")
                .post("/j_security_check").then().statusCode(302)
                .header("Location", containsString("/login?error=true"));
        given().get("/login?error=true").then().body(containsString("the username or password is not right"));
        for (String junk : List.of("a\u0000b", "x".repeat(5000), "' or 1=1 --", "<script>")) {
            given().redirects().follow(false).formParam("j_username", junk).formParam("j_password", junk)
                    .post("/j_security_check").then().statusCode(302)
                    .header("Location", containsString("/login?error=true"));
        }
    }

    @Test
    void everyRoleCanReadAndExport() {
        for (String user : List.of("officer", "manager", "auditor", "admin")) {
            Session session = TestSupport.session(user);
            for (String page : List.of("/", "/incidents", "/incidents/export.csv", "/losses/export.csv",
                    "/api/incidents")) {
                assertEquals(200, session.request().get(page).statusCode(), user + " " + page);
            }
        }
    }

    @Test
    void auditorsAndAdminsChangeNothing() {
        Session officer = TestSupport.session("officer");
        long id = IncidentFixtures.record(officer, "Auditor target");
        long version = IncidentFixtures.version(officer, id);
        String before = title(id);
        for (String user : List.of("auditor", "admin")) {
            Session session = TestSupport.session(user);
            session.request().get("/incidents/new").then().statusCode(403).body(containsString("Not allowed"));
            session.request().get("/incidents/" + id + "/edit").then().statusCode(403);
            session.request().get("/incidents/" + id).then().statusCode(200)
                    .body(not(containsString("/incidents/" + id + "/edit\"")))
                    .body(not(containsString("Add a loss line")));
            // The forms they cannot see, posted anyway with a valid CSRF token: 403, nothing stored.
            Map<String, Object> form = IncidentFixtures.incidentForm("Changed by " + user);
            form.put("version", version);
            session.post("/incidents", "/incidents/" + id, form).then().statusCode(403);
            session.post("/incidents", "/incidents", form).then().statusCode(403);
            session.post("/incidents", "/incidents/" + id + "/transitions/open", Map.of("version", version)).then()
                    .statusCode(403);
            session.post("/incidents", "/incidents/" + id + "/losses",
                    IncidentFixtures.lossForm("DIRECT_CHARGE", "1", "EUR", "1", "2025-03-31")).then().statusCode(403);
        }
        assertEquals(before, title(id));
    }

    @Test
    void anotherSiteCannotSignAUserOut() {
        Session session = TestSupport.login("officer2");
        // Without the form's CSRF token (a page elsewhere posting to /logout), with or without a form body.
        session.request().contentType("application/x-www-form-urlencoded").formParam("x", "1").post("/logout")
                .then().statusCode(400);
        session.request().post("/logout").then().statusCode(org.hamcrest.Matchers.oneOf(400, 415));
        session.request().get("/incidents").then().statusCode(200);
        session.post("/incidents", "/logout", Map.of()).then().statusCode(303).header("Location", endsWith("/login"));
    }

    @Test
    void signingOutEndsTheSessionEvenForACopiedCookie() {
        Session session = TestSupport.login("manager");
        session.request().get("/incidents").then().statusCode(200);
        session.post("/incidents", "/logout", Map.of()).then().statusCode(303).header("Location", endsWith("/login"));
        // The very cookies the browser held before signing out no longer open anything.
        session.request().get("/incidents").then().statusCode(302).header("Location", endsWith("/login"));
        // Nor does the identity cookie without its session id.
        Session other = TestSupport.login("manager");
        given().redirects().follow(false).cookie("oprisk-session", other.sessionCookie()).get("/incidents")
                .then().statusCode(302);
        given().redirects().follow(false).cookie("oprisk-session", other.sessionCookie())
                .cookie("oprisk-sid", "0".repeat(64))
                .get("/incidents").then().statusCode(302);
        other.request().get("/incidents").then().statusCode(200);
    }

    private static String title(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>findById(id).title);
    }
}
