package org.opregister.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.opregister.audit.AuditAction;
import org.opregister.audit.AuditWriter;
import org.opregister.core.AppClock;
import org.opregister.core.ClusterLock;
import org.opregister.core.StampListener;

/**
 * The loss ledger against the configured reporting currency: which currencies its lines are in, and their
 * conversion into a new one with the rate table. Reads and writes {@code loss_entry} with SQL (the ledger belongs
 * to {@code incident}, above this package); incident re-sums its totals on {@link LedgerConverted}.
 */
@ApplicationScoped
public class LedgerConversion {

    /** The named lock of a conversion: two instances never convert at once. */
    public static final String LOCK = "ledger-conversion";
    /** How many missing (currency, date) pairs a refusal lists. */
    static final int LISTED = 20;
    /** Scale of {@code loss_entry.fx_rate}. */
    static final int LINE_RATE_SCALE = 10;

    @Inject
    EntityManager em;

    @Inject
    AuditWriter audit;

    @Inject
    Event<LedgerConverted> converted;

    /** A (currency, day) a line needs a rate for and the table has none. */
    public record Missing(String currency, LocalDate date) {

        @Override
        public String toString() {
            return currency + " " + date;
        }
    }

    /** A conversion that could not be made: nothing changed. */
    public static class MissingRatesException extends RuntimeException {

        private final transient List<Missing> missing;
        private final int count;

        MissingRatesException(String to, List<Missing> missing, int count) {
            super("Cannot convert the loss ledger to " + to + ": the FX rate table has no rate into " + to
                    + " at or before the accounting date for " + count + " (currency, date) pair(s): " + missing
                    + (count > missing.size() ? " and " + (count - missing.size()) + " more" : "")
                    + ". Import rates with base currency " + to
                    + " on the FX rates page (started with the current reporting currency), then start again.");
            this.missing = List.copyOf(missing);
            this.count = count;
        }

        public List<Missing> missing() {
            return missing;
        }

        public int count() {
            return count;
        }
    }

    /** The reporting currencies of ledger lines other than {@code configured}, with how many lines each. */
    @Transactional
    public List<Object[]> otherCurrencies(String configured) {
        return em.createNativeQuery("select reporting_currency, count(*) from loss_entry where reporting_currency <> ?1"
                + " group by reporting_currency order by reporting_currency", Object[].class)
                .setParameter(1, configured).getResultList();
    }

    /**
     * Converts every line whose reporting currency is not {@code to}: from its own amount and currency, at the rate
     * into {@code to} on its accounting date ({@link FxRate#on}), all in one transaction under {@link #LOCK}. Each
     * line gets the new fx_rate (8 decimals), reporting_amount (amount x rate, 2 decimals, half-even) and
     * reporting_currency, and a line in the audit trail; then {@link LedgerConverted} is fired. If any rate is
     * missing, nothing changes: {@link MissingRatesException} lists the first 20 pairs and the count. Answers how
     * many lines were converted (0 when another instance did it first).
     */
    @Transactional
    public int convert(String to) {
        ClusterLock.hold(LOCK);
        @SuppressWarnings("unchecked")
        List<Object[]> lines = em.createNativeQuery("select id, amount, currency, accounting_date, fx_rate,"
                + " reporting_amount, reporting_currency from loss_entry where reporting_currency <> ?1 order by id")
                .setParameter(1, to).getResultList();
        Set<Missing> missing = new LinkedHashSet<>();
        List<Object[]> updates = new ArrayList<>();
        Set<String> from = new java.util.TreeSet<>();
        for (Object[] line : lines) {
            String currency = (String) line[2];
            LocalDate date = date(line[3]);
            Optional<FxRate.Quote> quote = FxRate.on(currency, to, date);
            if (quote.isEmpty()) {
                missing.add(new Missing(currency, date));
                continue;
            }
            BigDecimal rate = quote.get().rate().setScale(LINE_RATE_SCALE, RoundingMode.HALF_EVEN);
            BigDecimal amount = (BigDecimal) line[1];
            updates.add(new Object[]{line[0], rate, amount.multiply(rate).setScale(2, RoundingMode.HALF_EVEN),
                    line[4], line[5], line[6]});
            from.add((String) line[6]);
        }
        if (!missing.isEmpty()) {
            throw new MissingRatesException(to, missing.stream().limit(LISTED).toList(), missing.size());
        }
        String user = StampListener.currentUser();
        for (Object[] update : updates) {
            // The rate now comes from the table (or is 1 for a line already in the new currency): no longer typed.
            em.createNativeQuery("update loss_entry set fx_rate = ?1, reporting_amount = ?2, reporting_currency = ?3,"
                    + " fx_source = case when currency = ?3 then 'SAME_CURRENCY' else 'RATE_TABLE' end,"
                    + " fx_reason = null, version = version + 1, updated_at = ?4, updated_by = ?5 where id = ?6")
                    .setParameter(1, update[1]).setParameter(2, update[2]).setParameter(3, to)
                    .setParameter(4, java.time.OffsetDateTime.ofInstant(AppClock.now(), java.time.ZoneOffset.UTC))
                    .setParameter(5, user).setParameter(6, update[0]).executeUpdate();
            audit.recordEvent(AuditAction.UPDATE, "LossEntry", update[0].toString(), null,
                    "reporting currency converted: fx_rate " + plain(update[3]) + " -> " + plain(update[1])
                            + ", reporting_amount " + plain(update[4]) + " " + update[5] + " -> " + plain(update[2])
                            + " " + to);
        }
        if (!updates.isEmpty()) {
            converted.fire(new LedgerConverted(String.join(",", from), to, updates.size()));
        }
        return updates.size();
    }

    private static String plain(Object number) {
        return ((BigDecimal) number).stripTrailingZeros().toPlainString();
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
