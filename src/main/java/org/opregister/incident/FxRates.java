package org.opregister.incident;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;
import org.opregister.core.OpriskConfig;
import org.opregister.reference.Currencies;
import org.opregister.reference.FxRate;

/**
 * The rate a ledger line is converted with: 1 in the reporting currency; otherwise the rate table's rate at the
 * line's accounting date (the latest on or before it), or a rate typed by the user with a reason. Never a silent 1.
 */
@ApplicationScoped
public class FxRates {

    /** The rate used and where it came from; stored on the line. */
    public record Rate(BigDecimal rate, RateSource source) {
    }

    @Inject
    OpriskConfig config;

    /** The rate for a line, or null with the problem in {@code errors}. */
    public Rate rateFor(String currency, LocalDate accountingDate, BigDecimal typed, String reason,
            FieldErrors errors) {
        if (!Currencies.isActive(currency)) {
            errors.add("currency", Currencies.UNKNOWN_KEY, currency);
            return null;
        }
        String reporting = config.reportingCurrency();
        if (currency.equals(reporting)) {
            if (typed != null && typed.compareTo(BigDecimal.ONE) != 0) {
                errors.add("fxRate", "error.fxRateSameCurrency", reporting);
            }
            return new Rate(BigDecimal.ONE, RateSource.SAME_CURRENCY);
        }
        if (typed != null) {
            if (FormInput.blank(reason)) {
                errors.add("fxReason", "error.fxReasonRequired");
            }
            return new Rate(typed, RateSource.MANUAL);
        }
        return FxRate.on(currency, reporting, accountingDate)
                .map(found -> new Rate(found.rate(), RateSource.RATE_TABLE))
                .orElseGet(() -> {
                    errors.add("fxRate", "error.fxRateMissing", currency, reporting, accountingDate);
                    return null;
                });
    }
}
