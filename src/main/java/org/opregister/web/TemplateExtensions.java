package org.opregister.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.qute.TemplateExtension;

import org.opregister.core.CurrentLocale;
import org.opregister.core.LocalFormats;
import org.opregister.core.Messages;

/** Formatting and translation helpers for templates: {@code {m:t('key')}}, {@code {m:label(status)}}. */
@TemplateExtension(namespace = "m")
public class TemplateExtensions {

    public static String t(String key, Object... args) {
        return Messages.get(CurrentLocale.current(), key, args);
    }

    /** A colon after a label, as the language writes it (French puts a non-breaking space before it). */
    public static String colon() {
        return Messages.get(CurrentLocale.current(), "punct.colon");
    }

    /** Translates the key made of a prefix and a value: {@code m:tk('role.', role)}. */
    public static String tk(String prefix, Object value) {
        return Messages.get(CurrentLocale.current(), prefix + value);
    }

    public static String label(Enum<?> value) {
        return value == null ? "" : Messages.get(CurrentLocale.current(), Messages.enumKey(value));
    }

    /** A CSS class fragment for an enum constant: UNDER_REVIEW becomes under-review. */
    public static String css(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Amount with grouping and two decimals in the user's locale, followed by the currency code. */
    public static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(CurrentLocale.current());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount) + " " + currency;
    }

    public static String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(CurrentLocale.current());
        format.setMaximumFractionDigits(8);
        return format.format(value);
    }

    public static String today() {
        return org.opregister.core.AppClock.today().toString();
    }

    /** A day as the user's language writes it (2024-07-19, in French 19/07/2024); date inputs keep ISO. */
    public static String date(LocalDate date) {
        return LocalFormats.date(date, CurrentLocale.current());
    }

    public static String instant(Instant instant) {
        return LocalFormats.instant(instant, CurrentLocale.current());
    }
}
