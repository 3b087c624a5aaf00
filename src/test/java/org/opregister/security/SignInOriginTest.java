package org.opregister.security;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditEntry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Login CSRF: a page on another site must not be able to sign the browser in (as the attacker's account). Sign-ins
 * that the browser marks as sent from another site are refused before the password is looked at.
 */
@QuarkusTest
class SignInOriginTest {

    private static RequestSpecification signIn(String username, String password) {
        return given().redirects().follow(false).formParam("j_username", username).formParam("j_password", password);
    }

    private static String ownOrigin() {
        return "http://localhost:" + RestAssured.port;
    }

    private static void assertRefused(Response response) {
        response.then().statusCode(403)
                .body(containsString("sent from another site"))
                .body(not(containsString("Exception")));
        assertNull(response.getCookie("oprisk-session"), "no session");
        assertNull(response.getCookie("oprisk-sid"), "no session id");
    }

    private static void assertSignedIn(Response response) {
        response.then().statusCode(302).header("Location", endsWith("/"));
        assertTrue(response.getCookie("oprisk-session") != null && response.getCookie("oprisk-sid") != null,
                "session cookies");
    }

    @Test
    void aSignInPostedFromAnotherOriginIsRefused() {
        assertRefused(signIn("officer", "demo").header("Origin", "http://evil.example").post("/j_security_check"));
        assertRefused(signIn("officer", "demo").header("Origin", "null").post("/j_security_check"));
        assertRefused(signIn("officer", "demo").header("Origin", "https://localhost:" + RestAssured.port)
                .post("/j_security_check"));
        assertRefused(signIn("officer", "demo").header("Origin", "http://evil.example")
                .post("/anything/j_security_check"));
    }

    @Test
    void aSignInThatTheBrowserMarksCrossSiteOrSameSiteIsRefused() {
        assertRefused(signIn("officer", "demo").header("Sec-Fetch-Site", "cross-site").post("/j_security_check"));
        assertRefused(signIn("officer", "demo").header("Sec-Fetch-Site", "same-site").post("/j_security_check"));
        assertRefused(signIn("officer", "demo").header("Origin", ownOrigin()).header("Sec-Fetch-Site", "cross-site")
                .post("/j_security_check"));
    }

    @Test
    void aSignInFromTheApplicationsOwnPageSucceeds() {
        assertSignedIn(signIn("officer", "demo").header("Origin", ownOrigin()).post("/j_security_check"));
        assertSignedIn(signIn("officer", "demo").header("Origin", ownOrigin()).header("Sec-Fetch-Site", "same-origin")
                .post("/j_security_check"));
        assertSignedIn(signIn("officer", "demo").header("Sec-Fetch-Site", "none").post("/j_security_check"));
    }

    @Test
    void theConfiguredPublicAddressCountsAsTheApplicationsOwn() {
        // OPRISK_BASE_URL (http://localhost:8080 in tests) is where users reach the application behind a proxy.
        assertSignedIn(signIn("officer", "demo").header("Origin", "http://localhost:8080").post("/j_security_check"));
    }

    @Test
    void clientsThatSendNeitherHeaderSignInAsBefore() {
        assertSignedIn(signIn("auditor", "demo").post("/j_security_check"));
        TestSupport.login("manager").request().get("/").then().statusCode(200);
    }

    @Test
    void refusedSignInsAreAuditedButNotCountedAsFailedPasswords() {
        UserAdminTest.createUser("cross.site.target", "officer");
        for (int i = 0; i < 7; i++) {
            assertRefused(signIn("cross.site.target", "wrong password " + i)
                    .header("Origin", "http://evil.example").post("/j_security_check"));
        }
        assertSignedIn(signIn("cross.site.target", UserAdminTest.PASSWORD).post("/j_security_check"));

        Map<AuditAction, Long> entries = QuarkusTransaction.requiringNew().call(() -> Map.of(
                AuditAction.LOGIN_REFUSED, AuditEntry.count("action = ?1 and username = ?2", AuditAction.LOGIN_REFUSED,
                        "cross.site.target"),
                AuditAction.LOGIN_FAILURE, AuditEntry.count("action = ?1 and username = ?2", AuditAction.LOGIN_FAILURE,
                        "cross.site.target")));
        assertEquals(7L, entries.get(AuditAction.LOGIN_REFUSED));
        assertEquals(0L, entries.get(AuditAction.LOGIN_FAILURE));
        String details = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find(
                "action = ?1 and username = ?2", AuditAction.LOGIN_REFUSED, "cross.site.target").firstResult().details);
        assertTrue(details.contains("http://evil.example") && !details.contains("wrong password"), details);
    }
}
