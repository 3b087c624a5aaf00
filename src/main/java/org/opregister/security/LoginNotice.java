package org.opregister.security;

import java.util.Set;

import io.vertx.core.http.Cookie;

/** What the sign-in page says when a sign-in was refused for another reason than a wrong password. */
public final class LoginNotice {

    public static final String LOCKED = "locked";
    public static final String NO_ROLE = "no-role";
    public static final String LOCAL_OFF = "local-off";
    public static final String UNAVAILABLE = "unavailable";
    /** The OpenID Connect provider did not sign the user in, or its answer was refused here. */
    public static final String PROVIDER_FAILED = "provider-failed";

    private static final Set<String> ALL = Set.of(LOCKED, NO_ROLE, LOCAL_OFF, UNAVAILABLE, PROVIDER_FAILED);

    private LoginNotice() {
    }

    /** The notice for an outcome; null for a success or a plain failure. */
    static String of(Accounts.Outcome outcome) {
        return switch (outcome) {
            case LOCKED, REFUSED -> LOCKED;
            case NO_ROLE -> NO_ROLE;
            case LOCAL_OFF -> LOCAL_OFF;
            case UNAVAILABLE -> UNAVAILABLE;
            case SUCCESS, FAILED -> null;
        };
    }

    /** The short-lived cookie that carries the notice to the sign-in page. */
    static Cookie cookie(String notice) {
        return Cookie.cookie(PasswordIdentityProvider.NOTICE, notice).setPath("/login")
                .setMaxAge(120).setHttpOnly(true);
    }

    /** A notice the page knows, from the cookie; anything else is no notice. */
    public static String known(String cookie) {
        return cookie != null && ALL.contains(cookie) ? cookie : null;
    }
}
