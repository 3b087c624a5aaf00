package org.opregister.incident;

import java.util.Map;

import org.opregister.web.Where;

/** The where-clause and parameters of an {@link IncidentFilter}, shared by list, totals and exports. */
record IncidentQuery(String where, Map<String, Object> parameters) {

    static IncidentQuery of(IncidentFilter filter) {
        Where where = new Where()
                .contains("i.searchText", "q", filter.q())
                .and("i.status = :status", "status", filter.status())
                .and("i.eventCategory = :category", "category", filter.eventCategory())
                .and("i.eventType = :type", "type", filter.eventType())
                .and("i.businessLine = :line", "line", filter.businessLine())
                .and("i.occurrenceDate >= :from", "from", filter.from())
                .and("i.occurrenceDate <= :to", "to", filter.to());
        return new IncidentQuery(where.clause(), where.parameters());
    }

    String hql(IncidentSort sort) {
        return "from Incident i where " + where + " order by " + sort.orderBy();
    }
}
