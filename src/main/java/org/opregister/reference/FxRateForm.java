package org.opregister.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/** The add-a-rate form: a manager's rate for one currency and day into a base, with the reason for typing it. */
public class FxRateForm {

    static final BigDecimal MAX_RATE = new BigDecimal("999999999");

    @RestForm
    public String base;
    @RestForm
    public String currency;
    @RestForm
    public String rateDate;
    @RestForm
    public String rate;
    @RestForm
    public String reason;

    /** A typed rate, checked field by field. */
    public record Entry(String base, String currency, LocalDate rateDate, BigDecimal rate, String reason) {
    }

    static FxRateForm blank(String base) {
        FxRateForm form = new FxRateForm();
        form.base = base;
        return form;
    }

    /** The rate typed, with each problem in {@code errors}. */
    public Entry parse(FieldErrors errors) {
        FormInput input = new FormInput(errors);
        String baseCode = currency("base", base, errors);
        String code = currency("currency", currency, errors);
        if (baseCode != null && baseCode.equals(code)) {
            errors.add("currency", "error.fxRateOfBase", baseCode);
        }
        return new Entry(baseCode, code, input.date("rateDate", rateDate, true),
                input.decimal("rate", rate, true, FxRate.SCALE, BigDecimal.ZERO, MAX_RATE),
                input.text("reason", reason, true, FxRate.REASON_MAX));
    }

    /** An active ISO 4217 code, upper-cased. */
    static String currency(String field, String value, FieldErrors errors) {
        String text = FormInput.trimmed(value);
        if (text == null) {
            errors.add(field, "error.required");
            return null;
        }
        String code = text.toUpperCase(Locale.ROOT);
        if (!Currencies.isActive(code)) {
            errors.add(field, Currencies.UNKNOWN_KEY, code.length() > 10 ? code.substring(0, 10) : code);
            return null;
        }
        return code;
    }
}
