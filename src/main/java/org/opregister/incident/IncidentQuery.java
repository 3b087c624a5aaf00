package org.opregister.incident;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.TypedQuery;

import org.opregister.web.Where;

/**
 * The where-clause and parameters of an {@link IncidentFilter}, shared by list, totals and exports: {@code where} and
 * {@code parameters} read the matches in a sort's order (a page, an export), {@code totalsWhere} and
 * {@code totalsParameters} visit them all at once (the same but for a search on H2, {@link SearchIndex.Search});
 * {@code kept}: the scope of its kept totals, null when they must be counted ({@link IncidentFilter#keptScope});
 * {@code fixed}: the one column of the incident the filter holds to a single value, if there is exactly one (see
 * {@link #orderBy}).
 */
record IncidentQuery(String where, Map<String, Object> parameters, String totalsWhere,
        Map<String, Object> totalsParameters, IncidentTotals.Scope kept, String fixed) {

    static IncidentQuery of(IncidentFilter filter) {
        SearchIndex.Search search = SearchIndex.search(filter.q());
        Where inOrder = filtered(SearchIndex.Condition.and(new Where(), search.inOrder()), filter);
        Where counted = filtered(SearchIndex.Condition.and(new Where(), search.counted()), filter);
        return new IncidentQuery(inOrder.clause(), inOrder.parameters(), counted.clause(), counted.parameters(),
                filter.keptScope(), fixedColumn(filter));
    }

    /** The filter's conditions but the search, after {@code where}'s. */
    private static Where filtered(Where where, IncidentFilter filter) {
        return where.and("i.status = :status", "status", filter.status())
                .and(classified(filter, "eventCategory") + " = :category", "category", filter.eventCategory())
                .and(classified(filter, "eventType") + " = :type", "type", filter.eventType())
                .and(classified(filter, "businessLine") + " = :line", "line", filter.businessLine())
                .and(dateRange(filter), dateParameters(filter))
                .and(filter.dataSet() == DataSetScope.IN
                        ? filter.rule().inClause()
                        : "not " + filter.rule().inClause(),
                        filter.dataSet() == null ? null : Map.of("dataSetThreshold", filter.rule().threshold()));
    }

    /** The one indexed column of the incident itself the filter fixes (a type implies its category), else null. */
    private static String fixedColumn(IncidentFilter filter) {
        List<String> fixed = new ArrayList<>();
        if (filter.status() != null) {
            fixed.add("i.status");
        }
        if (filter.classifyBy() != IncidentFilter.Classification.EVENT) {
            if (filter.eventType() != null) {
                fixed.add("i.eventType");
            } else if (filter.eventCategory() != null) {
                fixed.add("i.eventCategory");
            }
            if (filter.businessLine() != null) {
                fixed.add("i.businessLine");
            }
        }
        return fixed.size() == 1 ? fixed.get(0) : null;
    }

    /**
     * The sort's ORDER BY, led by the column the filter fixes when the sort is by occurrence date: the same rows in
     * the same order (that column has one value), but H2 then reads the page along that column's index
     * ({@code incident_status_idx}, {@code incident_type_idx}, ...: the column, then the occurrence date) instead of
     * sorting every match. H2 uses an index for the order only when it starts with the ORDER BY's columns;
     * PostgreSQL drops a column held to one value from the order by itself.
     */
    String orderBy(IncidentSort sort) {
        return fixed == null || !sort.byOccurrenceDate()
                ? sort.orderBy()
                : fixed + (sort.descending() ? " desc, " : " asc, ") + sort.orderBy();
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

    /**
     * {@code head} (a select and its from clause, ending in "where "), this filter, then {@code tail} (its order),
     * typed: the matches read in that order.
     */
    <T> TypedQuery<T> typed(String head, String tail, Class<T> type) {
        return typed(head + where + tail, parameters, type);
    }

    /** {@code head} (a select of aggregates and its from clause, ending in "where ") then this filter, typed. */
    <T> TypedQuery<T> totals(String head, Class<T> type) {
        return typed(head + totalsWhere, totalsParameters, type);
    }

    private static <T> TypedQuery<T> typed(String hql, Map<String, Object> parameters, Class<T> type) {
        TypedQuery<T> query = Incident.getEntityManager().createQuery(hql, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    String hql(IncidentSort sort) {
        return "from Incident i where " + where + " order by " + orderBy(sort);
    }
}
