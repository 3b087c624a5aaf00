package org.opregister.kri;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/** One KRI value as typed: the period (2024-07 or 2024-Q3), the value and a comment. */
public class ValueForm {

    public String period;
    public String value;
    public String comment;
    public String version;

    /**
     * An empty form for the period to record next: the oldest ended period without a value, else the last ended one.
     */
    public static ValueForm blank(Kri kri, LocalDate today) {
        ValueForm form = new ValueForm();
        LocalDate next = ValuesDue.of(kri, today, ValuesDue.configuredDueDays()).next();
        form.period = kri.periodLabel(next != null ? next : kri.frequency.previous(kri.frequency.periodOf(today)));
        return form;
    }

    public static ValueForm of(KriValue value) {
        ValueForm form = new ValueForm();
        form.period = value.period();
        form.value = value.value.stripTrailingZeros().toPlainString();
        form.comment = value.comment;
        form.version = Long.toString(value.version);
        return form;
    }

    /** A value as checked (fields {@code null} where the text was bad); the version: the one the user loaded. */
    public record Reading(LocalDate periodStart, BigDecimal value, String comment, Long version) {
    }

    /**
     * The value typed for the KRI (its frequency reads the period); the problems go to {@code errors} (the reading is
     * only meaningful when there is none).
     */
    public Reading parse(Kri kri, FieldErrors errors, LocalDate today) {
        FormInput input = new FormInput(errors);
        LocalDate start = KriForm.period(input, "period", period, kri.frequency, true);
        if (start != null && start.isAfter(kri.frequency.periodOf(today))) {
            errors.add("period", "error.periodInFuture");
        }
        BigDecimal number = input.decimal("value", value, true, KriForm.SCALE, KriForm.MIN, KriForm.MAX);
        String text = input.text("comment", comment, false, KriValue.COMMENT_MAX);
        return new Reading(start, number, text, FormInput.id(version));
    }
}
