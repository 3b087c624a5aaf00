package org.opregister.losses;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opregister.incident.DataSetRule;
import org.opregister.incident.DateBasis;
import org.opregister.incident.Incident;
import org.opregister.taxonomy.BusinessLine;
import org.opregister.taxonomy.EventCategory;
import org.opregister.taxonomy.EventType;

/**
 * The losses page's figures, each table from one aggregate query (GROUP BY in the database; only the aggregated rows
 * come back), on the rules of {@link LossQuery}.
 */
public final class LossAnalytics {

    private LossAnalytics() {
    }

    /** Event type × business line, one query. */
    public static LossMatrix matrix(LossPeriod period) {
        LossQuery q = new LossQuery(period);
        List<LossMatrix.Cell> cells = q.query("select " + LossQuery.TYPE + ", " + LossQuery.LINE + ", "
                + q.measures() + q.from() + q.where() + " group by " + LossQuery.TYPE + ", " + LossQuery.LINE)
                .getResultList().stream()
                .map(row -> new LossMatrix.Cell(LossQuery.constant(EventType.class, row[0]),
                        LossQuery.constant(BusinessLine.class, row[1]), LossQuery.figures(row, 2)))
                .toList();
        return LossMatrix.of(cells);
    }

    /** A Level 1 category's figures, for the dashboard's loss panel. */
    public record CategoryLoss(EventCategory category, LossFigures figures) {
    }

    /** Figures by Level 1 category (its root's for a grouped incident), largest net loss first: one query. */
    public static List<CategoryLoss> byCategory(LossPeriod period) {
        LossQuery q = new LossQuery(period);
        String category = "coalesce(r.eventCategory, i.eventCategory)";
        return q.query("select " + category + ", " + q.measures() + q.from() + q.where() + " group by " + category)
                .getResultList().stream()
                .map(row -> new CategoryLoss(LossQuery.constant(EventCategory.class, row[0]),
                        LossQuery.figures(row, 1)))
                .sorted(Comparator.comparing((CategoryLoss c) -> c.figures().net()).reversed()
                        .thenComparing(CategoryLoss::category))
                .toList();
    }

    /** One row of the trend: a bucket of the period and its figures. */
    public record TrendRow(LossPeriod.Bucket bucket, LossFigures figures) {
    }

    /** The trend by the period's grain, every bucket of the period (empty ones at zero), one query. */
    public static List<TrendRow> trend(LossPeriod period) {
        LossQuery q = new LossQuery(period);
        String year = "year(" + q.date() + ")";
        String month = "month(" + q.date() + ")";
        String bucket = switch (period.grain()) {
            case MONTH -> month;
            case QUARTER -> "case when " + month + " <= 3 then 1 when " + month + " <= 6 then 2 when " + month
                    + " <= 9 then 3 else 4 end";
            case YEAR -> null;
        };
        String keys = bucket == null ? year : year + ", " + bucket;
        Map<String, LossFigures> found = new HashMap<>();
        for (Object[] row : q.query("select " + keys + ", " + q.measures() + q.from() + q.where() + " group by "
                + keys).getResultList()) {
            int at = bucket == null ? 1 : 2;
            int index = bucket == null ? 0 : ((Number) row[1]).intValue();
            found.put(((Number) row[0]).intValue() + "/" + index, LossQuery.figures(row, at));
        }
        List<TrendRow> trend = new ArrayList<>();
        for (LossPeriod.Bucket b : period.buckets()) {
            trend.add(new TrendRow(b, found.getOrDefault(b.year() + "/" + b.index(), LossFigures.NONE)));
        }
        return trend;
    }

    /** One of the events with the largest net loss in the period, as its root incident describes it. */
    public record TopEvent(int rank, long id, String reference, String title, EventType eventType,
            BusinessLine businessLine, LocalDate occurrenceDate, LossFigures figures) {
    }

    /** The ten events with the largest net loss in the period (net above zero), largest first: two queries. */
    public static List<TopEvent> topTen(LossPeriod period) {
        LossQuery q = new LossQuery(period);
        String net = q.gross() + " - " + q.recoveries();
        List<Object[]> rows = q.query("select " + LossQuery.EVENT + ", " + q.measures() + q.from() + q.where()
                + " group by " + LossQuery.EVENT + " having " + net + " > 0 order by " + net + " desc, "
                + LossQuery.EVENT).setMaxResults(10).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
        Map<Long, Object[]> events = new HashMap<>();
        Incident.getEntityManager()
                .createQuery("select i.id, i.reference, i.title, i.eventType, i.businessLine, i.occurrenceDate"
                        + " from Incident i where i.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> events.put((Long) row[0], row));
        List<TopEvent> top = new ArrayList<>();
        for (Object[] row : rows) {
            Object[] event = events.get(((Number) row[0]).longValue());
            top.add(new TopEvent(top.size() + 1, (Long) event[0], (String) event[1], (String) event[2],
                    (EventType) event[3], (BusinessLine) event[4], (LocalDate) event[5], LossQuery.figures(row, 1)));
        }
        return top;
    }

    /**
     * How much of the period's losses belongs to events in the regulatory loss data set ({@link DataSetRule}: the
     * event's aggregated loss over its whole ledger reaches the collection threshold; near misses, gain events and
     * credit-boundary losses stay out): one query for the events in; those out are the rest of the matrix's total.
     */
    public static DataSetShare dataSetShare(LossPeriod period, DataSetRule rule, LossFigures total) {
        LossQuery q = new LossQuery(period);
        Object[] row = q.query("select " + q.measures() + q.from() + q.where() + " and " + LossQuery.EVENT
                + " in (select x.id from Incident x where " + rule.inClause("x") + ")")
                .setParameter("dataSetThreshold", rule.threshold())
                .getSingleResult();
        LossFigures in = row[0] == null ? LossFigures.NONE : LossQuery.figures(row, 0);
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
