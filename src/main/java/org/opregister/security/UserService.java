package org.opregister.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;

import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditWriter;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.Records;
import org.opregister.core.Role;
import org.opregister.security.PasswordForm.PasswordChange;
import org.opregister.security.UserForm.UserData;

/** Creating accounts, changing their roles and state, and passwords: every change also an audit entry. */
@ApplicationScoped
public class UserService {

    public static final String USERNAME_PATTERN = "[A-Za-z0-9._@-]{2,64}";

    @Inject
    AuditWriter audit;

    @Inject
    CurrentUser currentUser;

    /** Opens an account; {@code errors}: what {@link UserForm#parse} found wrong, reported with a taken name. */
    @Transactional
    public User create(UserData data, FieldErrors errors) {
        if (!errors.has("username") && User.findByUsername(data.username()).isPresent()) {
            errors.add("username", "error.usernameTaken");
        }
        Edits.failIfAny(errors);
        User user = User.create(data.username(), data.displayName(), data.password(), String.join(",", data.roles()));
        user.email = data.email();
        user.enabled = data.enabled();
        return user;
    }

    /**
     * Saves an account; {@code errors}: what {@link UserForm#parse} found wrong, reported together with what an
     * administrator may not do to their own account.
     */
    @Transactional
    public User update(long id, UserData data, FieldErrors errors) {
        return Edits.guarded(() -> {
            User user = Records.require(User.class, id);
            Set<String> roles = data.roles();
            boolean enabled = data.enabled();
            if (user.username.equals(currentUser.username())) {
                if (!enabled) {
                    errors.add("enabled", "error.cannotDisableSelf");
                }
                if (!roles.contains(Role.ADMIN)) {
                    errors.add("roles", "error.cannotDropOwnAdmin");
                }
            }
            Edits.failIfAny(errors);
            Edits.requireVersion(data.version(), user.version);
            Set<String> before = user.roleSet();
            user.displayName = data.displayName();
            user.email = data.email();
            user.enabled = enabled;
            user.roles = String.join(",", roles);
            if (!before.equals(roles)) {
                audit.recordEvent(AuditAction.ROLE_CHANGE, "User", user.id.toString(), user.username,
                        "roles: " + String.join(",", before) + " -> " + String.join(",", roles));
            }
            return user;
        });
    }

    /**
     * A password the administrator chose and therefore knows: every session of the user ends, and the user must
     * choose a new password of their own at the next sign-in.
     */
    @Transactional
    public User resetPassword(long id, String password) {
        User user = Records.require(User.class, id);
        FieldErrors errors = new FieldErrors();
        if (user.directory()) {
            Edits.failIfAny(errors.add("password", "error.passwordInDirectory"));
        }
        PasswordPolicy.check("password", user.username, password, errors);
        Edits.failIfAny(errors);
        user.setPassword(password);
        user.mustChangePassword = true;
        SignInThrottle.clearUser(user.username);
        long ended = UserSession.endAllOf(user.username, null);
        audit.recordEvent(AuditAction.PASSWORD_RESET, "User", user.id.toString(), user.username,
                "sessions ended: " + ended + "; new password required at next sign-in");
        return user;
    }

    /**
     * The signed-in user's own change. Every other session of the user ends (whoever may have learnt the old
     * password is signed out); the session making the change, {@code keptSessionId}, stays open.
     */
    @Transactional
    public void changeOwnPassword(PasswordChange change, String keptSessionId) {
        User user = Records.require(User.findByUsername(currentUser.username()).orElse(null), User.class,
                currentUser.username());
        String current = change.current();
        String password = change.password();
        String confirmation = change.confirmation();
        FieldErrors errors = new FieldErrors();
        if (user.directory()) {
            Edits.failIfAny(errors.add("current", "error.passwordInDirectory"));
        }
        if (current == null || !BcryptUtil.matches(current, user.passwordHash)) {
            errors.add("current", "error.currentPassword");
        }
        PasswordPolicy.check("password", user.username, password, errors);
        if (password != null && password.equals(current)) {
            // Otherwise a password an administrator set (and knows) could simply be confirmed.
            errors.add("password", "error.passwordUnchanged");
        }
        if (password != null && !password.equals(confirmation)) {
            errors.add("confirmation", "error.passwordMismatch");
        }
        Edits.failIfAny(errors);
        user.setPassword(password);
        user.mustChangePassword = false;
        long ended = UserSession.endAllOf(user.username, keptSessionId);
        audit.recordEvent(AuditAction.PASSWORD_CHANGE, "User", user.id.toString(), user.username,
                "other sessions ended: " + ended);
    }

    public User currentAccount() {
        return Records.require(User.findByUsername(currentUser.username()).orElse(null), User.class,
                currentUser.username());
    }

    /** The signed-in user's own language; null follows the browser. Answers the account as stored. */
    @Transactional
    public User changeOwnLanguage(String language) {
        User user = currentAccount();
        if (!java.util.Objects.equals(user.locale, language)) {
            audit.recordEvent(AuditAction.UPDATE, "User", user.id.toString(), user.username,
                    "language: " + (user.locale == null ? "browser" : user.locale) + " -> "
                            + (language == null ? "browser" : language));
            user.locale = language;
        }
        return user;
    }
}
