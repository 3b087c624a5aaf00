package org.opregister.incident;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.taxonomy.BusinessLine;

/**
 * A loss-ledger line as typed; amounts in plain notation. The FX rate is left blank to take the rate table's; a rate
 * typed by hand needs a reason. Also the JSON body of the ledger API, hence plain fields (pages bind it with
 * {@code web.PostedForm}).
 */
public class LossForm {

    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.99");
    public static final BigDecimal MAX_FX_RATE = new BigDecimal("1000000");

    public String type;
    public String recoveryStatus;
    public String amount;
    public String currency;
    public String fxRate;
    public String fxReason;
    public String accountingDate;
    public String businessLine;
    public String description;
    public String version;

    public static LossForm blank(String reportingCurrency, LocalDate today) {
        LossForm form = new LossForm();
        form.type = LossType.DIRECT_CHARGE.name();
        form.currency = reportingCurrency;
        form.accountingDate = today.toString();
        return form;
    }

    public static LossForm of(LossEntry entry) {
        LossForm form = new LossForm();
        form.type = entry.type.name();
        form.recoveryStatus = entry.recoveryStatus == null ? null : entry.recoveryStatus.name();
        form.amount = entry.amount.toPlainString();
        form.currency = entry.currency;
        form.fxRate = entry.fxSource == RateSource.MANUAL ? entry.fxRate.stripTrailingZeros().toPlainString() : null;
        form.fxReason = entry.fxReason;
        form.accountingDate = entry.accountingDate.toString();
        form.businessLine = entry.businessLine.name();
        form.description = entry.description;
        form.version = Long.toString(entry.version);
        return form;
    }

    /** The line typed; every problem goes to {@code errors} (the data is only meaningful when there is none). */
    public LossData parse(FieldErrors errors) {
        FormInput input = new FormInput(errors);
        LossType parsedType = input.choice("type", type, LossType.class, true);
        RecoveryStatus status = input.choice("recoveryStatus", recoveryStatus, RecoveryStatus.class,
                parsedType != null && parsedType.isRecovery());
        BigDecimal parsedAmount = input.decimal("amount", amount, true, 2, BigDecimal.ZERO, MAX_AMOUNT);
        String parsedCurrency = input.currency("currency", currency);
        BigDecimal rate = input.decimal("fxRate", fxRate, false, 10, BigDecimal.ZERO, MAX_FX_RATE);
        String reason = input.text("fxReason", fxReason, false, LossEntry.FX_REASON_MAX);
        LocalDate date = input.date("accountingDate", accountingDate, true);
        BusinessLine line = input.choice("businessLine", businessLine, BusinessLine.class, false);
        String text = input.text("description", description, true, LossEntry.DESCRIPTION_MAX);
        Long parsedVersion = FormInput.blank(version) ? null : input.version("version", version);
        return new LossData(parsedType, status, parsedAmount, parsedCurrency, rate, reason, date, line, text,
                parsedVersion);
    }

    /** A valid ledger line (the version: the one the user loaded, for a change). */
    public record LossData(LossType type, RecoveryStatus recoveryStatus, BigDecimal amount, String currency,
            BigDecimal fxRate, String fxReason, LocalDate accountingDate, BusinessLine businessLine,
            String description, Long version) {
    }
}
