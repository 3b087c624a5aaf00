package org.opregister.security;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditWriter;
import org.opregister.core.Acting;

/**
 * The register's account of a directory user who proved their password: made at the first sign-in (name, e-mail,
 * username from the directory), brought up to date at every later one, roles included. Two first sign-ins of the
 * same user at once make one account: the username is unique, the loser reads the winner's row.
 */
@ApplicationScoped
public class DirectoryAccounts {

    /** SQLSTATE of a unique-key violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** The account, or why the directory user may not use it. */
    public record Adoption(User user, Refusal refusal) {
    }

    public enum Refusal {
        /** A local account holds the username: a directory sign-in does not take it over. */
        LOCAL_ACCOUNT,
        /** An administrator disabled the account here. */
        DISABLED
    }

    @Inject
    AuditWriter audit;

    /** Stamped and audited as the user's own doing (the request has no signed-in user yet). */
    public Adoption adopt(LdapDirectory.Account account, Set<String> roles, AuthSource source) {
        Adoption[] adoption = new Adoption[1];
        Acting.as(account.username(), () -> {
            try {
                adoption[0] = QuarkusTransaction.requiringNew().call(() -> keep(account, roles, source));
            } catch (RuntimeException e) {
                if (!uniqueViolation(e)) {
                    throw e;
                }
                adoption[0] = QuarkusTransaction.requiringNew().call(() -> keep(account, roles, source));
            }
        });
        return adoption[0];
    }

    private Adoption keep(LdapDirectory.Account account, Set<String> roles, AuthSource source) {
        User user = User.<User>find("username", account.username()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElse(null);
        if (user == null) {
            User made = new User();
            made.username = account.username();
            made.authSource = source;
            made.displayName = account.displayName();
            made.email = account.email();
            made.roles = String.join(",", roles);
            made.createdAt = Instant.now();
            made.persistAndFlush();
            return new Adoption(made, null);
        }
        if (user.authSource != source) {
            return new Adoption(user, Refusal.LOCAL_ACCOUNT);
        }
        if (!user.enabled) {
            return new Adoption(user, Refusal.DISABLED);
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

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
