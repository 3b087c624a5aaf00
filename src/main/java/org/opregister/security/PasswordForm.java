package org.opregister.security;

import org.jboss.resteasy.reactive.RestForm;

/**
 * A password as posted: an administrator's reset (only {@code password}) or a user's own change (the current one,
 * the new one and its confirmation). Kept as typed: {@link UserService} checks it against the stored hash and the
 * policy, and it is never shown back.
 */
public class PasswordForm {

    @RestForm
    public String current;
    @RestForm
    public String password;
    @RestForm
    public String confirmation;

    /**
     * The user's own change as a command: nothing in it can be checked without the stored account (the current
     * password against its hash, the policy against its name), so it carries the text as typed.
     */
    public PasswordChange parse() {
        return new PasswordChange(current, password, confirmation);
    }

    /** A user's own password change as typed: the current password, the new one and its confirmation. */
    public record PasswordChange(String current, String password, String confirmation) {
    }
}
