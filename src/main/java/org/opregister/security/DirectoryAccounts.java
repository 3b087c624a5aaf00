package org.opregister.security;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditWriter;
import org.opregister.core.Acting;
import org.opregister.core.EditConflictException;
import org.opregister.core.Edits;

/**
 * The register's account of a directory user who proved their password: made at the first sign-in (name, e-mail,
 * username from the directory), brought up to date at every later one, roles included. Two first sign-ins of the
 * same user at once make one account: the username is unique, and the loser's insert, an edit conflict
 * ({@link Edits#guarded}), is followed by a read of the winner's row.
 */
@ApplicationScoped
public class DirectoryAccounts {

    /** The account, or why the directory user may not use it. */
    public record Adoption(User user, Refusal refusal) {
    }

    public enum Refusal {

        /** A local account holds the username (in any case): a directory sign-in does not take it over. */
        LOCAL_ACCOUNT("a local account holds the username %s"),
        /** The account was made for another directory entry (a username given again to someone else). */
        OTHER_ENTRY("the directory entry is not the one the account %s was made for (a reused username)"),
        /**
         * The directory entry has an account here under another username (renamed in the directory): not a second
         * account; an administrator renames the first.
         */
        RENAMED("the directory entry already has the account %s here, under its former username"),
        /** An administrator disabled the account here. */
        DISABLED("account %s disabled here");

        private final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }

        /** For the audit trail. */
        public String reason(String username) {
            return String.format(reason, username);
        }
    }

    @Inject
    AuditWriter audit;

    /** Stamped and audited as the user's own doing (the request has no signed-in user yet). */
    public Adoption adopt(DirectoryEntry account, Set<String> roles, AuthSource source) {
        Adoption[] adoption = new Adoption[1];
        Acting.as(account.username(), () -> {
            try {
                adoption[0] = QuarkusTransaction.requiringNew().call(() -> Edits.guarded(() -> keep(account, roles,
                        source)));
            } catch (EditConflictException madeMeanwhile) {
                adoption[0] = QuarkusTransaction.requiringNew().call(() -> keep(account, roles, source));
            }
        });
        return adoption[0];
    }

    /**
     * A directory user whose groups give no role any more: the account, if there is one, loses its roles and its open
     * sessions at once (it keeps its history; the next sign-in in a mapped group gives the roles back).
     */
    public void withdraw(DirectoryEntry account, AuthSource source) {
        Acting.as(account.username(), () -> QuarkusTransaction.requiringNew().run(() -> {
            User user = locked(account.username());
            if (user == null || user.authSource != source || !sameEntry(user, account)
                    || user.roleSet().isEmpty()) {
                return;
            }
            String before = String.join(",", user.roleSet());
            user.roles = "";
            long ended = UserSession.endAllOf(user.username, null);
            audit.recordEvent(AuditAction.ROLE_CHANGE, "User", user.id.toString(), user.username, "roles: " + before
                    + " -> (none): in no directory group that gives a role; sessions ended: " + ended);
        }));
    }

    private Adoption keep(DirectoryEntry account, Set<String> roles, AuthSource source) {
        User user = locked(account.username());
        if (user == null && account.id() != null) {
            Optional<User> bySubject = User.findByDirectoryId(source, account.id());
            if (bySubject.isPresent() && !bySubject.get().username.equalsIgnoreCase(account.username())) {
                return new Adoption(bySubject.get(), Refusal.RENAMED);
            }
            if (bySubject.isPresent()) {
                // Made a moment ago by a sign-in of the same user at the same time: read it under the lock.
                user = locked(account.username());
            }
        }
        if (user == null) {
            User made = new User();
            made.username = account.username();
            made.authSource = source;
            made.directoryId = account.id();
            made.displayName = account.displayName();
            made.email = account.email();
            made.roles = String.join(",", roles);
            made.createdAt = Instant.now();
            made.persistAndFlush();
            return new Adoption(made, null);
        }
        if (user.authSource != source || !user.username.equals(account.username())) {
            return new Adoption(user, Refusal.LOCAL_ACCOUNT);
        }
        if (!sameEntry(user, account)) {
            return new Adoption(user, Refusal.OTHER_ENTRY);
        }
        if (!user.enabled) {
            return new Adoption(user, Refusal.DISABLED);
        }
        if (user.directoryId == null) {
            user.directoryId = account.id();
        }
        Set<String> before = user.roleSet();
        user.displayName = account.displayName();
        user.email = account.email();
        if (!before.equals(roles)) {
            user.roles = String.join(",", roles);
            audit.recordEvent(AuditAction.ROLE_CHANGE, "User", user.id.toString(), user.username, "roles: "
                    + String.join(",", before) + " -> " + String.join(",", roles) + " (directory groups)");
        }
        return new Adoption(user, null);
    }

    /** The account whose username is this one in any case, locked until the transaction ends. */
    private static User locked(String username) {
        return User.<User>find("lower(username) = ?1", username.toLowerCase(Locale.ROOT))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().orElse(null);
    }

    /** The directory's own id of the entry (entryUUID, objectGUID) is the one the account was made for. */
    private static boolean sameEntry(User user, DirectoryEntry account) {
        return user.directoryId == null || account.id() == null || user.directoryId.equals(account.id());
    }
}
