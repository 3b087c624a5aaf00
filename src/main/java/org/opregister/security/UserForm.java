package org.opregister.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.Role;

/** The user administration form as typed. */
public class UserForm {

    @RestForm
    public String username;
    @RestForm
    public String displayName;
    @RestForm
    public String email;
    @RestForm
    public List<String> roles = new ArrayList<>();
    @RestForm
    public String password;
    @RestForm
    public String enabled;
    @RestForm
    public String version;

    public static UserForm blank() {
        UserForm form = new UserForm();
        form.enabled = "true";
        return form;
    }

    public static UserForm of(User user) {
        UserForm form = new UserForm();
        form.username = user.username;
        form.displayName = user.displayName;
        form.email = user.email;
        form.roles = List.copyOf(user.roleSet());
        form.enabled = user.enabled ? "true" : null;
        form.version = Long.toString(user.version);
        return form;
    }

    public boolean hasRole(String role) {
        return roles != null && roles.contains(role);
    }

    public boolean enabledChecked() {
        return "true".equals(enabled) || "on".equals(enabled);
    }

    /**
     * Checks the fields into a {@link UserData}; the problems go to {@code errors} (the data is only meaningful when
     * there is none). A new account ({@code stored} null) gets the user name and the initial password checked; an
     * existing one keeps them, and its form carries the version the administrator loaded (missing: stale).
     */
    public UserData parse(FieldErrors errors, User stored) {
        FormInput input = new FormInput(errors);
        if (stored != null && stored.directory()) {
            // Name, e-mail and roles are the directory's, read again at every sign-in: only the state is set here.
            return new UserData(null, stored.displayName, stored.email, stored.roleSet(), null, enabledChecked(),
                    input.version("version", version));
        }
        String name = null;
        if (stored == null) {
            name = input.text("username", username, true, 64);
            if (name != null && !name.matches(UserService.USERNAME_PATTERN)) {
                errors.add("username", "error.username");
            }
        }
        String parsedDisplayName = input.text("displayName", displayName, true, 200);
        String parsedEmail = email(input, email);
        Set<String> parsedRoles = roles(roles, errors);
        if (stored == null) {
            PasswordPolicy.check("password", name, password, errors);
        }
        Long parsedVersion = stored == null ? null : input.version("version", version);
        return new UserData(name, parsedDisplayName, parsedEmail, parsedRoles, stored == null ? password : null,
                enabledChecked(), parsedVersion);
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

    /**
     * An account as checked: user name and password only for a new account; the version (an existing account's) the
     * one the administrator loaded.
     */
    public record UserData(String username, String displayName, String email, Set<String> roles, String password,
            boolean enabled, Long version) {
    }
}
