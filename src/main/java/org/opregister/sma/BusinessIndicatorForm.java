package org.opregister.sma;

import java.math.BigDecimal;

import org.opregister.core.FieldErrors;
import org.opregister.core.FormInput;

/**
 * The business-indicator items of one year as typed in the form or sent to the API (JSON strings or numbers), kept as
 * text so a refused form comes back as entered. The ten items are required; net P&L items may be negative, the
 * others not. {@code version}: blank for a year without inputs, else the one loaded.
 */
public class BusinessIndicatorForm {

    static final BigDecimal MAX = new BigDecimal("9999999999999999.99");
    private static final BigDecimal BELOW_MIN = MAX.negate().subtract(BigDecimal.ONE);

    /** The item fields, in the order of the form and of OPE25.5. */
    public static final String[] ITEMS = {"interestIncome", "interestExpense", "interestEarningAssets",
            "dividendIncome", "feeIncome", "feeExpense", "otherOperatingIncome", "otherOperatingExpense",
            "tradingBookPnl",
            "bankingBookPnl"};

    public String interestIncome;
    public String interestExpense;
    public String interestEarningAssets;
    public String dividendIncome;
    public String feeIncome;
    public String feeExpense;
    public String otherOperatingIncome;
    public String otherOperatingExpense;
    public String tradingBookPnl;
    public String bankingBookPnl;
    public String source;
    public String version;

    /** The typed items, checked. */
    public record Entry(Long version, BigDecimal interestIncome, BigDecimal interestExpense,
            BigDecimal interestEarningAssets, BigDecimal dividendIncome, BigDecimal feeIncome, BigDecimal feeExpense,
            BigDecimal otherOperatingIncome, BigDecimal otherOperatingExpense, BigDecimal tradingBookPnl,
            BigDecimal bankingBookPnl, String source) {
    }

    static BusinessIndicatorForm of(BusinessIndicatorYear row) {
        BusinessIndicatorForm form = new BusinessIndicatorForm();
        form.interestIncome = text(row.interestIncome);
        form.interestExpense = text(row.interestExpense);
        form.interestEarningAssets = text(row.interestEarningAssets);
        form.dividendIncome = text(row.dividendIncome);
        form.feeIncome = text(row.feeIncome);
        form.feeExpense = text(row.feeExpense);
        form.otherOperatingIncome = text(row.otherOperatingIncome);
        form.otherOperatingExpense = text(row.otherOperatingExpense);
        form.tradingBookPnl = text(row.tradingBookPnl);
        form.bankingBookPnl = text(row.bankingBookPnl);
        form.source = row.source;
        form.version = Long.toString(row.version);
        return form;
    }

    public Entry parse(FieldErrors errors) {
        FormInput input = new FormInput(errors);
        Long loaded = FormInput.blank(version) ? null : input.version("version", version);
        return new Entry(loaded, amount(input, "interestIncome", interestIncome),
                amount(input, "interestExpense", interestExpense),
                amount(input, "interestEarningAssets", interestEarningAssets),
                amount(input, "dividendIncome", dividendIncome), amount(input, "feeIncome", feeIncome),
                amount(input, "feeExpense", feeExpense), amount(input, "otherOperatingIncome", otherOperatingIncome),
                amount(input, "otherOperatingExpense", otherOperatingExpense), pnl(input, "tradingBookPnl",
                        tradingBookPnl),
                pnl(input, "bankingBookPnl", bankingBookPnl),
                input.text("source", source, false, BusinessIndicatorYear.SOURCE_MAX));
    }

    /** An amount of income, expense or assets: zero or more. */
    private static BigDecimal amount(FormInput input, String field, String value) {
        BigDecimal number = pnl(input, field, value);
        if (number != null && number.signum() < 0) {
            input.errors().add(field, "sma.error.negative");
            return null;
        }
        return number;
    }

    /** A net P&L: any sign. */
    private static BigDecimal pnl(FormInput input, String field, String value) {
        return input.decimal(field, value, true, 2, BELOW_MIN, MAX);
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
