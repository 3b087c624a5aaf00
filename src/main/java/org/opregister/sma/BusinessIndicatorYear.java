package org.opregister.sma;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.core.TrackedEntity;

/**
 * The business-indicator items of one financial year (BIS OPE25.5 and OPE10; CRR3 Art. 314), at the consolidated
 * level, in the reporting currency ({@link #currency} records which). One row per year; managers keep them.
 */
@Entity
@Table(name = "business_indicator_year")
public class BusinessIndicatorYear extends TrackedEntity implements AuditSubject {

    public static final int SOURCE_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "business_indicator_year_seq")
    @SequenceGenerator(name = "business_indicator_year_seq", sequenceName = "business_indicator_year_seq", allocationSize = 50)
    public Long id;

    @Column(name = "financial_year", nullable = false, updatable = false)
    public int year;

    @Column(name = "interest_income", nullable = false, precision = 19, scale = 2)
    public BigDecimal interestIncome;

    @Column(name = "interest_expense", nullable = false, precision = 19, scale = 2)
    public BigDecimal interestExpense;

    @Column(name = "interest_earning_assets", nullable = false, precision = 19, scale = 2)
    public BigDecimal interestEarningAssets;

    @Column(name = "dividend_income", nullable = false, precision = 19, scale = 2)
    public BigDecimal dividendIncome;

    @Column(name = "fee_income", nullable = false, precision = 19, scale = 2)
    public BigDecimal feeIncome;

    @Column(name = "fee_expense", nullable = false, precision = 19, scale = 2)
    public BigDecimal feeExpense;

    @Column(name = "other_operating_income", nullable = false, precision = 19, scale = 2)
    public BigDecimal otherOperatingIncome;

    @Column(name = "other_operating_expense", nullable = false, precision = 19, scale = 2)
    public BigDecimal otherOperatingExpense;

    /** Net P&L of the trading book; may be negative. */
    @Column(name = "trading_book_pnl", nullable = false, precision = 19, scale = 2)
    public BigDecimal tradingBookPnl;

    /** Net P&L of the banking book; may be negative. */
    @Column(name = "banking_book_pnl", nullable = false, precision = 19, scale = 2)
    public BigDecimal bankingBookPnl;

    /** The reporting currency the figures were entered in. */
    @Column(nullable = false, length = 3)
    public String currency;

    /** Where the figures come from (e.g. the audited accounts, FINREP), and any comment. */
    @Column(length = SOURCE_MAX)
    public String source;

    @Override
    public String auditLabel() {
        return "BI " + year;
    }

    @Override
    public String auditPath() {
        return "/reports/sma/inputs/" + year;
    }

    /** The items as the computation reads them. */
    public SmaComputation.Items items() {
        return new SmaComputation.Items(year, interestIncome, interestExpense, interestEarningAssets, dividendIncome,
                feeIncome, feeExpense, otherOperatingIncome, otherOperatingExpense, tradingBookPnl, bankingBookPnl);
    }

    public static Optional<BusinessIndicatorYear> forYear(int year) {
        return find("year", year).firstResultOptional();
    }

    /** The rows of the years from {@code first} to {@code last}, oldest first. */
    public static List<BusinessIndicatorYear> between(int first, int last) {
        return list("year between ?1 and ?2 order by year", first, last);
    }

    /** The latest year with inputs up to {@code last}, if any. */
    public static Optional<Integer> latestUpTo(int last) {
        return find("year <= ?1 order by year desc", last).<BusinessIndicatorYear>firstResultOptional()
                .map(row -> row.year);
    }

    /** Every year with inputs, newest first. */
    public static List<Integer> years() {
        return BusinessIndicatorYear.<BusinessIndicatorYear>list("order by year desc").stream().map(r -> r.year)
                .toList();
    }
}
