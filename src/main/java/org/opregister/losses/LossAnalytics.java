package org.opregister.losses;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.opregister.incident.DataSetRule;
import org.opregister.incident.DateBasis;
import org.opregister.incident.Incident;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

/**
 * The losses page's figures, every table from one pass over the period's rows ({@link LossScan}); the data-set share
 * on the incident-date bases takes one aggregate query more.
 */
public final class LossAnalytics {

    private LossAnalytics() {
    }

    /** Every table of the losses page for one period; read-only, so that it can be kept and shared. */
    public record PeriodFigures(LossMatrix matrix, List<TrendRow> trend, List<TopEvent> top, DataSetShare share) {
    }

    /** The losses page's tables for the period, from one pass over its rows; {@code rule} decides the data set. */
    public static PeriodFigures figures(LossPeriod period, DataSetRule rule) {
        LossScan scan = LossScan.of(period, rule);
        LossMatrix matrix = matrix(scan);
        return new PeriodFigures(matrix, List.copyOf(scan.trend()), List.copyOf(topTen(scan)),
                dataSetShare(scan, rule, matrix.total()));
    }

    /** Event type × business line. */
    static LossMatrix matrix(LossScan scan) {
        Map<EventType, Map<BusinessLine, LossFigures>> cells = new EnumMap<>(EventType.class);
        for (LossScan.Event event : scan.events()) {
            cells.computeIfAbsent(event.type, t -> new EnumMap<>(BusinessLine.class)).merge(event.line,
                    event.figures(), LossFigures::plus);
        }
        List<LossMatrix.Cell> flat = new ArrayList<>();
        cells.forEach((type, byLine) -> byLine.forEach((line, figures) -> flat.add(new LossMatrix.Cell(type, line,
                figures))));
        return LossMatrix.of(flat);
    }

    /** A Level 1 category's figures, for the dashboard's loss panel. */
    public record CategoryLoss(EventCategory category, LossFigures figures) {
    }

    /**
     * Figures by Level 1 category (its root's for a grouped incident), largest net loss first: the same figures as the
     * losses page's scan ({@link LossScan}) gives, summed by the database per event type (the dashboard reads a year of
     * ledger lines; the aggregate leaves them in the database's index instead of bringing each to the app).
     */
    public static List<CategoryLoss> byCategory(LossPeriod period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Incident.getEntityManager().createNativeQuery(LossScan.byEventType(period.basis()))
                .setParameter("from", period.from()).setParameter("to", period.to()).getResultList();
        Map<EventCategory, LossFigures> byCategory = new EnumMap<>(EventCategory.class);
        for (Object[] row : rows) {
            byCategory.merge(EventType.valueOf((String) row[0]).category, LossFigures.of(((Number) row[1]).longValue(),
                    (BigDecimal) row[2], (BigDecimal) row[3]), LossFigures::plus);
        }
        return byCategory.entrySet().stream().map(e -> new CategoryLoss(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing((CategoryLoss c) -> c.figures().net()).reversed()
                        .thenComparing(CategoryLoss::category))
                .toList();
    }

    /** One row of the trend: a bucket of the period and its figures. */
    public record TrendRow(LossPeriod.Bucket bucket, LossFigures figures) {
    }

    /** One of the events with the largest net loss in the period, as its root incident describes it. */
    public record TopEvent(int rank, long id, String reference, String title, EventType eventType,
            BusinessLine businessLine, LocalDate occurrenceDate, LossFigures figures) {
    }

    /** An event with its net loss worked out once (a comparison would subtract again, thousands of times). */
    private record Ranked(LossScan.Event event, BigDecimal net) {
    }

    private static final Comparator<Ranked> LARGEST_FIRST = Comparator.comparing(Ranked::net).reversed()
            .thenComparingLong(r -> r.event().id);

    /** The ten events with the largest net loss in the period (net above zero), largest first. */
    static List<TopEvent> topTen(LossScan scan) {
        List<LossScan.Event> rows = largest(scan.events(), 10);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(e -> e.id).toList();
        Map<Long, Object[]> events = new HashMap<>();
        Incident.getEntityManager()
                .createQuery("select i.id, i.reference, i.title, i.eventType, i.businessLine, i.occurrenceDate"
                        + " from Incident i where i.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> events.put((Long) row[0], row));
        List<TopEvent> top = new ArrayList<>();
        for (LossScan.Event row : rows) {
            Object[] event = events.get(row.id);
            top.add(new TopEvent(top.size() + 1, (Long) event[0], (String) event[1], (String) event[2],
                    (EventType) event[3], (BusinessLine) event[4], (LocalDate) event[5], row.figures()));
        }
        return top;
    }

    /**
     * The events with the largest net loss above zero, largest first, ties by the older event: kept while the
     * period's events go by (a year holds some 15,000 at 100,000 incidents), the queue's head being the one that
     * drops out first.
     */
    static List<LossScan.Event> largest(Collection<LossScan.Event> events, int count) {
        PriorityQueue<Ranked> largest = new PriorityQueue<>(LARGEST_FIRST.reversed());
        for (LossScan.Event event : events) {
            BigDecimal net = event.net();
            if (net.signum() > 0) {
                largest.add(new Ranked(event, net));
                if (largest.size() > count) {
                    largest.poll();
                }
            }
        }
        return largest.stream().sorted(LARGEST_FIRST).map(Ranked::event).toList();
    }

    /**
     * How much of the period's losses belongs to events in the regulatory loss data set ({@link DataSetRule}: the
     * event's aggregated loss over its whole ledger reaches the collection threshold; near misses, gain events and
     * credit-boundary losses stay out), decided by the scan: on the accounting basis each line carries its event's
     * size and exclusion; on the incident-date bases each incident brings its root's totals and flags, and the
     * incidents grouped under a root are summed once per scan. Those out are the rest of the total.
     */
    static DataSetShare dataSetShare(LossScan scan, DataSetRule rule, LossFigures total) {
        LossFigures in = scan.events().stream().filter(e -> e.inDataSet).map(LossScan.Event::figures)
                .reduce(LossFigures.NONE, LossFigures::plus);
        return new DataSetShare(in, total.minus(in), rule.threshold(), rule.netBasis());
    }

    /** Events in and out of the regulatory data set in the period. */
    public record DataSetShare(LossFigures in, LossFigures out, BigDecimal threshold, boolean netBasis) {

        public String basisKey() {
            return netBasis ? "lossData.basis.NET" : "lossData.basis.GROSS";
        }

        public int eventsPercentIn() {
            return LossFigures.percent(BigDecimal.valueOf(in.events()), BigDecimal.valueOf(in.events() + out.events()));
        }

        public int netPercentIn() {
            return LossFigures.percent(in.net(), in.net().add(out.net()));
        }
    }

    /**
     * The latest date that holds loss data on this basis (a ledger line's accounting date, or the date of an incident
     * with a loss), or null when there is none.
     */
    public static LocalDate latestData(DateBasis basis) {
        String hql = switch (basis) {
            case ACCOUNTING -> "select max(l.accountingDate) from LossEntry l";
            case OCCURRENCE -> "select max(i.occurrenceDate) from Incident i where i.grossLoss > 0";
            case DISCOVERY -> "select max(i.discoveryDate) from Incident i where i.grossLoss > 0";
        };
        return Incident.getEntityManager().createQuery(hql, LocalDate.class).getSingleResult();
    }
}
