package org.opregister.core;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-facing string comes from {@code messages/msg*.properties}; a translation adds a file,
 * never a template change. Missing keys render as {@code ??key??} so they are easy to spot.
 */
public final class Messages {

    private static final String BUNDLE = "messages.msg";

    private Messages() {
    }

    public static String get(Locale locale, String key, Object... args) {
        if (key == null) {
            return "";
        }
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
        } catch (MissingResourceException e) {
            return "??" + key + "??";
        }
        return new MessageFormat(pattern, locale).format(localised(args, locale));
    }

    /** Days and moments in an argument are written as the language writes them (see {@link LocalFormats}). */
    private static Object[] localised(Object[] args, Locale locale) {
        if (args == null) {
            return new Object[0];
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof LocalDate date) {
                out[i] = LocalFormats.date(date, locale);
            } else if (out[i] instanceof Instant instant) {
                out[i] = LocalFormats.instant(instant, locale);
            }
        }
        return out;
    }

    /** The key under which an enum constant's label lives: {@code enum.Severity.HIGH}. */
    public static String enumKey(Enum<?> value) {
        return "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
    }
}
