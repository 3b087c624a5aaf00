package org.opregister.core;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The locales the message bundles cover, the configured default, and how a request's locale is chosen: the signed-in
 * user's own choice, else the language picked on the sign-in page (a cookie), else the browser's Accept-Language,
 * else {@code OPRISK_LOCALE}.
 */
public final class AppLocale {

    private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);
    /** The supported locales whose bundle is on the class path, found once (the choice is made on every request). */
    private static final List<Locale> AVAILABLE = SUPPORTED.stream().filter(AppLocale::hasBundle).toList();
    public static final Locale DEFAULT = supported(
            ConfigProvider.getConfig().getOptionalValue("oprisk.locale", String.class).orElse("en"))
            .orElse(Locale.ENGLISH);

    /** The identity attribute that carries the user's chosen language ("" when they follow the browser). */
    public static final String IDENTITY_ATTRIBUTE = "oprisk.locale";

    /** The cookie that keeps the language picked on the sign-in page, or saved with the account. */
    public static final String COOKIE = "oprisk_lang";

    private AppLocale() {
    }

    /** The supported locale of a language tag ({@code fr}, {@code fr-BE}), if there is one. */
    public static Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        return AVAILABLE.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    public static Locale pick(List<Locale> acceptable) {
        for (Locale wanted : acceptable) {
            Optional<Locale> found = supported(wanted.toLanguageTag());
            if (found.isPresent()) {
                return found.get();
            }
        }
        return DEFAULT;
    }

    /** The request's locale: the user's choice, then the cookie, then the browser's languages, then the default. */
    public static Locale resolve(String userChoice, String cookie, List<Locale> acceptable) {
        return supported(userChoice).or(() -> supported(cookie)).orElseGet(() -> pick(acceptable));
    }

    private static boolean hasBundle(Locale locale) {
        return locale.getLanguage().equals("en")
                || AppLocale.class.getClassLoader()
                        .getResource("messages/msg_" + locale.getLanguage() + ".properties") != null;
    }
}
