package org.opregister.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How dates and numbers are written for people in each language, and read back from what they type. English keeps
 * ISO dates (2024-07-19); French writes 19/07/2024 and 641 500,00. Input in the user's language is accepted as well
 * as ISO and plain decimals, so a pasted ISO value or an API client never breaks. Exports keep ISO and codes.
 */
public final class LocalFormats {

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter FRENCH_DATE_INPUT = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Spaces a user or a French number format puts between groups of thousands. */
    private static final String SPACES = " \u00A0\u202F";
    private static final Pattern SPACE_GROUPED = Pattern.compile("[+-]?\\d{1,3}([" + SPACES + "]\\d{3})+([.,]\\d+)?");
    private static final Pattern COMMA_GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private LocalFormats() {
    }

    private static boolean french(Locale locale) {
        return "fr".equals(locale.getLanguage());
    }

    public static String date(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        return french(locale) ? FRENCH_DATE.format(date) : ISO_DATE.format(date);
    }

    /** A moment in UTC, to the minute: {@code 2024-07-19 04:09 UTC}, in French {@code 19/07/2024 04:09 UTC}. */
    public static String instant(Instant instant, Locale locale) {
        return instant(instant, locale, "HH:mm");
    }

    /** The same to the second, for the audit trail: {@code 19/07/2024 04:09:12 UTC}. */
    public static String instantToTheSecond(Instant instant, Locale locale) {
        return instant(instant, locale, "HH:mm:ss");
    }

    private static String instant(Instant instant, Locale locale, String time) {
        if (instant == null) {
            return "";
        }
        var utc = instant.atOffset(ZoneOffset.UTC);
        return date(utc.toLocalDate(), locale) + " " + DateTimeFormatter.ofPattern(time).format(utc) + " UTC";
    }

    /** A moment in a given zone, to the minute, with the zone's short name (CEST) when asked. */
    public static String zoned(ZonedDateTime time, Locale locale, boolean withZone) {
        if (time == null) {
            return "";
        }
        return date(time.toLocalDate(), locale) + " " + DateTimeFormatter.ofPattern("HH:mm").format(time)
                + (withZone ? " " + DateTimeFormatter.ofPattern("z", Locale.ENGLISH).format(time) : "");
    }

    /** A day typed in ISO, or in French as 19/07/2024; throws {@link DateTimeParseException} otherwise. */
    public static LocalDate parseDate(String text, Locale locale) {
        if (french(locale) && text.indexOf('/') > 0) {
            return LocalDate.parse(text, FRENCH_DATE_INPUT);
        }
        return LocalDate.parse(text, ISO_DATE);
    }

    /**
     * A typed decimal in plain notation ({@code 641500.00}, {@code 641500,00}): the groups of thousands a user
     * types in their language are taken out first ({@code 641 500,00}; in English {@code 641,500.00}). A lone comma
     * stays a decimal mark ({@code 1,5}) unless, in English, it separates groups of exactly three digits.
     */
    public static String plainDecimal(String text, Locale locale) {
        if (SPACE_GROUPED.matcher(text).matches()) {
            return text.replaceAll("[" + SPACES + "]", "");
        }
        if (!french(locale) && COMMA_GROUPED.matcher(text).matches()) {
            return text.replace(",", "");
        }
        return text;
    }
}
