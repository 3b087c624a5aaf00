package org.opregister.core;

import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.config.ConfigProvider;

/** The locales the message bundles cover, and the configured default. */
public final class AppLocale {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);
    public static final Locale DEFAULT = Locale.forLanguageTag(
            ConfigProvider.getConfig().getOptionalValue("oprisk.locale", String.class).orElse("en"));

    private AppLocale() {
    }

    public static Locale pick(List<Locale> acceptable) {
        for (Locale wanted : acceptable) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(wanted.getLanguage()) && hasBundle(supported)) {
                    return supported;
                }
            }
        }
        return DEFAULT;
    }

    private static boolean hasBundle(Locale locale) {
        return locale.getLanguage().equals("en")
                || AppLocale.class.getClassLoader()
                        .getResource("messages/msg_" + locale.getLanguage() + ".properties") != null;
    }
}
