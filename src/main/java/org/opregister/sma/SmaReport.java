package org.opregister.sma;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opregister.core.AppClock;
import org.opregister.core.OpriskConfig;
import org.opregister.incident.AnnualLosses;
import org.opregister.incident.DataSetRule;
import org.opregister.reference.FxRate;
import org.opregister.sma.SmaComputation.AnnualLoss;
import org.opregister.sma.SmaComputation.Boundaries;
import org.opregister.sma.SmaComputation.Result;

/**
 * Gathers what the SMA calculation of a year needs (the inputs of t−2..t, the loss data set of the last ten years,
 * the EUR rate for the boundaries) and runs it. What is missing is named instead of a figure being invented.
 */
@ApplicationScoped
public class SmaReport {

    /** The earliest year accepted. */
    public static final int FIRST_YEAR = 1900;

    @Inject
    OpriskConfig config;

    /** One year's stored inputs, as shown and returned by the API. */
    public record InputView(int year, long version, BigDecimal interestIncome, BigDecimal interestExpense,
            BigDecimal interestEarningAssets, BigDecimal dividendIncome, BigDecimal feeIncome, BigDecimal feeExpense,
            BigDecimal otherOperatingIncome, BigDecimal otherOperatingExpense, BigDecimal tradingBookPnl,
            BigDecimal bankingBookPnl, String currency, String source, String updatedBy, Instant updatedAt) {

        static InputView of(BusinessIndicatorYear r) {
            return new InputView(r.year, r.version, r.interestIncome, r.interestExpense, r.interestEarningAssets,
                    r.dividendIncome, r.feeIncome, r.feeExpense, r.otherOperatingIncome, r.otherOperatingExpense,
                    r.tradingBookPnl, r.bankingBookPnl, r.currency, r.source, r.updatedBy, r.updatedAt);
        }
    }

    /** The EUR rate used for the EUR boundaries: units of the reporting currency per EUR, and its day. */
    public record Rate(BigDecimal rate, LocalDate rateDate, boolean manual) {
    }

    /**
     * A year's report. {@code result} is null when inputs are missing ({@code missingYears}), were entered in another
     * currency ({@code otherCurrencyYears}); its boundary-dependent figures are null when no EUR rate exists
     * ({@code rateMissing}).
     */
    public record Report(int year, String currency, List<InputView> inputs, List<Integer> missingYears,
            List<Integer> otherCurrencyYears, boolean rateMissing, Rate eurRate, BigDecimal lossThreshold,
            String lossThresholdBasis, Integer firstLossYear, Result result) {

        public boolean complete() {
            return result != null;
        }
    }

    /** The last completed financial year. */
    public static int lastCompletedYear() {
        return AppClock.today().getYear() - 1;
    }

    /** The year shown by default: the last completed financial year with inputs, or the last completed year. */
    public int defaultYear() {
        int last = lastCompletedYear();
        return BusinessIndicatorYear.latestUpTo(last).orElse(last);
    }

    /** Whether a year may be reported or entered: from 1900 to the current year. */
    public static boolean acceptable(int year) {
        return year >= FIRST_YEAR && year <= AppClock.today().getYear();
    }

    public DataSetRule dataSetRule() {
        return DataSetRule.configured(config);
    }

    public String reportingCurrency() {
        return config.reportingCurrency();
    }

    public Report report(int year) {
        String currency = config.reportingCurrency();
        List<BusinessIndicatorYear> rows = BusinessIndicatorYear.between(year - 2, year);
        List<Integer> missing = new ArrayList<>();
        for (int y = year - 2; y <= year; y++) {
            int wanted = y;
            if (rows.stream().noneMatch(r -> r.year == wanted)) {
                missing.add(y);
            }
        }
        List<Integer> otherCurrency = rows.stream().filter(r -> !currency.equals(r.currency)).map(r -> r.year)
                .toList();
        Optional<FxRate.Quote> quote = FxRate.on("EUR", currency, LocalDate.of(year, 12, 31));
        Rate rate = quote.map(q -> new Rate(q.rate(), q.source() == null ? null : q.rateDate(), q.manual()))
                .orElse(null);
        DataSetRule rule = dataSetRule();
        Integer firstLossYear = AnnualLosses.firstYear().orElse(null);
        Result result = null;
        if (missing.isEmpty() && otherCurrency.isEmpty()) {
            Map<Integer, AnnualLoss> losses = new HashMap<>();
            for (AnnualLosses.Year y : AnnualLosses.between(rule, year - SmaComputation.LOSS_YEARS + 1, year)) {
                losses.put(y.year(), new AnnualLoss(y.year(), y.events(), y.totals().gross(),
                        y.totals().recoveries(), y.totals().net()));
            }
            result = SmaComputation.compute(new SmaComputation.Input(year,
                    rows.stream().map(BusinessIndicatorYear::items).toList(), losses, firstLossYear,
                    rate == null ? null : Boundaries.at(rate.rate())));
        }
        return new Report(year, currency, rows.stream().map(InputView::of).toList(), List.copyOf(missing),
                otherCurrency, rate == null, rate, rule.threshold(), rule.basis(), firstLossYear, result);
    }
}
