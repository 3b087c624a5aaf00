package org.opregister.security;

import java.time.Duration;
import java.time.Instant;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditWriter;
import org.opregister.core.AppClock;

/**
 * Signing in: password check, lock-out after repeated failures, and the audit entries for both. Also re-reads
 * the account on every request of a session, so a disabled account loses its session and role changes apply
 * at once.
 */
@ApplicationScoped
public class Accounts {

    /** Compared against when the username is unknown, so both cases take the same time. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not-a-password-of-anyone");

    public enum Outcome { SUCCESS, FAILED, LOCKED }

    record Attempt(Outcome outcome, User user) {
    }

    @ConfigProperty(name = "oprisk.login.max-failures", defaultValue = "5")
    int maxFailures;

    @ConfigProperty(name = "oprisk.login.lock-duration", defaultValue = "PT15M")
    Duration lockDuration;

    @ConfigProperty(name = "oprisk.session.max-lifetime", defaultValue = "PT12H")
    Duration sessionLifetime;

    @Inject
    AuditWriter audit;

    /** Checks a password; records failures (and, for interactive sign-ins, successes) in the trail. */
    public Attempt signIn(String username, String password, boolean interactive) {
        // Control characters cannot be in a username, and some databases refuse them in any text.
        String name = username == null ? "" : username.replaceAll("\\p{Cntrl}", "").strip();
        Attempt attempt = QuarkusTransaction.requiringNew().call(() -> check(name, password == null ? "" : password));
        switch (attempt.outcome()) {
            case SUCCESS -> {
                if (interactive) {
                    audit.event(AuditAction.LOGIN_SUCCESS, name, null);
                }
            }
            case LOCKED -> audit.event(AuditAction.ACCOUNT_LOCKED, name, "locked after " + maxFailures + " failed sign-ins");
            case FAILED -> audit.event(AuditAction.LOGIN_FAILURE, name, interactive ? "form" : "basic");
        }
        return attempt;
    }

    public SecurityIdentity identity(User user) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRoles(user.roleSet())
                .addAttribute(PasswordChangeGate.ATTRIBUTE, user.mustChangePassword)
                .build();
    }

    /** A new browser session for a user who just signed in with the form; answers its id. */
    public String openSession(String username) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = AppClock.now();
            UserSession.purgeOlderThan(now.minus(sessionLifetime));
            return UserSession.open(username, now).id;
        });
    }

    public void closeSession(String sessionId) {
        QuarkusTransaction.requiringNew().run(() -> UserSession.close(sessionId));
    }

    /**
     * The account behind an existing session cookie. The session must still be open (not signed out, not older
     * than the longest session lifetime) and the account active; otherwise the session ends.
     */
    public SecurityIdentity restore(String username, String sessionId) {
        User user = QuarkusTransaction.requiringNew().call(() ->
                UserSession.valid(sessionId, username, AppClock.now(), sessionLifetime)
                        ? User.findByUsername(username).orElse(null) : null);
        if (user == null || !user.enabled) {
            throw new AuthenticationFailedException("session or account no longer valid");
        }
        return identity(user);
    }

    private Attempt check(String username, String password) {
        Instant now = AppClock.now();
        String key = username.length() > 200 ? username.substring(0, 200) : username;
        LoginThrottle throttle = LoginThrottle.findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (throttle != null && throttle.lockedAt(now)) {
            return new Attempt(Outcome.LOCKED, null);
        }
        User user = User.findByUsername(username).orElse(null);
        boolean matches = BcryptUtil.matches(password, user == null ? DUMMY_HASH : user.passwordHash);
        if (user != null && user.enabled && matches) {
            if (throttle != null) {
                throttle.delete();
            }
            return new Attempt(Outcome.SUCCESS, user);
        }
        if (throttle == null) {
            throttle = new LoginThrottle();
            throttle.username = key;
            throttle.persist();
        }
        throttle.failures++;
        if (throttle.failures >= maxFailures) {
            throttle.failures = 0;
            throttle.lockedUntil = now.plus(lockDuration);
            return new Attempt(Outcome.LOCKED, null);
        }
        return new Attempt(Outcome.FAILED, null);
    }

}
