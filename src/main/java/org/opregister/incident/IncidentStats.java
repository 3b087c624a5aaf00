package org.opregister.incident;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.opregister.taxonomy.EventCategory;

/** Figures for the dashboard, each from one aggregate query. */
public record IncidentStats(Map<IncidentStatus, Long> byStatus, List<CategoryLoss> lossByCategory,
        BigDecimal netLossSince,
        long incidentsSince, BigDecimal maxCategoryLoss) {

    public record CategoryLoss(EventCategory category, long count, BigDecimal netLoss) {
    }

    public long count(IncidentStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    /** Bar width in percent of the largest category, for the dashboard's bar chart. */
    public int share(CategoryLoss row) {
        if (maxCategoryLoss.signum() == 0) {
            return 0;
        }
        return row.netLoss().multiply(BigDecimal.valueOf(100))
                .divide(maxCategoryLoss, 0, java.math.RoundingMode.HALF_UP).intValue();
    }

    /**
     * Incidents by status only, from the kept totals (the dashboard's counters; its loss panel is the losses
     * package's).
     */
    public static IncidentStats statusCounts() {
        return new IncidentStats(IncidentTotals.countByStatus(), List.of(), BigDecimal.ZERO, 0, BigDecimal.ZERO);
    }

    public static IncidentStats compute(LocalDate since) {
        Map<IncidentStatus, Long> byStatus = IncidentTotals.countByStatus();
        List<CategoryLoss> byCategory = Incident.getEntityManager()
                .createQuery("select i.eventCategory, count(case when i.rootEvent is null then 1 end),"
                        + " coalesce(sum(i.netLoss), 0) from Incident i"
                        + " where i.occurrenceDate >= :since group by i.eventCategory order by 3 desc", Object[].class)
                .setParameter("since", since)
                .getResultList().stream()
                .map(row -> new CategoryLoss((EventCategory) row[0], ((Number) row[1]).longValue(),
                        (BigDecimal) row[2]))
                .toList();
        BigDecimal total = byCategory.stream().map(CategoryLoss::netLoss).reduce(BigDecimal.ZERO, BigDecimal::add);
        long count = byCategory.stream().mapToLong(CategoryLoss::count).sum();
        BigDecimal max = byCategory.stream().map(CategoryLoss::netLoss).reduce(BigDecimal.ZERO, BigDecimal::max);
        return new IncidentStats(byStatus, byCategory, total, count, max);
    }
}
