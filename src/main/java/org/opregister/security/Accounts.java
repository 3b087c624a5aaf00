package org.opregister.security;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

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

    /**
     * LOCKED: this failure locked the username or address; REFUSED: it was locked already; NO_ROLE: the directory
     * knows the user but none of their groups gives a role; LOCAL_OFF: local sign-in is off for this account;
     * UNAVAILABLE: the directory could not be reached (not counted against the user).
     */
    public enum Outcome {
        SUCCESS, FAILED, LOCKED, REFUSED, NO_ROLE, LOCAL_OFF, UNAVAILABLE
    }

    record Attempt(Outcome outcome, User user) {
    }

    @Inject
    OpriskConfig config;

    @Inject
    AuditWriter audit;

    @Inject
    LdapDirectory ldap;

    @Inject
    DirectoryRoles directoryRoles;

    @Inject
    DirectoryAccounts directoryAccounts;

    /**
     * Checks a password from a client address; records failures (and, for interactive sign-ins, successes) in the
     * trail. A locked username or address refuses every password, the right one too. The password is checked outside
     * any lock; only counting a failure, and deciding a success, take the throttle rows' locks.
     */
    public Attempt signIn(String username, String password, boolean interactive, String address) {
        // Control characters cannot be in a username, and some databases refuse them in any text.
        String name = username == null ? "" : username.replaceAll("\\p{Cntrl}", "").strip();
        String from = from(address);
        String userKey = SignInThrottle.userKey(name);
        String addressKey = SignInThrottle.addressKey(from);
        Instant now = AppClock.now();
        Checked checked;
        if (QuarkusTransaction.requiringNew().call(() -> SignInThrottle.locked(userKey, now)
                || SignInThrottle.locked(addressKey, now))) {
            checked = new Checked(new Attempt(Outcome.REFUSED, null), AuthSource.LOCAL, null);
        } else {
            User user = QuarkusTransaction.requiringNew().call(() -> User.findByUsername(name).orElse(null));
            checked = ldap.enabled() && (user == null || user.authSource == AuthSource.LDAP)
                    ? withDirectory(name, password, userKey, addressKey, now)
                    : withLocalPassword(user, password, userKey, addressKey, now);
        }
        Attempt attempt = checked.attempt();
        record(attempt, name, (interactive ? "form" : "basic") + ", " + checked.method().method() + " from " + from
                + (checked.reason() == null ? "" : ": " + checked.reason()), interactive);
        return attempt;
    }

    /**
     * A user the OpenID Connect provider vouched for (a validated ID token): the same rules as a directory sign-in
     * (roles from the groups, read again now; the account made at the first sign-in; lock-out), with no password
     * here. A refusal is not counted against the username: nobody guessed a password.
     */
    public Attempt signInThroughProvider(DirectoryEntry entry, String address) {
        String from = from(address);
        String userKey = SignInThrottle.userKey(entry.username());
        String addressKey = SignInThrottle.addressKey(from);
        Instant now = AppClock.now();
        Attempt attempt;
        String reason = null;
        Set<String> roles = directoryRoles.rolesOfNamedGroups(entry.groups());
        if (QuarkusTransaction.requiringNew().call(() -> SignInThrottle.locked(userKey, now)
                || SignInThrottle.locked(addressKey, now))) {
            attempt = new Attempt(Outcome.REFUSED, null);
        } else if (roles.isEmpty()) {
            directoryAccounts.withdraw(entry, AuthSource.OIDC);
            attempt = new Attempt(Outcome.NO_ROLE, null);
            reason = "in no directory group that gives a role";
        } else {
            DirectoryAccounts.Adoption adoption = directoryAccounts.adopt(entry, roles, AuthSource.OIDC);
            if (adoption.refusal() != null) {
                attempt = new Attempt(Outcome.FAILED, null);
                reason = adoption.refusal().reason(adoption.user().username);
            } else {
                attempt = QuarkusTransaction.requiringNew().call(() -> succeed(adoption.user(), userKey, addressKey,
                        now));
            }
        }
        record(attempt, entry.username(), "browser, " + AuthSource.OIDC.method() + " from " + from
                + (reason == null ? "" : ": " + reason), true);
        return attempt;
    }

    /** A sign-in through the provider that named no user: refused by it, a bad token, a stale page. */
    public void providerSignInFailed(String why, String address) {
        audit.event(AuditAction.LOGIN_FAILURE, "unknown",
                "browser, " + AuthSource.OIDC.method() + " from " + from(address)
                        + ": " + why.replaceAll("\\p{Cntrl}", " "));
    }

    private void record(Attempt attempt, String name, String channel, boolean interactive) {
        switch (attempt.outcome()) {
            case SUCCESS -> {
                if (interactive) {
                    audit.event(AuditAction.LOGIN_SUCCESS, attempt.user().username, channel);
                }
            }
            case LOCKED -> audit.event(AuditAction.ACCOUNT_LOCKED, name, channel + ": locked after "
                    + config.login().maxFailures() + " failed sign-ins for the username or "
                    + config.login().maxFailuresPerAddress() + " from the address");
            case REFUSED -> audit.event(AuditAction.LOGIN_FAILURE, name, channel + ": refused while locked");
            case FAILED -> audit.event(AuditAction.LOGIN_FAILURE, name, channel);
            case NO_ROLE -> audit.event(AuditAction.LOGIN_REFUSED, name, channel);
            case LOCAL_OFF -> audit.event(AuditAction.LOGIN_REFUSED, name,
                    channel + ": local sign-in is off but for administrators");
            case UNAVAILABLE -> audit.event(AuditAction.LOGIN_FAILURE, name, channel);
        }
    }

    private static String from(String address) {
        return address == null || address.isBlank() ? "unknown" : address.replaceAll("\\p{Cntrl}", "");
    }

    /** How a sign-in was checked, and why it was refused when the outcome alone does not say. */
    private record Checked(Attempt attempt, AuthSource method, String reason) {
    }

    private Checked withLocalPassword(User user, String password, String userKey, String addressKey, Instant now) {
        // A directory account has no password here: with the directory off it cannot sign in at all (the dummy
        // hash is still compared, so the answer takes the same time).
        boolean local = user != null && user.authSource == AuthSource.LOCAL && user.passwordHash != null;
        boolean matches = BcryptUtil.matches(password == null ? "" : password,
                local ? user.passwordHash : DUMMY_HASH) && local;
        Attempt attempt;
        if (!(user != null && user.enabled && matches)) {
            attempt = failed(userKey, addressKey, now);
        } else if (!policyAllowsLocal(user)) {
            attempt = new Attempt(Outcome.LOCAL_OFF, null);
        } else {
            attempt = QuarkusTransaction.requiringNew().call(() -> succeed(user, userKey, addressKey, now));
        }
        return new Checked(attempt, AuthSource.LOCAL, null);
    }

    /**
     * A bind to the directory proves the password; the groups give the roles, read again at every sign-in. A
     * directory that cannot be reached counts against no one.
     */
    private Checked withDirectory(String name, String password, String userKey, String addressKey, Instant now) {
        LdapDirectory.Result result = ldap.authenticate(name, password);
        if (result.failure() == LdapDirectory.Failure.UNAVAILABLE) {
            return new Checked(new Attempt(Outcome.UNAVAILABLE, null), AuthSource.LDAP, "directory unreachable");
        }
        if (result.failure() != null) {
            return new Checked(failed(userKey, addressKey, now), AuthSource.LDAP, null);
        }
        Set<String> roles = directoryRoles.roles(result.account().groups());
        if (roles.isEmpty()) {
            directoryAccounts.withdraw(result.account(), AuthSource.LDAP);
            return new Checked(new Attempt(Outcome.NO_ROLE, null), AuthSource.LDAP,
                    "in no directory group that gives a role");
        }
        DirectoryAccounts.Adoption adoption = directoryAccounts.adopt(result.account(), roles, AuthSource.LDAP);
        if (adoption.refusal() != null) {
            return new Checked(failed(userKey, addressKey, now), AuthSource.LDAP,
                    adoption.refusal().reason(adoption.user().username));
        }
        return new Checked(
                QuarkusTransaction.requiringNew().call(() -> succeed(adoption.user(), userKey, addressKey, now)),
                AuthSource.LDAP, null);
    }

    /** The failure counted, in a transaction of its own. */
    private Attempt failed(String userKey, String addressKey, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> fail(userKey, addressKey, now));
    }

    private static boolean policyAllowsLocal(User user) {
        return QuarkusTransaction.requiringNew().call(() -> SignInPolicy.current().allowsLocal(user));
    }

    public SecurityIdentity identity(User user) {
        return identity(user, user.roleSet());
    }

    private static SecurityIdentity identity(User user, Set<String> roles) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRoles(roles)
                .addAttribute(PasswordChangeGate.ATTRIBUTE, user.mustChangePassword)
                .addAttribute(AppLocale.IDENTITY_ATTRIBUTE, user.locale == null ? "" : user.locale)
                .addAttribute(CurrentUser.DISPLAY_NAME, user.displayName == null ? user.username : user.displayName)
                .build();
    }

    /**
     * The account a validated bearer token names (by the provider's subject, never by a username it could reuse):
     * refused if there is none or it is disabled. Roles from the token's groups, read now.
     */
    public SecurityIdentity bearerIdentity(DirectoryEntry entry) {
        User user = QuarkusTransaction.requiringNew()
                .call(() -> User.findByDirectoryId(AuthSource.OIDC, entry.id()).orElse(null));
        if (user == null || !user.enabled) {
            throw new AuthenticationFailedException("no active account for the token's subject");
        }
        Set<String> roles = directoryRoles.rolesOfNamedGroups(entry.groups());
        if (roles.isEmpty()) {
            throw new AuthenticationFailedException("the token's groups give no role");
        }
        return identity(user, roles);
    }

    /** A new browser session for a user who just signed in with the form; answers its id. */
    public String openSession(String username) {
        return openSession(username, null);
    }

    /** A new browser session; the ID token, for a sign-in through the OpenID Connect provider. */
    public String openSession(String username, String idToken) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = AppClock.now();
            UserSession.purgeOlderThan(now.minus(config.session().maxLifetime()));
            return UserSession.open(username, now, idToken).id;
        });
    }

    /** Ends the session; answers the ID token it was opened with, for the provider's sign-out. */
    public Optional<String> closeSession(String sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> UserSession.close(sessionId));
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
