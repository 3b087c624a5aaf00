package org.opregister.security;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;
import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditEntry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new password ends the sessions that knew the old one; after an administrator's reset the user picks their own. */
@QuarkusTest
class PasswordSessionsTest {

    @Test
    void changingYourPasswordEndsYourOtherSessionsAndKeepsThisOne() {
        UserAdminTest.createUser("two.browsers", "officer");
        Session laptop = UserAdminTest.signIn("two.browsers", UserAdminTest.PASSWORD);
        Session phone = UserAdminTest.signIn("two.browsers", UserAdminTest.PASSWORD);
        laptop.request().get("/incidents").then().statusCode(200);
        phone.request().get("/incidents").then().statusCode(200);
        phone.request().get("/api/incidents").then().statusCode(200);

        laptop.post("/account/password", "/account/password", Map.of("current", UserAdminTest.PASSWORD,
                "password", "lantern over the quiet harbour", "confirmation", "lantern over the quiet harbour"))
                .then().statusCode(303);

        laptop.request().get("/incidents").then().statusCode(200);
        laptop.request().get("/api/incidents").then().statusCode(200);
        signedOut(phone);
        assertEquals(1, openSessions("two.browsers"));
        assertTrue(details(AuditAction.PASSWORD_CHANGE, "two.browsers").contains("other sessions ended: 1"));
    }

    @Test
    void anAdministratorsResetEndsEverySessionAndForcesANewPasswordAtTheNextSignIn() {
        long id = UserAdminTest.createUser("reset.target", "officer");
        Session before = UserAdminTest.signIn("reset.target", UserAdminTest.PASSWORD);
        Session other = UserAdminTest.signIn("reset.target", UserAdminTest.PASSWORD);
        before.request().get("/incidents").then().statusCode(200);

        TestSupport.session("admin").post("/admin/users/" + id, "/admin/users/" + id + "/password",
                Map.of("password", "temporary copper lantern")).then().statusCode(303);
        signedOut(before);
        signedOut(other);
        assertEquals(0, openSessions("reset.target"));
        assertTrue(details(AuditAction.PASSWORD_RESET, "reset.target").contains("sessions ended: 2"));

        Session forced = UserAdminTest.signIn("reset.target", "temporary copper lantern");
        for (String page : new String[]{"/", "/incidents", "/incidents/new", "/risks"}) {
            forced.request().get(page).then().statusCode(303).header("Location", endsWith("/account/password"));
        }
        forced.request().get("/api/incidents").then().statusCode(403).contentType("application/json")
                .body("status", equalTo(403)).body("message", containsString("reset your password"));
        given().auth().preemptive().basic("reset.target", "temporary copper lantern")
                .get("/api/incidents").then().statusCode(403);
        forced.request().get("/account/password").then().statusCode(200)
                .body(containsString("id=\"must-change\""))
                .body(containsString("An administrator has reset your password"));
        forced.request().get("/css/app.css").then().statusCode(200);

        // Confirming the administrator's password is not choosing one's own.
        forced.post("/account/password", "/account/password", Map.of("current", "temporary copper lantern",
                "password", "temporary copper lantern", "confirmation", "temporary copper lantern"))
                .then().statusCode(400).body(containsString("must differ from the current one"));
        forced.request().get("/incidents").then().statusCode(303);

        forced.post("/account/password", "/account/password", Map.of("current", "temporary copper lantern",
                "password", "my own quiet harbour lantern", "confirmation", "my own quiet harbour lantern"))
                .then().statusCode(303).header("Location", endsWith("/"));
        forced.request().get("/incidents").then().statusCode(200);
        forced.request().get("/api/incidents").then().statusCode(200);
        forced.request().get("/account/password").then().statusCode(200)
                .body(not(containsString("id=\"must-change\"")));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id).mustChangePassword));
    }

    @Test
    void aForcedUserCanStillSignOut() {
        long id = UserAdminTest.createUser("forced.leaver", "auditor");
        TestSupport.session("admin").post("/admin/users/" + id, "/admin/users/" + id + "/password",
                Map.of("password", "temporary copper lantern")).then().statusCode(303);
        Session forced = UserAdminTest.signIn("forced.leaver", "temporary copper lantern");
        var csrf = forced.csrf("/account/password");
        forced.request().cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.field())
                .contentType("application/x-www-form-urlencoded").post("/logout")
                .then().statusCode(303).header("Location", endsWith("/login"));
        given().redirects().follow(false).get("/login").then().statusCode(200);
        assertEquals(0, openSessions("forced.leaver"));
    }

    /** A page sends the browser to sign in again; the API answers as to anyone not signed in. */
    private static void signedOut(Session session) {
        session.request().get("/incidents").then().statusCode(302).header("Location", endsWith("/login"));
        session.request().get("/api/incidents").then().statusCode(401).header("WWW-Authenticate", startsWith("Basic"));
    }

    private static long openSessions(String username) {
        return QuarkusTransaction.requiringNew().call(() -> UserSession.count("username", username));
    }

    private static String details(AuditAction action, String username) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find(
                "action = ?1 and recordLabel = ?2 order by id desc", action, username).firstResult().details);
    }
}
