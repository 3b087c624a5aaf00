package org.opregister.core;

import java.util.regex.Pattern;

/**
 * What text may be stored: no control characters except tab, line feed and carriage return. Forms and the API
 * refuse such text with a message (web/FormInput); whatever else brings text in (file names, uploads, headers), it
 * is cleaned here as Hibernate writes it, so no stored field ever holds one (PostgreSQL refuses NUL outright; the
 * others are invisible and confuse exports).
 */
public final class StoredText {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\x80-\\x9F]");

    private StoredText() {
    }

    /** Whether the text holds a character that storing would remove: forms refuse it with a message. */
    public static boolean hasControl(String text) {
        return text != null && CONTROL.matcher(text).find();
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F) {
                return CONTROL.matcher(text).replaceAll("");
            }
        }
        return text;
    }

    /** Cleans every text value of an entity's state in place; answers whether any changed. */
    public static boolean clean(Object[] state) {
        boolean changed = false;
        for (int i = 0; i < state.length; i++) {
            if (state[i] instanceof String text) {
                String cleaned = clean(text);
                if (!cleaned.equals(text)) {
                    state[i] = cleaned;
                    changed = true;
                }
            }
        }
        return changed;
    }
}
