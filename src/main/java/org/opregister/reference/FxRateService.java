package org.opregister.reference;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.opregister.core.ClusterLock;
import org.opregister.core.Edits;
import org.opregister.core.FieldErrors;

/**
 * Changes to the FX rate table: a manager's rate, and files of rates. Every change takes the {@link #LOCK} first, so
 * imports and typed rates on any instance take turns: the second sees what the first stored, and neither fails on
 * the table's one-rate-per-day key.
 */
@ApplicationScoped
public class FxRateService {

    /** The named lock every change to the rate table holds. */
    public static final String LOCK = "fx-rates";

    private static final int FLUSH_EVERY = 1000;

    @Inject
    EntityManager em;

    /** What an import did: rates new, changed and already stored as they are; columns and days left out. */
    public record ImportResult(FxImport.Layout layout, int added, int updated, int unchanged,
            List<String> ignoredColumns, int skippedDays) {
    }

    /**
     * Stores a manager's rate (source {@link FxSource#MANUAL}, with its reason), replacing the rate of that base,
     * currency and day if there is one; {@code typed} holds what {@link FxRateForm#parse} found wrong.
     */
    @Transactional
    public FxRate addRate(FxRateForm.Entry entry, FieldErrors typed) {
        Edits.failIfAny(typed);
        ClusterLock.hold(LOCK);
        FxRate rate = FxRate.at(entry.base(), entry.currency(), entry.rateDate()).orElseGet(() -> {
            FxRate created = new FxRate();
            created.baseCurrency = entry.base();
            created.currency = entry.currency();
            created.rateDate = entry.rateDate();
            return created;
        });
        rate.rate = FxImport.fit(entry.rate());
        rate.source = FxSource.MANUAL;
        rate.reason = entry.reason();
        rate.persist();
        return rate;
    }

    /**
     * Imports a file of rates into {@code base} (see {@link FxImport} for the layouts): every rate or none. A rate
     * already stored with the same value is left alone, one with another value is replaced (and audited); importing
     * the same file twice changes nothing. Bad lines are reported by {@link org.opregister.core.InvalidInputException}
     * with the line numbers as fields ({@code base} for a bad base currency).
     */
    @Transactional
    public ImportResult importFile(String base, InputStream file) {
        FieldErrors errors = new FieldErrors();
        String code = FxRateForm.currency("base", base, errors);
        Edits.failIfAny(errors);
        FxImport.Parsed parsed = FxImport.read(file, code, errors);
        Edits.failIfAny(errors);
        FxSource source = parsed.layout() == FxImport.Layout.ECB ? FxSource.ECB_FILE : FxSource.CSV_FILE;
        ClusterLock.hold(LOCK);
        Map<String, Object[]> stored = stored(code, parsed.rates());
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int written = 0;
        for (FxImport.Rate rate : parsed.rates()) {
            Object[] existing = stored.get(key(rate.currency(), rate.date()));
            if (existing == null) {
                FxRate row = new FxRate();
                row.baseCurrency = code;
                row.currency = rate.currency();
                row.rateDate = rate.date();
                row.rate = rate.rate();
                row.source = source;
                row.persist();
                added++;
            } else if (((BigDecimal) existing[1]).compareTo(rate.rate()) == 0) {
                unchanged++;
                continue;
            } else {
                FxRate row = em.find(FxRate.class, existing[0]);
                row.rate = rate.rate();
                row.source = source;
                row.reason = null;
                updated++;
            }
            if (++written % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
        return new ImportResult(parsed.layout(), added, updated, unchanged, parsed.ignoredColumns(),
                parsed.skippedDays());
    }

    /** Id and rate of the stored rates of that base over the file's days, by currency and day. */
    private Map<String, Object[]> stored(String base, List<FxImport.Rate> rates) {
        LocalDate first = rates.stream().map(FxImport.Rate::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = rates.stream().map(FxImport.Rate::date).max(LocalDate::compareTo).orElseThrow();
        Map<String, Object[]> stored = new HashMap<>();
        em.createQuery("select r.id, r.currency, r.rateDate, r.rate from FxRate r where r.baseCurrency = :base"
                + " and r.rateDate between :first and :last", Object[].class)
                .setParameter("base", base).setParameter("first", first).setParameter("last", last)
                .getResultStream()
                .forEach(row -> stored.put(key((String) row[1], (LocalDate) row[2]), new Object[]{row[0], row[3]}));
        return stored;
    }

    private static String key(String currency, LocalDate date) {
        return currency + " " + date;
    }
}
