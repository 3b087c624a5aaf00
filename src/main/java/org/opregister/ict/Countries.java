package org.opregister.ict;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes (the list Java ships), as the register of information asks for them. */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    /** Whether the code (upper case) is an ISO 3166-1 alpha-2 code. */
    public static boolean isValid(String code) {
        return code != null && CODES.contains(code);
    }
}
