package org.opregister.web;

import java.util.Locale;

/** Free-text search in JPQL: the user's text matched literally, '%' and '_' included. */
public final class LikePattern {

    /** Append after each {@code like :param}: backslash escapes the wildcards in the pattern. */
    public static final String ESCAPE = " escape '\\'";

    private LikePattern() {
    }

    /** A lower-case pattern that finds the text anywhere. */
    public static String contains(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
