package org.opregister.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opregister.web.LikePattern;

/** The where-clause and parameters of an {@link IncidentFilter}, shared by list, totals and exports. */
record IncidentQuery(String where, Map<String, Object> parameters) {

    static IncidentQuery of(IncidentFilter filter) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.q() != null) {
            clauses.add("i.searchText like :q" + LikePattern.ESCAPE);
            parameters.put("q", LikePattern.contains(filter.q()));
        }
        if (filter.status() != null) {
            clauses.add("i.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.eventCategory() != null) {
            clauses.add("i.eventCategory = :category");
            parameters.put("category", filter.eventCategory());
        }
        if (filter.eventType() != null) {
            clauses.add("i.eventType = :type");
            parameters.put("type", filter.eventType());
        }
        if (filter.businessLine() != null) {
            clauses.add("i.businessLine = :line");
            parameters.put("line", filter.businessLine());
        }
        if (filter.from() != null) {
            clauses.add("i.occurrenceDate >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            clauses.add("i.occurrenceDate <= :to");
            parameters.put("to", filter.to());
        }
        return new IncidentQuery(clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses), parameters);
    }

    String hql(IncidentSort sort) {
        return "from Incident i where " + where + " order by " + sort.orderBy();
    }
}
