package org.opregister.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
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
 * Sign-in with the bank's directory through the sign-in form, against a real OpenLDAP server ({@link SlapdServer}):
 * accounts made from the directory at the first sign-in, roles from groups (by name and by distinguished name) read
 * again at every sign-in, refusals with their own message, lock-out as for local accounts, the switch that keeps
 * local sign-in for administrators, an outage of the directory, and first sign-ins at the same moment.
 */
@QuarkusTest
@Tag("directory")
@WithTestResource(SlapdServer.class)
class LdapSignInTest {

    @Inject
    Accounts accounts;

    @Inject
    LdapDirectory directory;

    @BeforeEach
    void noThrottle() {
        QuarkusTransaction.requiringNew().run(() -> SignInThrottle.deleteAll());
    }

    @Test
    void anOfficerSignsInWithTheDirectoryAndGetsAnAccountMadeFromIt() {
        Response signIn = formSignIn("camille.martin", "Camille-directory-1");
        assertEquals("/", path(signIn.getHeader("Location")));
        Session camille = Session.of("camille.martin", signIn);
        camille.request().get("/incidents").then().statusCode(200);
        camille.request().get("/admin/users").then().statusCode(403);

        User user = account("camille.martin").orElseThrow();
        assertEquals(AuthSource.LDAP, user.authSource);
        assertEquals("officer", user.roles);
        assertEquals("Camille Martin", user.displayName);
        assertEquals("camille.martin@bank.example", user.email);
        assertEquals(null, user.passwordHash);
        assertTrue(lastEntry(AuditAction.LOGIN_SUCCESS, "camille.martin").details.startsWith("form, ldap from "));

        camille.request().get("/account/password").then().statusCode(200)
                .body(containsString("id=\"password-in-directory\""));
    }

    @Test
    void aGroupNamedByItsDistinguishedNameGivesItsRoleAndTheNameFallsBackOnTheCommonName() {
        Session lucas = Session.of("lucas.bernard", formSignIn("lucas.bernard", "Lucas-directory-1"));
        lucas.request().get("/incidents").then().statusCode(200);
        User user = account("lucas.bernard").orElseThrow();
        assertEquals("manager", user.roles);
        assertEquals("Lucas Bernard", user.displayName);
    }

    @Test
    void rolesAreReadAgainAtEverySignIn() throws Exception {
        formSignIn("lucas.bernard", "Lucas-directory-1");
        SlapdServer.membership("risk-officers", "lucas.bernard", true);
        try {
            Session.of("lucas.bernard", formSignIn("lucas.bernard", "Lucas-directory-1"));
            assertEquals("manager,officer", account("lucas.bernard").orElseThrow().roles);
            assertTrue(lastEntry(AuditAction.ROLE_CHANGE, "lucas.bernard").details
                    .contains("manager -> manager,officer (directory groups)"));
        } finally {
            SlapdServer.membership("risk-officers", "lucas.bernard", false);
        }
        formSignIn("lucas.bernard", "Lucas-directory-1");
        assertEquals("manager", account("lucas.bernard").orElseThrow().roles);
    }

    @Test
    void someoneTakenOutOfEveryMappedGroupLosesRolesAndSessionsAtTheNextSignIn() throws Exception {
        Session lucas = Session.of("lucas.bernard", formSignIn("lucas.bernard", "Lucas-directory-1"));
        lucas.request().get("/incidents").then().statusCode(200);
        SlapdServer.membership("risk-managers", "lucas.bernard", false);
        try {
            assertEquals(Accounts.Outcome.NO_ROLE,
                    accounts.signIn("lucas.bernard", "Lucas-directory-1", true, "10.1.1.7").outcome());
            assertEquals("", account("lucas.bernard").orElseThrow().roles);
            lucas.request().get("/incidents").then().statusCode(302);
            assertTrue(lastEntry(AuditAction.ROLE_CHANGE, "lucas.bernard").details
                    .contains("in no directory group that gives a role; sessions ended: "));
        } finally {
            SlapdServer.membership("risk-managers", "lucas.bernard", true);
        }
        assertEquals(Accounts.Outcome.SUCCESS,
                accounts.signIn("lucas.bernard", "Lucas-directory-1", true, "10.1.1.7").outcome());
        assertEquals("manager", account("lucas.bernard").orElseThrow().roles);
    }

    @Test
    void aUsernameGivenAgainToSomeoneElseDoesNotOpenTheFirstHoldersAccount() throws Exception {
        assertEquals(Accounts.Outcome.SUCCESS,
                accounts.signIn("reused.name", "Reused-directory-1", true, "10.1.1.8").outcome());
        assertNotNull(account("reused.name").orElseThrow().directoryId);
        SlapdServer.recreate("reused.name", "Reused-directory-2", "risk-officers");
        assertEquals(Accounts.Outcome.FAILED,
                accounts.signIn("reused.name", "Reused-directory-2", true, "10.1.1.8").outcome());
        assertTrue(lastEntry(AuditAction.LOGIN_FAILURE, "reused.name").details.contains("a reused username"));
        assertEquals("First Holder", account("reused.name").orElseThrow().displayName);
    }

