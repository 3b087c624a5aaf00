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
}
