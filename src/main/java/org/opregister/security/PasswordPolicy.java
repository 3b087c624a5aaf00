package org.opregister.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.opregister.core.FieldErrors;

/**
 * Passwords people choose: 12 to 200 characters, not only spaces, not one character or a short pattern repeated,
 * not containing the username, and not one of the most common passwords (alone or with digits or symbols added
 * before or after it). The first rule a password breaks is the one reported.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    /** A pattern of up to this many characters, repeated, is refused ("pp4pp4pp4pp4"). */
    static final int MAX_REPEATED_UNIT = 4;
    /** Fewer different characters than this is refused ("aaaaaaaaaaab", "121212121213"). */
    static final int MIN_DISTINCT = 4;
    /** Shorter usernames are only refused as the whole password: "jo" is inside too many good passwords. */
    static final int MIN_USERNAME_INSIDE = 4;
    /** A common password with digits or symbols around it counts when it has at least this many letters. */
    static final int MIN_COMMON_CORE = 4;

    static final String COMMON_PASSWORDS = "security/common-passwords.txt";

    private PasswordPolicy() {
    }

    public static void check(String field, String username, String password, FieldErrors errors) {
        String problem = problem(username, password);
        if (problem != null) {
            errors.add(field, problem, problem.equals("error.tooLong") ? MAX_LENGTH : MIN_LENGTH);
        }
    }

    /** The message key of the first rule the password breaks, or null when it is acceptable. */
    static String problem(String username, String password) {
        if (password == null || password.isEmpty()) {
            return "error.required";
        }
        if (password.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return "error.passwordBlank";
        }
        if (password.length() < MIN_LENGTH) {
            return "error.passwordTooShort";
        }
        if (password.length() > MAX_LENGTH) {
            return "error.tooLong";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && lower.strip().equals(name)) {
            return "error.passwordIsUsername";
        }
        if (name.length() >= MIN_USERNAME_INSIDE && lower.contains(name)) {
            return "error.passwordContainsUsername";
        }
        if (repetitive(lower)) {
            return "error.passwordRepetitive";
        }
        if (common(lower)) {
            return "error.passwordCommon";
        }
        return null;
    }

    /** One unit of up to four characters over and over (the last repeat may be cut short), or hardly any variety. */
    static boolean repetitive(String lower) {
        if (lower.codePoints().distinct().count() < MIN_DISTINCT) {
            return true;
        }
        for (int unit = 1; unit <= MAX_REPEATED_UNIT && unit < lower.length(); unit++) {
            boolean repeats = true;
            for (int i = unit; i < lower.length() && repeats; i++) {
                repeats = lower.charAt(i) == lower.charAt(i - unit);
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /**
     * On the list as typed, or once the digits and symbols before and after the letters are taken off: people
     * make "password" fit the rules as "password1234" or "!password2024", and guessing tools try exactly that.
     */
    static boolean common(String lower) {
        Set<String> list = CommonPasswords.LIST;
        if (list.contains(lower)) {
            return true;
        }
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        String core = lower.substring(start, end);
        return core.length() >= MIN_COMMON_CORE && list.contains(core);
    }

    /** Read once, on first use; the class loader makes that thread-safe (initialisation-on-demand holder). */
    private static final class CommonPasswords {

        static final Set<String> LIST = load();

        private static Set<String> load() {
            Set<String> passwords = new HashSet<>(40_000);
            try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + COMMON_PASSWORDS);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String password = line.strip();
                    if (!password.isEmpty() && !password.startsWith("#")) {
                        passwords.add(password.toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(passwords);
        }
    }

    /** How many passwords the list holds (the README promises at least 10,000). */
    static int commonPasswordCount() {
        return CommonPasswords.LIST.size();
    }
}
