package org.opregister.core;

import java.text.MessageFormat;
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
        return new MessageFormat(pattern, locale).format(args == null ? new Object[0] : args);
    }

    /** The key under which an enum constant's label lives: {@code enum.Severity.HIGH}. */
    public static String enumKey(Enum<?> value) {
        return "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
    }
}
