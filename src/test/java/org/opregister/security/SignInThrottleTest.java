package org.opregister.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.opregister.Parallel;
import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditEntry;
import org.opregister.core.Role;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failed sign-ins under concurrency: each one counted, none answered 500, a lock that holds against the right
 * password, and a per-address limit so that one address cannot lock out every account.
 */
@QuarkusTest
@TestProfile(SignInThrottleTest.Limits.class)
class SignInThrottleTest {

    /** Five failures lock a username, ten from one address lock the address. */
    public static class Limits implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("oprisk.login.max-failures", "5", "oprisk.login.max-failures-per-address", "10");
        }
    }

    @Inject
    Accounts accounts;

    @BeforeEach
    void noLockOuts() {
        QuarkusTransaction.requiringNew().run(() -> SignInThrottle.deleteAll());
    }

    @Test
    void everyParallelFailureIsCountedAndAnswered401() {
        String name = "ghost" + System.nanoTime();
        List<Integer> statuses = Parallel.run(20, i -> given().auth().preemptive().basic(name, "wrong password " + i)
                .get("/api/incidents").statusCode());
        assertEquals(List.of(401), statuses.stream().distinct().toList(), "statuses: " + statuses);
        assertEquals(20, failuresAudited(name), "every failure is in the audit trail");
        assertTrue(lockedNow(SignInThrottle.userKey(name)), "five of them locked the name");
    }

    @Test
    void aBurstOfGuessesLocksTheAccountAndThenTheRightPasswordIsRefused() {
        String name = "burst" + System.nanoTime();
        QuarkusTransaction.requiringNew()
                .run(() -> User.create(name, "Burst target", "correct horse battery", Role.OFFICER));
        List<Integer> statuses = Parallel.run(30, i -> given().auth().preemptive()
                .basic(name, i == 29 ? "correct horse battery" : "guess number " + i).get("/api/incidents")
                .statusCode());
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 401), "statuses: " + statuses);
        assertTrue(lockedNow(SignInThrottle.userKey(name)));
        given().auth().preemptive().basic(name, "correct horse battery").get("/api/incidents").then().statusCode(401);
        assertEquals(Accounts.Outcome.REFUSED,
                accounts.signIn(name, "correct horse battery", false, "192.0.2.99").outcome());
    }

    @Test
    void oneAddressCannotLockOutEveryAccount() {
        String attacker = "203.0.113.7";
        for (int i = 0; i < 10; i++) {
            accounts.signIn("victim" + i + "-" + System.nanoTime(), "wrong password", false, attacker);
        }
        assertTrue(lockedNow(SignInThrottle.addressKey(attacker)), "the address is locked after ten failures");
        // Its later guesses are refused without counting against another account.
        assertEquals(Accounts.Outcome.REFUSED,
                accounts.signIn("officer2", "wrong password", false, attacker).outcome());
        assertTrue(!lockedNow(SignInThrottle.userKey("officer2")) && failures(SignInThrottle.userKey("officer2")) == 0);
        // The address is refused even the right password; everyone else signs in as usual.
        assertEquals(Accounts.Outcome.REFUSED, accounts.signIn("officer", "demo", false, attacker).outcome());
        assertEquals(Accounts.Outcome.SUCCESS, accounts.signIn("officer", "demo", false, "198.51.100.20").outcome());
    }

    @Test
    void aRightPasswordEndsTheRunOfFailuresOfTheUsername() {
        for (int i = 0; i < 4; i++) {
            accounts.signIn("officer2", "wrong password", false, "198.51.100." + i);
        }
        assertEquals(4, failures(SignInThrottle.userKey("officer2")));
        assertEquals(Accounts.Outcome.SUCCESS, accounts.signIn("officer2", "demo", false, "198.51.100.9").outcome());
        assertEquals(0, failures(SignInThrottle.userKey("officer2")));
    }

    private static long failuresAudited(String name) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("username = ?1 and action in ?2", name,
                List.of(AuditAction.LOGIN_FAILURE, AuditAction.ACCOUNT_LOCKED)));
    }

    private static boolean lockedNow(String key) {
        return QuarkusTransaction.requiringNew().call(() -> SignInThrottle.locked(key, Instant.now()));
    }

    private static int failures(String key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SignInThrottle throttle = SignInThrottle.findById(key);
            return throttle == null ? 0 : throttle.failures;
        });
    }
}
