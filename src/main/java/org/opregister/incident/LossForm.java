package org.opregister.incident;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.ws.rs.core.MultivaluedMap;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/** A loss-ledger line as typed; amounts in plain notation, the FX rate to the reporting currency. */
public class LossForm {

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.99");
    public static final BigDecimal MAX_FX_RATE = new BigDecimal("1000000");

    public String type;
    public String amount;
    public String currency;
    public String fxRate;
    public String accountingDate;
    public String description;
    public String version;

    public static LossForm from(MultivaluedMap<String, String> posted) {
        LossForm form = new LossForm();
        form.type = posted.getFirst("type");
        form.amount = posted.getFirst("amount");
        form.currency = posted.getFirst("currency");
        form.fxRate = posted.getFirst("fxRate");
        form.accountingDate = posted.getFirst("accountingDate");
        form.description = posted.getFirst("description");
        form.version = posted.getFirst("version");
        return form;
    }

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

    public LossData parse(FieldErrors errors, String reportingCurrency) {
        FormInput input = new FormInput(errors);
        LossData data = new LossData();
        data.type = input.choice("type", type, LossType.class, true);
        data.amount = input.decimal("amount", amount, true, 2, BigDecimal.ZERO, MAX_AMOUNT);
        data.currency = input.currency("currency", currency);
        if (data.currency != null && data.currency.equals(reportingCurrency)) {
            data.fxRate = BigDecimal.ONE;
            if (!FormInput.blank(fxRate)) {
                BigDecimal typed = input.decimal("fxRate", fxRate, false, 8, BigDecimal.ZERO, MAX_FX_RATE);
                if (typed != null && typed.compareTo(BigDecimal.ONE) != 0) {
                    errors.add("fxRate", "error.fxRateSameCurrency", reportingCurrency);
                }
            }
        } else {
            data.fxRate = input.decimal("fxRate", fxRate, true, 8, BigDecimal.ZERO, MAX_FX_RATE);
        }
        data.accountingDate = input.date("accountingDate", accountingDate, true);
        data.description = input.text("description", description, true, LossEntry.DESCRIPTION_MAX);
        data.version = FormInput.blank(version) ? null : input.version("version", version);
        return data;
    }

    public static class LossData {
        public LossType type;
        public BigDecimal amount;
        public String currency;
        public BigDecimal fxRate;
        public LocalDate accountingDate;
        public String description;
        public Long version;
    }
}
