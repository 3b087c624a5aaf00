package org.opregister.kri;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

import org.opregister.core.AppClock;
import org.opregister.core.JobRuns;
import org.opregister.incident.Incident;
import org.opregister.incident.LossEntry;
import org.opregister.incident.LossType;
import org.opregister.incident.RecoveryStatus;

/**
 * Values of computed KRIs, taken from the register: incidents by month of discovery, or net loss (gross losses
 * minus recoveries, reporting currency) by accounting month, optionally of one event type or business line.
 * They follow changes to the register shortly after they commit, only in the periods touched
 * ({@link KriRecomputes}), and are computed in full each night (which also adds the new period).
 */
@ApplicationScoped
public class KriComputation {

    static final String NIGHTLY_JOB = "kri-recompute";

    @Inject
    @Any
    Instance<KriMeasure> measures;

    void onMeasureChange(@Observes KriMeasure.Changed change) {
        Kri.activeComputed().stream().filter(k -> k.source == change.source()).forEach(this::recompute);
    }

    @Scheduled(cron = "{oprisk.kri.recompute-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        recomputeTonight();
    }

    /** Once a night across all instances: the first to claim the day's run does it; answers whether this one did. */
    @Transactional
    boolean recomputeTonight() {
        if (!JobRuns.claim(NIGHTLY_JOB, AppClock.today().toString())) {
            return false;
        }
        Kri.activeComputed().forEach(this::recompute);
        return true;
    }

    /** Brings the stored values of a computed KRI in line with the register, from its first period to today's. */
    void recompute(Kri kri) {
        if (!kri.computed() || kri.status != KriActivity.ACTIVE || kri.valuesFrom == null) {
            return;
        }
        kri.lockValues();
        LocalDate last = kri.frequency.periodOf(AppClock.today());
        Map<LocalDate, BigDecimal> measured = kri.source.measured()
                ? measured(kri, last)
                : measure(kri, kri.valuesFrom, kri.frequency.lastDay(last));
        Map<LocalDate, KriValue> stored = new HashMap<>();
        KriValue.of(kri).forEach(v -> stored.put(v.periodStart, v));
        for (LocalDate period = kri.valuesFrom; !period.isAfter(last); period = kri.frequency.next(period)) {
            store(kri, period, measured.getOrDefault(period, BigDecimal.ZERO), stored.remove(period));
        }
        stored.values().forEach(KriValue::delete);
        Breaches.update(kri);
    }

    /**
     * Brings these periods (period starts) of a KRI computed from the register in line with it: one GROUP BY per run
     * of consecutive periods, then the breaches. Periods before the first or after today's are left to the full
     * recompute, as it would leave them.
     */
    void recompute(Kri kri, Collection<LocalDate> periods) {
        if (kri.source.measured()) {
            recompute(kri);
            return;
        }
        if (!kri.computed() || kri.status != KriActivity.ACTIVE || kri.valuesFrom == null) {
            return;
        }
        LocalDate last = kri.frequency.periodOf(AppClock.today());
        TreeSet<LocalDate> wanted = new TreeSet<>();
        for (LocalDate period : periods) {
            if (!period.isBefore(kri.valuesFrom) && !period.isAfter(last)) {
                wanted.add(kri.frequency.periodOf(period));
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        kri.lockValues();
        Map<LocalDate, BigDecimal> measured = new HashMap<>();
        LocalDate runStart = null;
        LocalDate runEnd = null;
        for (LocalDate period : wanted) {
            if (runEnd != null && !kri.frequency.next(runEnd).equals(period)) {
                measured.putAll(measure(kri, runStart, kri.frequency.lastDay(runEnd)));
                runStart = null;
            }
            runStart = runStart == null ? period : runStart;
            runEnd = period;
        }
        measured.putAll(measure(kri, runStart, kri.frequency.lastDay(runEnd)));
        Map<LocalDate, KriValue> stored = new HashMap<>();
        KriValue.in(kri, wanted).forEach(v -> stored.put(v.periodStart, v));
        for (LocalDate period : wanted) {
            store(kri, period, measured.getOrDefault(period, BigDecimal.ZERO), stored.get(period));
        }
        Breaches.update(kri);
    }

    private static void store(Kri kri, LocalDate period, BigDecimal measured, KriValue existing) {
        BigDecimal value = KriService.scaled(measured);
        if (existing == null) {
            KriValue created = new KriValue();
            created.kri = kri;
            created.periodStart = period;
            created.computed = true;
            created.rate(value, KriThreshold.inForce(kri, period));
            created.persist();
        } else if (existing.value.compareTo(value) != 0) {
            existing.rate(value, KriThreshold.inForce(kri, period));
        }
    }

    /**
     * The figure of a {@link KriMeasure} per period start: each period's figure on its last day, the current
     * period's today; none (zeros) when no package supplies the measure.
     */
    Map<LocalDate, BigDecimal> measured(Kri kri, LocalDate last) {
        Map<LocalDate, BigDecimal> result = new HashMap<>();
        KriMeasure measure = measures.stream().filter(m -> m.source() == kri.source).findFirst().orElse(null);
        if (measure == null) {
            return result;
        }
        LocalDate today = AppClock.today();
        for (LocalDate period = kri.valuesFrom; !period.isAfter(last); period = kri.frequency.next(period)) {
            LocalDate end = kri.frequency.lastDay(period);
            result.put(period, measure.valueOn(end.isAfter(today) ? today : end));
        }
        return result;
    }

    /** The measure per period start, for periods with any incidents or losses. */
    static Map<LocalDate, BigDecimal> measure(Kri kri, LocalDate from, LocalDate to) {
        StringBuilder filter = new StringBuilder();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        if (kri.eventCategory != null) {
            filter.append(" and i.eventCategory = :category");
            parameters.put("category", kri.eventCategory);
        }
        if (kri.businessLine != null) {
            filter.append(" and i.businessLine = :line");
            parameters.put("line", kri.businessLine);
        }
        Map<LocalDate, BigDecimal> result = new HashMap<>();
        if (kri.source == KriSource.INCIDENT_COUNT) {
            var query = Incident.getEntityManager()
                    .createQuery("select year(i.discoveryDate), month(i.discoveryDate), count(i)"
                            + " from Incident i where i.discoveryDate between :from and :to" + filter
                            + " group by year(i.discoveryDate), month(i.discoveryDate)", Object[].class);
            parameters.forEach(query::setParameter);
            for (Object[] row : query.getResultList()) {
                result.merge(period(kri, row), BigDecimal.valueOf(((Number) row[2]).longValue()), BigDecimal::add);
            }
        } else {
            var query = LossEntry.getEntityManager()
                    .createQuery("select year(l.accountingDate), month(l.accountingDate),"
                            + " l.type, l.recoveryStatus, sum(l.reportingAmount) from LossEntry l join l.incident i"
                            + " where l.accountingDate between :from and :to" + filter
                            + " group by year(l.accountingDate), month(l.accountingDate), l.type, l.recoveryStatus",
                            Object[].class);
            parameters.forEach(query::setParameter);
            for (Object[] row : query.getResultList()) {
                BigDecimal signed = ((LossType) row[2]).netEffect((BigDecimal) row[4], (RecoveryStatus) row[3]);
                result.merge(period(kri, row), signed, BigDecimal::add);
            }
        }
        return result;
    }

    private static LocalDate period(Kri kri, Object[] row) {
        return kri.frequency.periodOf(LocalDate.of(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), 1));
    }

}
