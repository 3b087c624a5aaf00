package org.opregister.seed;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opregister.core.OpriskConfig;
import org.opregister.sma.BusinessIndicatorYear;

/**
 * Business-indicator inputs of the example bank for 2022 to 2025, so the SMA page shows a whole calculation on a fresh
 * install. The figures are FICTIONAL (a mid-size bank with a BI of about EUR 2.3bn), in millions below. A year that
 * already has inputs is left as it is: seeding never overwrites user data.
 */
@ApplicationScoped
public class ExampleBusinessIndicator {

    static final String NAME = "example-business-indicator-v1";
    static final String SOURCE = "Fictional figures of the example bank (demo data), not from any real accounts.";

    /**
     * Per year: interest income, interest expense, interest-earning assets, dividend income, fee and commission
     * income, fee and commission expense, other operating income, other operating expense, net P&L trading book,
     * net P&L banking book (EUR millions).
     */
    private static final Object[][] YEARS = {
            {2022, "2400", "900", "60000", "20", "700", "200", "60", "90", "80", "15"},
            {2023, "3100", "1500", "62000", "22", "720", "210", "55", "95", "-40", "20"},
            {2024, "3300", "1700", "64000", "25", "760", "220", "70", "100", "110", "-10"},
            {2025, "3000", "1450", "65500", "24", "790", "230", "65", "105", "95", "12"}};

    @Inject
    OpriskConfig config;

    public void record() {
        if (!"EUR".equals(config.reportingCurrency())) {
            // The figures are euros; in another reporting currency they would be wrong, so none are entered.
            return;
        }
        for (Object[] year : YEARS) {
            int financialYear = (Integer) year[0];
            if (BusinessIndicatorYear.forYear(financialYear).isPresent()) {
                continue;
            }
            BusinessIndicatorYear row = new BusinessIndicatorYear();
            row.year = financialYear;
            row.interestIncome = millions(year[1]);
            row.interestExpense = millions(year[2]);
            row.interestEarningAssets = millions(year[3]);
            row.dividendIncome = millions(year[4]);
            row.feeIncome = millions(year[5]);
            row.feeExpense = millions(year[6]);
            row.otherOperatingIncome = millions(year[7]);
            row.otherOperatingExpense = millions(year[8]);
            row.tradingBookPnl = millions(year[9]);
            row.bankingBookPnl = millions(year[10]);
            row.currency = config.reportingCurrency();
            row.source = SOURCE;
            row.persist();
        }
    }

    private static BigDecimal millions(Object value) {
        return new BigDecimal((String) value).movePointRight(6).setScale(2);
    }
}
