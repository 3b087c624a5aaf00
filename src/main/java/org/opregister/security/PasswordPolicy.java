package org.opregister.security;

import java.util.Locale;

import org.opregister.web.FieldErrors;

/** Passwords people choose: at least 12 characters, at most 200, and not the username. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    private PasswordPolicy() {
    }

    public static void check(String field, String username, String password, FieldErrors errors) {
        if (password == null || password.isEmpty()) {
            errors.add(field, "error.required");
        } else if (password.length() < MIN_LENGTH) {
            errors.add(field, "error.passwordTooShort", MIN_LENGTH);
        } else if (password.length() > MAX_LENGTH) {
            errors.add(field, "error.tooLong", MAX_LENGTH);
        } else if (username != null && password.strip().toLowerCase(Locale.ROOT).equals(username.strip().toLowerCase(Locale.ROOT))) {
            errors.add(field, "error.passwordIsUsername");
        }
    }
}
