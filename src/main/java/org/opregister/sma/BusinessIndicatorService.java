package org.opregister.sma;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.opregister.core.ClusterLock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;
import org.opregister.core.OpriskConfig;

/**
 * Sets the business-indicator inputs of a year (managers). Every change holds the {@link #LOCK}, so two managers
 * entering the same new year at once are taken one after the other: the first creates the row, the second finds it
 * and, having loaded no version of it, gets an edit conflict (409) instead of overwriting it. The table's unique key
 * on the year backs this up.
 */
@ApplicationScoped
public class BusinessIndicatorService {

    public static final String LOCK = "business-indicator";

    @Inject
    OpriskConfig config;

    @Transactional
    public BusinessIndicatorYear save(int year, BusinessIndicatorForm.Entry entry, FieldErrors typed) {
        return Edits.guarded(() -> {
            ClusterLock.hold(LOCK);
            BusinessIndicatorYear row = BusinessIndicatorYear.forYear(year).orElse(null);
            if (row != null) {
                Edits.requireVersion(entry.version(), row.version);
            }
            Edits.failIfAny(typed);
            if (row == null) {
                row = new BusinessIndicatorYear();
                row.year = year;
            }
            row.interestIncome = entry.interestIncome();
            row.interestExpense = entry.interestExpense();
            row.interestEarningAssets = entry.interestEarningAssets();
            row.dividendIncome = entry.dividendIncome();
            row.feeIncome = entry.feeIncome();
            row.feeExpense = entry.feeExpense();
            row.otherOperatingIncome = entry.otherOperatingIncome();
            row.otherOperatingExpense = entry.otherOperatingExpense();
            row.tradingBookPnl = entry.tradingBookPnl();
            row.bankingBookPnl = entry.bankingBookPnl();
            row.currency = config.reportingCurrency();
            row.source = entry.source();
            row.persist();
            return row;
        });
    }
}
