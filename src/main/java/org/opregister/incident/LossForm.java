package org.opregister.incident;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jboss.resteasy.reactive.RestForm;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/** A loss-ledger line as typed; amounts in plain notation, the FX rate to the reporting currency. */
public class LossForm {

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.99");
    public static final BigDecimal MAX_FX_RATE = new BigDecimal("1000000");

    @RestForm
    public String type;
    @RestForm
    public String amount;
    @RestForm
    public String currency;
    @RestForm
    public String fxRate;
    @RestForm
    public String accountingDate;
    @RestForm
    public String description;
    @RestForm
    public String version;

    public static LossForm blank(String reportingCurrency, LocalDate today) {
        LossForm form = new LossForm();
        form.type = LossType.GROSS_LOSS.name();
        form.currency = reportingCurrency;
        form.fxRate = "1";
        form.accountingDate = today.toString();
        return form;
    }

    public static LossForm of(LossEntry entry) {
        LossForm form = new LossForm();
        form.type = entry.type.name();
        form.amount = entry.amount.toPlainString();
        form.currency = entry.currency;
        form.fxRate = entry.fxRate.stripTrailingZeros().toPlainString();
        form.accountingDate = entry.accountingDate.toString();
        form.description = entry.description;
        form.version = Long.toString(entry.version);
        return form;
    }

    /** The line typed; every problem goes to {@code errors} (the data is only meaningful when there is none). */
    public LossData parse(FieldErrors errors, String reportingCurrency) {
        FormInput input = new FormInput(errors);
        LossType parsedType = input.choice("type", type, LossType.class, true);
        BigDecimal parsedAmount = input.decimal("amount", amount, true, 2, BigDecimal.ZERO, MAX_AMOUNT);
        String parsedCurrency = input.currency("currency", currency);
        BigDecimal rate;
        if (parsedCurrency != null && parsedCurrency.equals(reportingCurrency)) {
            rate = BigDecimal.ONE;
            if (!FormInput.blank(fxRate)) {
                BigDecimal typed = input.decimal("fxRate", fxRate, false, 8, BigDecimal.ZERO, MAX_FX_RATE);
                if (typed != null && typed.compareTo(BigDecimal.ONE) != 0) {
                    errors.add("fxRate", "error.fxRateSameCurrency", reportingCurrency);
                }
            }
        } else {
            rate = input.decimal("fxRate", fxRate, true, 8, BigDecimal.ZERO, MAX_FX_RATE);
        }
        LocalDate date = input.date("accountingDate", accountingDate, true);
        String text = input.text("description", description, true, LossEntry.DESCRIPTION_MAX);
        Long parsedVersion = FormInput.blank(version) ? null : input.version("version", version);
        return new LossData(parsedType, parsedAmount, parsedCurrency, rate, date, text, parsedVersion);
    }

    /** A valid ledger line (the version: the one the user loaded, for a change). */
    public record LossData(LossType type, BigDecimal amount, String currency, BigDecimal fxRate,
            LocalDate accountingDate,
            String description, Long version) {
    }
}