    @Test
    void aSecondUsernameAnEntryGivesItselfNamesNoOtherAccount() throws Exception {
        SlapdServer.addValue("ines.petit", "uid", "camille.martin.bis");
        SlapdServer.membership("risk-officers", "ines.petit", true);
        try {
            assertEquals(Accounts.Outcome.SUCCESS,
                    accounts.signIn("ines.petit", "Ines-directory-1", true, "10.1.1.9").outcome());
            assertTrue(account("ines.petit").isPresent());
            assertFalse(account("camille.martin.bis").isPresent());
        } finally {
            SlapdServer.membership("risk-officers", "ines.petit", false);
        }
    }

    @Test
    void someoneInNoMappedGroupIsRefusedWithAPageThatSaysSo() {
        Response signIn = formSignIn("ines.petit", "Ines-directory-1");
        assertTrue(signIn.getHeader("Location").contains("error"));
        String notice = signIn.getCookie(PasswordIdentityProvider.NOTICE);
        assertEquals(LoginNotice.NO_ROLE, notice);
        given().cookie(PasswordIdentityProvider.NOTICE, notice).get("/login?error=true").then().statusCode(200)
                .body(containsString("id=\"login-no-role\""));
        assertTrue(account("ines.petit").map(user -> user.roles.isEmpty()).orElse(true));
        assertTrue(lastEntry(AuditAction.LOGIN_REFUSED, "ines.petit").details
                .contains("in no directory group that gives a role"));
    }

    @Test
    void wrongPasswordsLockTheUsernameAsForALocalAccount() {
        // The directory ignores case in names, so does the count: five spellings are five failures of one name.
        for (String spelling : List.of("lock.test", "Lock.test", "LOCK.TEST", "lock.TEST")) {
            assertEquals(Accounts.Outcome.FAILED, accounts.signIn(spelling, "wrong", true, "10.1.1.1").outcome());
        }
        assertEquals(Accounts.Outcome.LOCKED, accounts.signIn("Lock.Test", "wrong-5", true, "10.1.1.1").outcome());
        assertEquals(Accounts.Outcome.REFUSED,
                accounts.signIn("lock.test", "Lock-directory-1", true, "10.1.1.1").outcome());
        assertTrue(lastEntry(AuditAction.ACCOUNT_LOCKED, "Lock.Test").details.startsWith("form, ldap from 10.1.1.1"));
    }

    @Test
    void anEmptyPasswordOrFilterCharactersProveNothing() {
        // An empty password would be an unauthenticated bind, which the directory accepts for any name.
        assertEquals(Accounts.Outcome.FAILED, accounts.signIn("camille.martin", "", true, "10.1.1.2").outcome());
        assertEquals(LdapDirectory.Failure.REJECTED, directory.authenticate("*", "Camille-directory-1").failure());
        assertEquals(LdapDirectory.Failure.REJECTED,
                directory.authenticate("camille.martin)(uid=*", "Camille-directory-1").failure());
        assertEquals(LdapDirectory.Failure.REJECTED,
                directory.authenticate("camille.martin", "Camille-directory-2").failure());
    }

    @Test
    void aDirectoryUserDoesNotTakeOverALocalAccountOfTheSameName() {
        // "officer" is a local demo account: its local password counts, not the directory's.
        assertEquals(Accounts.Outcome.FAILED,
                accounts.signIn("officer", "Namesake-directory-1", true, "10.1.1.3").outcome());
        // Typed in capitals, the name is unknown here, the directory finds uid=officer: still refused.
        assertEquals(Accounts.Outcome.FAILED,
                accounts.signIn("OFFICER", "Namesake-directory-1", true, "10.1.1.3").outcome());
        assertTrue(lastEntry(AuditAction.LOGIN_FAILURE, "OFFICER").details
                .contains("a local account holds the username officer"));
        assertEquals(AuthSource.LOCAL, account("officer").orElseThrow().authSource);
        assertEquals(Accounts.Outcome.SUCCESS, accounts.signIn("officer", "demo", true, "10.1.1.3").outcome());
    }

