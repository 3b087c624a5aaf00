package org.opregister.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;

import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditWriter;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.Records;
import org.opregister.core.Role;

/** Creating accounts, changing their roles and state, and passwords: every change also an audit entry. */
@ApplicationScoped
public class UserService {

    public static final String USERNAME_PATTERN = "[A-Za-z0-9._@-]{2,64}";

    @Inject
    AuditWriter audit;

    @Inject
    CurrentUser currentUser;

    @Transactional
    public User create(UserForm form) {
        FieldErrors errors = new FieldErrors();
        FormInput input = new FormInput(errors);
        String username = input.text("username", form.username, true, 64);
        if (username != null && !username.matches(USERNAME_PATTERN)) {
            errors.add("username", "error.username");
        } else if (username != null && User.findByUsername(username).isPresent()) {
            errors.add("username", "error.usernameTaken");
        }
        String displayName = input.text("displayName", form.displayName, true, 200);
        String email = email(input, form.email);
        Set<String> roles = roles(form.roles, errors);
        PasswordPolicy.check("password", username, form.password, errors);
        Edits.failIfAny(errors);
        User user = User.create(username, displayName, form.password, String.join(",", roles));
        user.email = email;
        user.enabled = form.enabledChecked();
        return user;
    }

    @Transactional
    public User update(long id, UserForm form) {
        return Edits.guarded(() -> {
            User user = Records.require(User.class, id);
            FieldErrors errors = new FieldErrors();
            FormInput input = new FormInput(errors);
            String displayName = input.text("displayName", form.displayName, true, 200);
            String email = email(input, form.email);
            Set<String> roles = roles(form.roles, errors);
            boolean enabled = form.enabledChecked();
            if (user.username.equals(currentUser.username())) {
                if (!enabled) {
                    errors.add("enabled", "error.cannotDisableSelf");
                }
                if (!roles.contains(Role.ADMIN)) {
                    errors.add("roles", "error.cannotDropOwnAdmin");
                }
            }
            long version = input.version("version", form.version);
            Edits.failIfAny(errors);
            Edits.requireVersion(version, user.version);
            Set<String> before = user.roleSet();
            user.displayName = displayName;
            user.email = email;
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
    public void changeOwnPassword(PasswordForm change, String keptSessionId) {
        User user = Records.require(User.findByUsername(currentUser.username()).orElse(null), User.class,
                currentUser.username());
        String current = change.current;
        String password = change.password;
        String confirmation = change.confirmation;
        FieldErrors errors = new FieldErrors();
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

    private static Set<String> roles(List<String> chosen, FieldErrors errors) {
        Set<String> roles = new TreeSet<>();
        for (String role : chosen == null ? List.<String>of() : chosen) {
            if (Arrays.asList(Role.ALL).contains(role)) {
                roles.add(role);
            } else if (!FormInput.blank(role)) {
                errors.add("roles", "error.choice");
            }
        }
        if (roles.isEmpty()) {
            errors.add("roles", "error.rolesRequired");
        }
        return roles;
    }

    /** An e-mail address for reminders: optional, one address, no spaces or display names. */
    private static String email(FormInput input, String value) {
        String email = input.text("email", value, false, User.EMAIL_MAX);
        if (email != null && !email.matches("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+")) {
            input.errors().add("email", "error.email");
            return null;
        }
        return email;
    }
}
