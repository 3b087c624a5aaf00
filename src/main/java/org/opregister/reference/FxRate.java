package org.opregister.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opregister.audit.AuditSubject;
import org.opregister.core.TrackedEntity;
import org.opregister.web.PageRequest;
import org.opregister.web.PageResult;
import org.opregister.web.Where;

/**
 * The rate of one currency on one day into a base currency: {@link #rate} units of {@link #baseCurrency} per one
 * unit of {@link #currency}. The base is the reporting currency the rate converts into (rates for another base are
 * kept for a change of reporting currency, see {@link ReportingCurrencyCheck}). One row per base, currency and day.
 */
@Entity
@Table(name = "fx_rate")
public class FxRate extends TrackedEntity implements AuditSubject {

    public static final int SCALE = 10;
    public static final int REASON_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fx_rate_seq")
    @SequenceGenerator(name = "fx_rate_seq", sequenceName = "fx_rate_seq", allocationSize = 50)
    public Long id;

    @Column(name = "base_currency", nullable = false, updatable = false, length = 3)
    public String baseCurrency;

    @Column(nullable = false, updatable = false, length = 3)
    public String currency;

    @Column(name = "rate_date", nullable = false, updatable = false)
    public LocalDate rateDate;

    /** Units of the base currency per one unit of the currency; above zero. */
    @Column(nullable = false, precision = 19, scale = SCALE)
    public BigDecimal rate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public FxSource source;

    /** Why a manager typed the rate (required for {@link FxSource#MANUAL}). */
    @Column(length = REASON_MAX)
    public String reason;

    /**
     * A rate looked up for a conversion: the rate of {@code currency} into {@code base} that applies on a day, the
     * day it was set for ({@code rateDate}, at or before the day asked) and where it came from. A currency into
     * itself is exactly 1, with no stored row ({@code source} null).
     */
    public record Quote(String currency, String base, LocalDate rateDate, BigDecimal rate, FxSource source) {

        /** Whether the rate was typed by hand (a line using it shows it as such). */
        public boolean manual() {
            return source == FxSource.MANUAL;
        }
    }

    @Override
    public String auditLabel() {
        return currency + "/" + baseCurrency + " " + rateDate;
    }

    @Override
    public String auditPath() {
        return "/fx-rates?currency=" + currency + "&base=" + baseCurrency + "&from=" + rateDate + "&to=" + rateDate;
    }

    /** The quote this row gives. */
    public Quote quote() {
        return new Quote(currency, baseCurrency, rateDate, rate, source);
    }

    /**
     * The rate of {@code currency} into {@code base} on {@code date}: the latest stored rate at or before that day
     * (exactly 1 when both are the same currency); empty when the table has none. Never a silent 1.
     */
    public static Optional<Quote> on(String currency, String base, LocalDate date) {
        if (currency.equals(base)) {
            return Optional.of(new Quote(currency, base, date, BigDecimal.ONE, null));
        }
        return FxRate.<FxRate>find("baseCurrency = ?1 and currency = ?2 and rateDate <= ?3 order by rateDate desc",
                base, currency, date).firstResultOptional().map(FxRate::quote);
    }

    /** The stored row for exactly that base, currency and day, if any. */
    static Optional<FxRate> at(String base, String currency, LocalDate date) {
        return find("baseCurrency = ?1 and currency = ?2 and rateDate = ?3", base, currency, date)
                .firstResultOptional();
    }

    static PageResult<FxRate> search(FxRateFilter filter, PageRequest page) {
        Where where = filter.where();
        return PageResult.of(find(where.clause() + " order by rateDate desc, baseCurrency, currency",
                where.parameters()), page);
    }

    static Stream<FxRate> streamForExport(FxRateFilter filter) {
        Where where = filter.where();
        return stream(where.clause() + " order by baseCurrency, currency, rateDate", where.parameters());
    }
}
