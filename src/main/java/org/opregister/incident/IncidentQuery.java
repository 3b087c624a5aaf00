package org.opregister.incident;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.TypedQuery;

import org.opregister.web.Where;

/**
 * The where-clause and parameters of an {@link IncidentFilter}, shared by list, totals and exports; {@code kept}: the
 * scope of its kept totals, null when they must be counted ({@link IncidentFilter#keptScope}).
 */
record IncidentQuery(String where, Map<String, Object> parameters, IncidentTotals.Scope kept) {

    static IncidentQuery of(IncidentFilter filter) {
        Where where = SearchIndex.where(new Where(), filter.q())
                .and("i.status = :status", "status", filter.status())
                .and(classified(filter, "eventCategory") + " = :category", "category", filter.eventCategory())
                .and(classified(filter, "eventType") + " = :type", "type", filter.eventType())
                .and(classified(filter, "businessLine") + " = :line", "line", filter.businessLine())
                .and(dateRange(filter), dateParameters(filter))
                .and(filter.dataSet() == DataSetScope.IN
                        ? filter.rule().inClause()
                        : "not " + filter.rule().inClause(),
                        filter.dataSet() == null ? null : Map.of("dataSetThreshold", filter.rule().threshold()));
        return new IncidentQuery(where.clause(), where.parameters(), filter.keptScope());
    }

    /** The incident's own attribute, or its loss event's (its root's when it is grouped). */
    private static String classified(IncidentFilter filter, String attribute) {
        return filter.classifyBy() == IncidentFilter.Classification.EVENT
                ? "coalesce((select r." + attribute + " from Incident r where r = i.rootEvent), i." + attribute + ")"
                : "i." + attribute;
    }

    /** The from/to filter on the chosen date; for accounting dates, any of the event's loss lines in the range. */
    private static String dateRange(IncidentFilter filter) {
        String column = switch (filter.dateBasis()) {
            case OCCURRENCE -> "i.occurrenceDate";
            case DISCOVERY -> "i.discoveryDate";
            case ACCOUNTING -> "l.accountingDate";
        };
        String range = (filter.from() == null ? "" : column + " >= :from")
                + (filter.from() != null && filter.to() != null ? " and " : "")
                + (filter.to() == null ? "" : column + " <= :to");
        return filter.dateBasis() == DateBasis.ACCOUNTING
                ? "exists (select l.id from LossEntry l where l.incident = i and " + range + ")"
                : range;
    }

    private static Map<String, Object> dateParameters(IncidentFilter filter) {
        if (filter.from() == null && filter.to() == null) {
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        if (filter.from() != null) {
            values.put("from", filter.from());
        }
        if (filter.to() != null) {
            values.put("to", filter.to());
        }
        return values;
    }

    /** {@code head} (a select and its from clause, ending in "where "), this filter, then {@code tail}, typed. */
    <T> TypedQuery<T> typed(String head, String tail, Class<T> type) {
        TypedQuery<T> query = Incident.getEntityManager().createQuery(head + where + tail, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    String hql(IncidentSort sort) {
        return "from Incident i where " + where + " order by " + sort.orderBy();
    }
}
