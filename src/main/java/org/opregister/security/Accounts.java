package org.opregister.security;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditWriter;
import org.opregister.core.AppClock;
import org.opregister.core.AppLocale;
import org.opregister.core.OpriskConfig;

/**
 * Signing in: password check, lock-out after repeated failures, and the audit entries for both. Also re-reads
 * the account on every request of a session, so a disabled account loses its session and role changes apply
 * at once.
 */
@ApplicationScoped
public class Accounts {

    /** Compared against when the username is unknown, so both cases take the same time. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("not-a-password-of-anyone");

    /** LOCKED: this failure locked the username or address; REFUSED: it was locked already. */
    public enum Outcome {
        SUCCESS, FAILED, LOCKED, REFUSED
    }

    record Attempt(Outcome outcome, User user) {
    }

    @Inject
    OpriskConfig config;

    @Inject
    AuditWriter audit;

    /**
     * Checks a password from a client address; records failures (and, for interactive sign-ins, successes) in the
     * trail. A locked username or address refuses every password, the right one too. The password is checked outside
     * any lock; only counting a failure, and deciding a success, take the throttle rows' locks.
     */
    public Attempt signIn(String username, String password, boolean interactive, String address) {
        // Control characters cannot be in a username, and some databases refuse them in any text.
        String name = username == null ? "" : username.replaceAll("\\p{Cntrl}", "").strip();
        String from = address == null || address.isBlank() ? "unknown" : address.replaceAll("\\p{Cntrl}", "");
        String userKey = SignInThrottle.userKey(name);
        String addressKey = SignInThrottle.addressKey(from);
        Instant now = AppClock.now();
        Attempt attempt;
        if (QuarkusTransaction.requiringNew().call(() -> SignInThrottle.locked(userKey, now)
                || SignInThrottle.locked(addressKey, now))) {
            attempt = new Attempt(Outcome.REFUSED, null);
        } else {
            User user = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(name).orElse(null));
            boolean matches = BcryptUtil.matches(password == null ? "" : password,
                    user == null ? DUMMY_HASH : user.passwordHash);
            attempt = user != null && user.enabled && matches
                    ? QuarkusTransaction.requiringNew().call(() -> succeed(user, userKey, addressKey, now))
                    : QuarkusTransaction.requiringNew().call(() -> fail(userKey, addressKey, now));
        }
        String channel = (interactive ? "form" : "basic") + " from " + from;
        switch (attempt.outcome()) {
            case SUCCESS -> {
                if (interactive) {
                    audit.event(AuditAction.LOGIN_SUCCESS, name, channel);
                }
            }
            case LOCKED -> audit.event(AuditAction.ACCOUNT_LOCKED, name, channel + ": locked after "
                    + config.login().maxFailures() + " failed sign-ins for the username or "
                    + config.login().maxFailuresPerAddress() + " from the address");
            case REFUSED -> audit.event(AuditAction.LOGIN_FAILURE, name, channel + ": refused while locked");
            case FAILED -> audit.event(AuditAction.LOGIN_FAILURE, name, channel);
        }
        return attempt;
    }

    public SecurityIdentity identity(User user) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRoles(user.roleSet())
                .addAttribute(PasswordChangeGate.ATTRIBUTE, user.mustChangePassword)
                .addAttribute(AppLocale.IDENTITY_ATTRIBUTE, user.locale == null ? "" : user.locale)
                .addAttribute(CurrentUser.DISPLAY_NAME, user.displayName == null ? user.username : user.displayName)
                .build();
    }

    /** A new browser session for a user who just signed in with the form; answers its id. */
    public String openSession(String username) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = AppClock.now();
            UserSession.purgeOlderThan(now.minus(config.session().maxLifetime()));
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
        User user = QuarkusTransaction.requiringNew()
                .call(() -> UserSession.valid(sessionId, username, AppClock.now(), config.session().maxLifetime())
                        ? User.findByUsername(username).orElse(null)
                        : null);
        if (user == null || !user.enabled) {
            throw new AuthenticationFailedException("session or account no longer valid");
        }
        return identity(user);
    }

    /** The password was right: still refused if a failure locked the username or address meanwhile. */
    private static Attempt succeed(User user, String userKey, String addressKey, Instant now) {
        SignInThrottle throttle = SignInThrottle.findById(userKey, LockModeType.PESSIMISTIC_WRITE);
        if (throttle != null && throttle.lockedAt(now) || SignInThrottle.locked(addressKey, now)) {
            return new Attempt(Outcome.REFUSED, null);
        }
        if (throttle != null) {
            throttle.succeeded(now);
        }
        return new Attempt(Outcome.SUCCESS, user);
    }

    /** Counts the failure for the address and the username (locked in that order, always, so no deadlock). */
    private Attempt fail(String userKey, String addressKey, Instant now) {
        OpriskConfig.Login login = config.login();
        boolean addressLocked = SignInThrottle.lock(addressKey, now)
                .fail(now, login.maxFailuresPerAddress(), login.lockDuration());
        boolean userLocked = SignInThrottle.lock(userKey, now).fail(now, login.maxFailures(), login.lockDuration());
        return new Attempt(addressLocked || userLocked ? Outcome.LOCKED : Outcome.FAILED, null);
    }
}
