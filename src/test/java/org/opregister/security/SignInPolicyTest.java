package org.opregister.security;

import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in methods page without a directory: administrators only; local sign-in cannot be kept for
 * administrators (everyone else would be locked out), with the choice kept on the form and nothing stored; a stale
 * form is a conflict. The directory's side is tested against a real server (LdapSignInTest, profile directory).
 */
@QuarkusTest
class SignInPolicyTest {

    @Inject
    Accounts accounts;

    /** With the directory off (a start without OPRISK_LDAP_URL), a directory account has no password to match. */
    @Test
    void aDirectoryAccountCannotSignInWhileTheDirectoryIsOff() {
        QuarkusTransaction.requiringNew().run(() -> {
            User user = new User();
            user.username = "from.directory";
            user.authSource = AuthSource.LDAP;
            user.displayName = "From Directory";
            user.roles = "admin";
            user.createdAt = java.time.Instant.now();
            user.persist();
        });
        for (String password : new String[]{"not-a-password-of-anyone", "", "demo"}) {
            assertEquals(Accounts.Outcome.FAILED,
                    accounts.signIn("from.directory", password, true, "10.4.4.4").outcome());
        }
        given().auth().preemptive().basic("from.directory", "not-a-password-of-anyone").get("/api/incidents").then()
                .statusCode(401);
    }

    @Test
    void withoutADirectoryLocalSignInStaysOnForEveryone() {
        Session admin = TestSupport.session("admin");
        admin.request().get("/admin/sign-in").then().statusCode(200).body(containsString("id=\"ldap-settings\""))
                .body(containsString("OPRISK_LDAP_URL"));
        TestSupport.session("manager").request().get("/admin/sign-in").then().statusCode(403);
        long version = QuarkusTransaction.requiringNew().call(() -> SignInPolicy.current().version);
        admin.post("/admin/sign-in", "/admin/sign-in", Map.of("local", "administrators", "version", version)).then()
                .statusCode(400).body(containsString("id=\"e-local\""))
                .body(containsString("value=\"administrators\" checked"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> SignInPolicy.current().localForEveryone));
        admin.post("/admin/sign-in", "/admin/sign-in", Map.of("local", "nobody", "version", version)).then()
                .statusCode(400).body(containsString("id=\"e-local\""));
        admin.post("/admin/sign-in", "/admin/sign-in", Map.of("local", "everyone", "version", version + 7)).then()
                .statusCode(409);
        admin.post("/admin/sign-in", "/admin/sign-in", Map.of("local", "everyone", "version", version)).then()
                .statusCode(303);
    }
}
