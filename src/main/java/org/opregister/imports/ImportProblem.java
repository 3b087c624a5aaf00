package org.opregister.imports;

import java.util.List;
import java.util.Locale;

import org.opregister.core.Messages;

/**
 * A bad cell: the file it is in ({@code incidents} or {@code losses}), its line (the header is line 1), its column
 * (empty for the whole row or file), and the reason as a message key with its arguments, shown in the reader's
 * language.
 */
public record ImportProblem(String file, long line, String column, String key, List<String> args) {

    public String message(Locale locale) {
        return Messages.get(locale, key, args.toArray());
    }
}
