package org.opregister.sma;

import java.math.BigDecimal;
import java.text.NumberFormat;

import io.quarkus.qute.TemplateExtension;

import org.opregister.core.CurrentLocale;

/** Display of the SMA figures (rounded here only): {@code {sma:amount(x)}}, {@code {sma:decimal(x, 4)}}. */
@TemplateExtension(namespace = "sma")
public class SmaFormat {

    /** An amount with grouping and two decimals, in the user's locale; blank for none. */
    public static String amount(BigDecimal value) {
        return decimal(value, 2);
    }

    /** A number with grouping and exactly {@code digits} decimals. */
    public static String decimal(BigDecimal value, int digits) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(CurrentLocale.current());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    /** A coefficient as a percentage: 0.0225 → 2.25%. */
    public static String percent(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(CurrentLocale.current());
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }
}
