package org.opregister.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

import org.opregister.core.StoredText;

/**
 * Turns the text a user typed into typed values, recording a field error instead of throwing,
 * so that a form can be shown again with everything the user entered.
 */
public final class FormInput {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]*");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,20}([.,]\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2999, 12, 31);

    private final FieldErrors errors;

    public FormInput(FieldErrors errors) {
        this.errors = errors;
    }

    public FieldErrors errors() {
        return errors;
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public static String trimmed(String value) {
        return blank(value) ? null : value.strip();
    }

    /**
     * A reference or username typed into a filter or link, trimmed; null when blank or when it holds control
     * characters (no record is named like that, and some databases refuse such text outright).
     */
    public static String key(String value) {
        String text = trimmed(value);
        return text == null || text.chars().anyMatch(c -> c < 0x20) || StoredText.hasControl(text) ? null : text;
    }

    /** The trimmed value, or null when blank; a blank required field is an error. */
    private String present(String field, String value, boolean required) {
        String text = trimmed(value);
        if (text == null && required) {
            errors.add(field, "error.required");
        }
        return text;
    }

    /**
     * The code of a record in a managed list (a legal entity, a service): required, upper-cased, letters, digits, -
     * and _ only, starting with a letter or digit; null with {@code errorKey} on the field otherwise.
     */
    public String code(String field, String value, int maxLength, String errorKey) {
        String typed = text(field, value, true, maxLength);
        if (typed == null) {
            return null;
        }
        typed = typed.toUpperCase(Locale.ROOT);
        if (!CODE.matcher(typed).matches()) {
            errors.add(field, errorKey);
            return null;
        }
        return typed;
    }

    public String text(String field, String value, boolean required, int maxLength) {
        String text = present(field, value, required);
        if (text == null) {
            return null;
        }
        if (text.length() > maxLength) {
            errors.add(field, "error.tooLong", maxLength);
            return null;
        }
        if (StoredText.hasControl(text)) {
            errors.add(field, "error.controlCharacters");
            return null;
        }
        return text;
    }

    public LocalDate date(String field, String value, boolean required) {
        String text = present(field, value, required);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalFormats.parseDate(text, CurrentLocale.current());
            if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
                errors.add(field, "error.dateOutOfRange", EARLIEST_DATE, LATEST_DATE);
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(field, "error.date");
            return null;
        }
    }

    public <E extends Enum<E>> E choice(String field, String value, Class<E> type, boolean required) {
        String text = present(field, value, required);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            errors.add(field, "error.choice");
            return null;
        }
    }

    /**
     * A decimal within (min, max], '.' or ',' as decimal mark, with the groups of thousands the user's language
     * writes (see {@link LocalFormats#plainDecimal}).
     */
    public BigDecimal decimal(String field, String value, boolean required, int scale, BigDecimal exclusiveMin,
            BigDecimal max) {
        String typed = present(field, value, required);
        if (typed == null) {
            return null;
        }
        String text = LocalFormats.plainDecimal(typed, CurrentLocale.current());
        if (!DECIMAL.matcher(text).matches()) {
            errors.add(field, "error.number");
            return null;
        }
        BigDecimal number = new BigDecimal(text.replace(',', '.'));
        if (number.stripTrailingZeros().scale() > scale) {
            errors.add(field, "error.scale", scale);
            return null;
        }
        if (number.compareTo(exclusiveMin) <= 0) {
            errors.add(field, "error.mustBeAbove", exclusiveMin.toPlainString());
            return null;
        }
        if (number.compareTo(max) > 0) {
            errors.add(field, "error.mustBeAtMost", max.toPlainString());
            return null;
        }
        return number.setScale(Math.max(number.scale(), 0));
    }

    /** A whole number from min to max (a rating on a scale). */
    public Integer whole(String field, String value, boolean required, int min, int max) {
        String text = present(field, value, required);
        if (text == null) {
            return null;
        }
        if (!INTEGER.matcher(text).matches()) {
            errors.add(field, "error.wholeNumber");
            return null;
        }
        int number = Integer.parseInt(text);
        if (number < min || number > max) {
            errors.add(field, "error.between", min, max);
            return null;
        }
        return number;
    }

    public String currency(String field, String value) {
        String text = present(field, value, true);
        if (text == null) {
            return null;
        }
        String code = text.toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(code).matches()) {
            errors.add(field, "error.currency");
            return null;
        }
        try {
            Currency.getInstance(code);
            return code;
        } catch (IllegalArgumentException e) {
            errors.add(field, "error.currency");
            return null;
        }
    }

    /** A record id as typed (1 to 18 digits), or null when it is not one. */
    public static Long id(String value) {
        String text = trimmed(value);
        return text != null && ID.matcher(text).matches() ? Long.valueOf(text) : null;
    }

    public long version(String field, String value) {
        Long version = id(value);
        if (version == null) {
            errors.add(FieldErrors.FORM, "error.staleForm");
            return -1;
        }
        return version;
    }
}
