package org.opregister.corep;

import java.math.BigDecimal;

import io.quarkus.qute.TemplateExtension;

/** Template helpers of the C 17 pages. */
@TemplateExtension
final class C17TemplateExtensions {

    private C17TemplateExtensions() {
    }

    /** A figure of that row as shown: a count as a whole number, an amount with two decimals. */
    static String display(C17Codes.Row row, BigDecimal value) {
        return C17Grid.format(row, value);
    }
}
