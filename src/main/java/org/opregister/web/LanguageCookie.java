package org.opregister.web;

import jakarta.ws.rs.core.NewCookie;

import org.opregister.core.AppLocale;

/** The browser's memory of a language picked on the sign-in page or saved with the account (a year). */
public final class LanguageCookie {

    private static final int ONE_YEAR = 365 * 24 * 3600;

    private LanguageCookie() {
    }

    /** The cookie for a language code; for null (follow the browser) one that removes it. */
    public static NewCookie of(String language) {
        return new NewCookie.Builder(AppLocale.COOKIE).value(language == null ? "" : language).path("/")
                .maxAge(language == null ? 0 : ONE_YEAR).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
    }
}
