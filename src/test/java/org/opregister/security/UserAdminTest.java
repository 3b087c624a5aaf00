package org.opregister.security;

import java.util.HashMap;
import java.util.List;
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
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Accounts managed in the browser: create, roles, disable, passwords, lock-out. */
@QuarkusTest
class UserAdminTest {

    static final String PASSWORD = "correct horse battery";

    static long createUser(String username, String... roles) {
        Map<String, Object> form = new HashMap<>();
        form.put("username", username);
        form.put("displayName", "Test " + username);
        form.put("roles", List.of(roles));
        form.put("password", PASSWORD);
        form.put("enabled", "true");
        String location = TestSupport.session("admin").post("/admin/users/new", "/admin/users", form)
                .then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    static Session signIn(String username, String password) {
        var response = given().redirects().follow(false).formParam("j_username", username)
                .formParam("j_password", password)
                .post("/j_security_check");
        response.then().statusCode(302).header("Location", endsWith("/"));
        return Session.of(username, response);
    }

    @Test
    void adminCreatesAUserWhoCanSignIn() {
        createUser("new.officer", "officer");
        Session session = signIn("new.officer", PASSWORD);
        session.request().get("/incidents/new").then().statusCode(200);
        TestSupport.session("admin").request().get("/admin/users").then().statusCode(200)
                .body(containsString("new.officer"));
    }

    @Test
    void passwordsFollowThePolicyAndUsernamesAreUnique() {
        Session admin = TestSupport.session("admin");
        Map<String, Object> form = new HashMap<>(Map.of("username", "shorty", "displayName", "Shorty",
                "roles", List.of("officer"), "password", "tooshort"));
        admin.post("/admin/users/new", "/admin/users", form).then().statusCode(400)
                .body(containsString("At least 12 characters"))
                .body(containsString("value=\"shorty\""))
                .body(not(containsString("value=\"tooshort\"")));
        form.put("username", "shortyshorty");
        form.put("password", "ShortyShorty");
        admin.post("/admin/users/new", "/admin/users", form).then().statusCode(400)
                .body(containsString("cannot be the username"));
        form.put("username", "officer");
        form.put("password", PASSWORD);
        admin.post("/admin/users/new", "/admin/users", form).then().statusCode(400).body(containsString("taken"));
        form.put("username", "bad name<script>");
        admin.post("/admin/users/new", "/admin/users", form).then().statusCode(400)
                .body(containsString("bad name&lt;script&gt;"));
        form.put("username", "noroles");
        form.put("roles", List.of("superuser"));
        admin.post("/admin/users/new", "/admin/users", form).then().statusCode(400)
                .body(containsString("id=\"e-roles\""));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> User.count("username in ?1",
                List.of("shorty", "shortyshorty", "noroles"))));
    }

    @Test
    void weakPasswordsAreRefusedOnEveryFormWithTheReasonAndNothingStored() {
        Session admin = TestSupport.session("admin");
        Map<String, Object> form = new HashMap<>(Map.of("username", "weak.choice", "displayName", "Weak Choice",
                "email", "weak.choice@example.org", "roles", List.of("officer", "auditor"), "enabled", "true"));
        Map<String, String> refusals = Map.of(
                " ".repeat(12), "The password cannot be only spaces",
                "aaaaaaaaaaaa", "The password cannot be one character or a short pattern repeated",
                "password1234", "This is one of the most commonly used passwords",
                "pp4pp4pp4pp4", "The password cannot be one character or a short pattern repeated",
                "WEAK.CHOICE-2024", "The password cannot contain the username");
        refusals.forEach((password, message) -> {
            form.put("password", password);
            admin.post("/admin/users/new", "/admin/users", form).then().statusCode(400)
                    .body(containsString("id=\"e-password\">" + message))
                    .body(containsString("value=\"weak.choice\""))
                    .body(containsString("value=\"Weak Choice\""))
                    .body(containsString("value=\"weak.choice@example.org\""))
                    .body(containsString("value=\"auditor\" checked"))
                    .body(not(containsString("value=\"" + password + "\"")));
        });
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> User.count("username", "weak.choice")));

        long id = createUser("weak.reset", "officer");
        String hash = QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id).passwordHash);
        admin.post("/admin/users/" + id, "/admin/users/" + id + "/password", Map.of("password", "qwerty123456"))
                .then().statusCode(400).body(containsString("id=\"e-password\">This is one of the most commonly used"));
        Session user = signIn("weak.reset", PASSWORD);
        user.post("/account/password", "/account/password", Map.of("current", PASSWORD, "password", "pp4pp4pp4pp4",
                "confirmation", "pp4pp4pp4pp4")).then().statusCode(400)
                .body(containsString("id=\"e-password\">The password cannot be one character"));
        assertEquals(hash, QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id).passwordHash));
    }

    @Test
    void disablingAUserEndsTheirSessionAndRoleChangesApplyAtOnce() {
        long id = createUser("soon.disabled", "officer");
        Session session = signIn("soon.disabled", PASSWORD);
        session.request().get("/incidents/new").then().statusCode(200);

        Session admin = TestSupport.session("admin");
        admin.post("/admin/users/" + id, "/admin/users/" + id, form(id, "Soon disabled", List.of("auditor"), "true"))
                .then().statusCode(303);
        session.request().get("/incidents/new").then().statusCode(403);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("action = ?1 and recordId = ?2",
                AuditAction.ROLE_CHANGE, String.valueOf(id)) == 1));

        admin.post("/admin/users/" + id, "/admin/users/" + id, form(id, "Soon disabled", List.of("auditor"), null))
                .then().statusCode(303);
        session.request().get("/incidents").then().statusCode(302).header("Location", endsWith("/login"));
        given().redirects().follow(false).formParam("j_username", "soon.disabled").formParam("j_password", PASSWORD)
                .post("/j_security_check").then().header("Location", containsString("error"));
    }

    @Test
    void adminsResetPasswordsAndUsersChangeTheirOwn() {
        long id = createUser("forgetful", "manager");
        Session admin = TestSupport.session("admin");
        admin.post("/admin/users/" + id, "/admin/users/" + id + "/password", Map.of("password", "short"))
                .then().statusCode(400).body(containsString("At least 12"));
        admin.post("/admin/users/" + id, "/admin/users/" + id + "/password", Map.of("password", "a brand new secret"))
                .then().statusCode(303);
        Session user = signIn("forgetful", "a brand new secret");

        user.post("/account/password", "/account/password",
                Map.of("current", "wrong", "password", "another long secret",
                        "confirmation", "another long secret"))
                .then().statusCode(400).body(containsString("not your current password"));
        user.post("/account/password", "/account/password", Map.of("current", "a brand new secret",
                "password", "another long secret", "confirmation", "different long secret")).then().statusCode(400)
                .body(containsString("The two new passwords differ"));
        user.post("/account/password", "/account/password", Map.of("current", "a brand new secret",
                "password", "another long secret", "confirmation", "another long secret")).then().statusCode(303);
        signIn("forgetful", "another long secret");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("action = ?1 and recordLabel = ?2",
                AuditAction.PASSWORD_RESET, "forgetful") == 1
                && AuditEntry.count("action = ?1 and recordLabel = ?2",
                        AuditAction.PASSWORD_CHANGE, "forgetful") == 1));
        // The trail records that the password changed, never the hash.
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list("recordLabel", "forgetful")
                .stream().noneMatch(e -> e.changes != null && e.changes.contains("$2a$"))));
    }

    @Test
    void adminsCannotLockThemselvesOut() {
        long id = QuarkusTransaction.requiringNew().call(() -> User.findByUsername("admin").orElseThrow().id);
        TestSupport.session("admin")
                .post("/admin/users/" + id, "/admin/users/" + id, form(id, "Admin", List.of("officer"), null))
                .then().statusCode(400)
                .body(containsString("cannot disable your own account"))
                .body(containsString("cannot remove your own administrator role"));
    }

    @Test
    void fiveFailuresLockTheUsernameWhetherOrNotTheAccountExists() {
        long id = createUser("target.user", "officer");
        for (String username : List.of("target.user", "ghost.user")) {
            for (int i = 0; i < 5; i++) {
                given().redirects().follow(false).formParam("j_username", username)
                        .formParam("j_password", "wrong password")
                        .post("/j_security_check").then().header("Location", containsString("error"));
            }
            var locked = given().redirects().follow(false).formParam("j_username", username)
                    .formParam("j_password", PASSWORD)
                    .post("/j_security_check");
            locked.then().header("Location", containsString("error"));
            String notice = locked.getCookie(PasswordIdentityProvider.NOTICE);
            given().cookie(PasswordIdentityProvider.NOTICE, notice).get("/login?error=true").then()
                    .body(containsString("Too many failed sign-ins"));
        }
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("action = ?1 and username = ?2",
                AuditAction.ACCOUNT_LOCKED, "ghost.user") >= 1));
        // An administrator's password reset lifts the lock.
        TestSupport.session("admin").post("/admin/users/" + id, "/admin/users/" + id + "/password",
                Map.of("password", "freshly set secret")).then().statusCode(303);
        signIn("target.user", "freshly set secret");
    }

    @Test
    void onlyAdminsManageUsers() {
        for (String user : List.of("officer", "manager", "auditor")) {
            TestSupport.session(user).request().get("/admin/users").then().statusCode(403);
        }
    }

    private static Map<String, Object> form(long id, String name, List<String> roles, String enabled) {
        long version = QuarkusTransaction.requiringNew().call(() -> User.<User>findById(id).version);
        Map<String, Object> form = new HashMap<>();
        form.put("displayName", name);
        form.put("roles", roles);
        form.put("version", version);
        if (enabled != null) {
            form.put("enabled", enabled);
        }
        return form;
    }
}