    @Test
    void localSignInCanBeKeptForAdministratorsOnly() {
        Session admin = TestSupport.login("admin");
        admin.request().get("/admin/sign-in").then().statusCode(200).body(containsString(SlapdServer.url()))
                .body(containsString("risk-officers"));
        long version = QuarkusTransaction.requiringNew().call(() -> SignInPolicy.current().version);
        admin.post("/admin/sign-in", "/admin/sign-in", Map.of("local", "administrators", "version", version))
                .then().statusCode(303);
        try {
            Response officer = formSignIn("manager", "demo");
            assertEquals(LoginNotice.LOCAL_OFF, officer.getCookie(PasswordIdentityProvider.NOTICE));
            given().cookie(PasswordIdentityProvider.NOTICE, LoginNotice.LOCAL_OFF).get("/login?error=true").then()
                    .body(containsString("id=\"login-local-off\""));
            assertEquals(Accounts.Outcome.SUCCESS, accounts.signIn("admin", "demo", true, "10.1.1.4").outcome());
            assertEquals(Accounts.Outcome.SUCCESS,
                    accounts.signIn("camille.martin", "Camille-directory-1", true, "10.1.1.4").outcome());
        } finally {
            long now = QuarkusTransaction.requiringNew().call(() -> SignInPolicy.current().version);
            admin.post("/admin/sign-in", "/admin/sign-in", Map.of("local", "everyone", "version", now)).then()
                    .statusCode(303);
        }
        assertEquals(Accounts.Outcome.SUCCESS, accounts.signIn("manager", "demo", true, "10.1.1.4").outcome());
    }

    @Test
    void anAccountDisabledHereStaysOutWhateverTheDirectorySaysAndKeepsItsDirectoryFields() {
        assertEquals(Accounts.Outcome.SUCCESS,
                accounts.signIn("camille.martin", "Camille-directory-1", true, "10.1.1.6").outcome());
        User camille = account("camille.martin").orElseThrow();
        Session admin = TestSupport.login("admin");
        String page = "/admin/users/" + camille.id;
        // A directory account's name and roles are not edited here, whatever the form posts.
        admin.post(page, page, Map.of("version", camille.version, "displayName", "Someone Else", "roles", "admin"))
                .then().statusCode(303);
        try {
            User disabled = account("camille.martin").orElseThrow();
            assertFalse(disabled.enabled);
            assertEquals("Camille Martin", disabled.displayName);
            assertEquals("officer", disabled.roles);
            assertEquals(Accounts.Outcome.FAILED,
                    accounts.signIn("camille.martin", "Camille-directory-1", true, "10.1.1.6").outcome());
            assertTrue(
                    lastEntry(AuditAction.LOGIN_FAILURE, "camille.martin").details
                            .endsWith("account camille.martin disabled here"));
            admin.post(page, page + "/password", Map.of("password", "a long enough password 1")).then()
                    .statusCode(400).body(containsString("its password is changed there"));
        } finally {
            long version = account("camille.martin").orElseThrow().version;
            admin.post(page, page, Map.of("version", version, "enabled", "true")).then().statusCode(303);
        }
        assertEquals(Accounts.Outcome.SUCCESS,
                accounts.signIn("camille.martin", "Camille-directory-1", true, "10.1.1.6").outcome());
    }

    @Test
    void anUnreachableDirectoryIsSaidSoAndCountsAgainstNoOne() {
        SlapdServer.halt();
        try {
            Response signIn = formSignIn("camille.martin", "Camille-directory-1");
            assertEquals(LoginNotice.UNAVAILABLE, signIn.getCookie(PasswordIdentityProvider.NOTICE));
            for (int i = 0; i < 6; i++) {
                assertEquals(Accounts.Outcome.UNAVAILABLE,
                        accounts.signIn("camille.martin", "Camille-directory-1", true, "10.1.1.5").outcome());
            }
        } finally {
            SlapdServer.resume();
        }
        assertEquals(Accounts.Outcome.SUCCESS,
                accounts.signIn("camille.martin", "Camille-directory-1", true, "10.1.1.5").outcome());
    }

    @Test
    void firstSignInsAtTheSameMomentMakeOneAccount() throws Exception {
        assertFalse(account("nora.first").isPresent());
        int threads = 4;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Accounts.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String address = "10.2.2." + i;
                outcomes.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return accounts.signIn("nora.first", "Nora-directory-1", true, address).outcome();
                }));
            }
            ready.await();
            go.countDown();
            for (Future<Accounts.Outcome> outcome : outcomes) {
                assertEquals(Accounts.Outcome.SUCCESS, outcome.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> User.count("username", "nora.first")));
        assertEquals(1L, QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.count("recordType = 'User' and action = ?1 and recordLabel = 'nora.first'",
                        AuditAction.CREATE)));
    }

    private static Response formSignIn(String username, String password) {
        return given().redirects().follow(false).formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
    }

    private static String path(String location) {
        assertNotNull(location);
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private static Optional<User> account(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.findByUsername(username));
    }

    private static AuditEntry lastEntry(AuditAction action, String username) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find(
                "action = ?1 and username = ?2 order by id desc", action, username).firstResult());
    }
}
